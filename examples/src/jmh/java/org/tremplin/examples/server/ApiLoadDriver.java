package org.tremplin.examples.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.TestDatabase;

/**
 * Load on the REST API's reads (issue 13, item 7): Tremplin on the embedded PostgreSQL ({@link
 * ApiTestServer}, rate limit off), a demo-sized cohort (12 learners, 14 weeks of half-days
 * recorded), and {@code threads} clients over loopback HTTP/1.1 each sending reads round-robin over
 * six operations with a manager's token for {@code seconds} after {@code warmup} seconds. Every
 * reply must be a 200 with a JSON body, or the client stops.
 *
 * <p>Then each read alone, {@code each} times from one client: the database work and the CPU it
 * costs (rows PostgreSQL returned or scanned, transactions, the server's CPU without the client's,
 * PostgreSQL's processes' CPU). Prints reads per second, p50/p95/max per read and overall, CPU per
 * read (the server's threads, the clients', PostgreSQL's) and rows per read, with the load average
 * beside them, and the tables PostgreSQL read most. Run with the {@code bench} profile
 * (docs/benchmarks.md, "REST API reads").
 *
 * <p>{@code client=socket} (the default) is a minimal keep-alive HTTP/1.1 client, one connection
 * per client thread, that parses the status line, the headers and the body (length or chunked);
 * {@code client=jdk} is {@code java.net.http}, which costs the shared cores several times more CPU
 * per request. Not a test: nothing asserts beyond each reply's status and type.
 */
public final class ApiLoadDriver {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ApiLoadDriver() {}

  /** One read: its name and its path below the server's base. */
  private record Read(String name, String path) {}

  /**
   * {@code threads=8 warmup=10 seconds=30 each=300 client=socket analyze=true explain=false}:
   * {@code analyze=false} leaves the seeded tables without planner statistics (as autovacuum would
   * for a minute or more); {@code explain=true} only lists each read's statements ({@link
   * #explain}).
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        new LinkedHashMap<>(
            Map.of(
                "threads", "8", "warmup", "10", "seconds", "30", "each", "300", "client", "socket",
                "analyze", "true", "explain", "false"));
    Arrays.stream(args)
        .map(a -> a.split("=", 2))
        .filter(a -> a.length == 2)
        .forEach(a -> options.put(a[0], a[1]));
    int threads = Integer.parseInt(options.get("threads"));
    int warmup = Integer.parseInt(options.get("warmup"));
    int seconds = Integer.parseInt(options.get("seconds"));
    int each = Integer.parseInt(options.get("each"));
    String kind = options.get("client");
    if (!kind.equals("socket") && !kind.equals("jdk")) {
      throw new IllegalArgumentException("client=socket or client=jdk, not " + kind);
    }
    try (ApiTestServer api = new ApiTestServer(TestDatabase.POSTGRES, 0)) {
      Cohort cohort = seed(api);
      if (Boolean.parseBoolean(options.get("analyze"))) {
        analyze(api);
      }
      String token = api.token(Role.MANAGER, api.a);
      String c = "api/v1/cohorts/" + cohort.id().value();
      String learner =
          api.tremplin()
              .learners()
              .learners(manager(api), cohort.id())
              .get(0)
              .id()
              .value()
              .toString();
      LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.minusDays(1);
      }
      List<Read> reads =
          List.of(
              new Read("GET /cohorts/{id}", c),
              new Read("GET /cohorts/{id}/learners", c + "/learners"),
              new Read("GET /cohorts/{id}/enrolments", c + "/enrolments"),
              new Read("GET /cohorts/{id}/attendance?date=", c + "/attendance?date=" + day),
              new Read("GET /learners/{id}", "api/v1/learners/" + learner),
              new Read("GET /schools/{id}", "api/v1/schools/" + api.a.id().value()));
      Clients clients =
          kind.equals("jdk") ? new JdkClients(api.base, token) : new SocketClients(api.base, token);
      int postmaster = postmaster(api);
      if (Boolean.parseBoolean(options.get("explain"))) {
        explain(api, clients, reads, each);
        return;
      }
      run(clients, reads, threads, warmup, null, new AtomicLong());
      List<List<Long>> nanos = new ArrayList<>();
      reads.forEach(n -> nanos.add(Collections.synchronizedList(new ArrayList<>())));
      String load0 = loadAverage();
      Map<String, long[]> tables0 = tables(api);
      long[] db0 = database(api);
      long pg0 = serverCpu(postmaster);
      Map<String, Long> threads0 = threadCpu();
      long cpu0 = jvmCpuNanos();
      AtomicLong clientCpu = new AtomicLong();
      long start = System.nanoTime();
      long total = run(clients, reads, threads, seconds, nanos, clientCpu);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long cpu = jvmCpuNanos() - cpu0;
      Map<String, Long> threads1 = threadCpu();
      long pg = serverCpu(postmaster) - pg0;
      String load1 = loadAverage();
      Thread.sleep(1000); // PostgreSQL's statistics arrive within half a second
      long[] db1 = database(api);
      Map<String, long[]> tables1 = tables(api);
      List<long[]> alone = new ArrayList<>();
      for (int k = 0; k < reads.size(); k++) {
        alone.add(alone(api, clients, k, each, postmaster));
      }
      System.out.printf(
          Locale.ROOT,
          "%-36s %7s %7s %7s %7s | alone, per read: %6s %5s %8s %8s%n",
          "read",
          "count",
          "p50 ms",
          "p95 ms",
          "max ms",
          "rows",
          "xacts",
          "srv CPU",
          "PG CPU");
      List<Long> all = new ArrayList<>();
      for (int i = 0; i < reads.size(); i++) {
        List<Long> list = new ArrayList<>(nanos.get(i));
        all.addAll(list);
        print(reads.get(i).name(), list, alone.get(i));
      }
      print("all reads", all, null);
      System.out.printf(
          Locale.ROOT,
          "%d reads in %.1f s with %d %s clients: %.0f reads/s (PostgreSQL, %d cores;"
              + " load average %s before, %s after)%n",
          total,
          elapsed,
          threads,
          kind,
          total / elapsed,
          Runtime.getRuntime().availableProcessors(),
          load0,
          load1);
      System.out.printf(
          Locale.ROOT,
          "per read under load: CPU %.3f ms in this JVM (%.3f outside the client threads, %.3f in"
              + " them), %.3f ms in"
              + " PostgreSQL's processes; %.2f transactions and %.1f rows returned by PostgreSQL%n",
          cpu / 1e6 / total,
          (cpu - clientCpu.get()) / 1e6 / total,
          clientCpu.get() / 1e6 / total,
          pg / 1e6 / total,
          (db1[0] - db0[0]) / (double) total,
          (db1[1] - db0[1]) / (double) total);
      StringBuilder byThread = new StringBuilder("this JVM's CPU per read by thread:");
      threads1.forEach(
          (name, used) -> {
            double ms = (used - threads0.getOrDefault(name, 0L)) / 1e6 / total;
            if (ms >= 0.005) {
              byThread.append(String.format(Locale.ROOT, " %s %.3f ms,", name, ms));
            }
          });
      System.out.println(byThread.substring(0, byThread.length() - 1));
      printTables(tables0, tables1, total);
    }
  }

  /**
   * The statements each read runs, from PostgreSQL's pg_stat_statements (the server started with
   * {@code -Dtremplin.test.postgres.settings=shared_preload_libraries=pg_stat_statements}): each
   * read {@code times} times from one client, then per statement its calls, rows and buffers per
   * read. With auto_explain preloaded too (and {@code logging_collector}), the server's log holds
   * each statement's plan.
   */
  private static void explain(ApiTestServer api, Clients clients, List<Read> reads, int times)
      throws Exception {
    clients.paths(reads.stream().map(Read::path).toList());
    try (Connection c = api.data.getConnection();
        Statement s = c.createStatement();
        Clients.Client client = clients.open()) {
      s.execute("create extension if not exists pg_stat_statements");
      for (int k = 0; k < reads.size(); k++) {
        s.execute("select pg_stat_statements_reset()");
        for (int i = 0; i < times; i++) {
          client.get(k);
        }
        System.out.println("== " + reads.get(k).name() + ", per read:");
        try (ResultSet rs =
            s.executeQuery(
                "select calls, rows, shared_blks_hit + shared_blks_read, query"
                    + " from pg_stat_statements where dbid = (select oid from pg_database"
                    + " where datname = current_database()) and query not like '%pg_stat%'"
                    + " order by shared_blks_hit + shared_blks_read desc")) {
          while (rs.next()) {
            System.out.printf(
                Locale.ROOT,
                "  %6.2f calls %8.1f rows %8.1f buffers  %s%n",
                rs.getLong(1) / (double) times,
                rs.getLong(2) / (double) times,
                rs.getLong(3) / (double) times,
                rs.getString(4).replaceAll("\\s+", " "));
          }
        }
      }
    }
  }

  /** Refreshes the planner's statistics after the seed, as autovacuum would in time. */
  private static void analyze(ApiTestServer api) throws SQLException {
    try (Connection c = api.data.getConnection();
        Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  /**
   * One read {@code each} times from one client, then once more after PostgreSQL's statistics
   * interval (a backend sends what it counted at the end of a transaction at most every 500 ms, so
   * the last read carries the others' counts): rows and transactions per read, the server's CPU
   * (this JVM's without the client thread's) and PostgreSQL's per read, in nanoseconds.
   */
  private static long[] alone(ApiTestServer api, Clients clients, int k, int each, int postmaster)
      throws Exception {
    Clients.Client client = clients.open();
    try {
      Thread.sleep(600);
      long[] db0 = database(api);
      long pg0 = serverCpu(postmaster);
      long jvm0 = jvmCpuNanos();
      long own0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < each; i++) {
        client.get(k);
      }
      Thread.sleep(600);
      client.get(k);
      long own = THREADS.getCurrentThreadCpuTime() - own0;
      long jvm = jvmCpuNanos() - jvm0 - own;
      long pg = serverCpu(postmaster) - pg0;
      Thread.sleep(600);
      long[] db1 = database(api);
      int n = each + 1;
      return new long[] {(db1[1] - db0[1]) / n, (db1[0] - db0[0]) * 100 / n, jvm / n, pg / n};
    } finally {
      client.close();
    }
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time so far of this JVM's threads (Linux /proc/self/task, the JVM's own threads included:
   * garbage collector, compilers), summed by name with digits dropped, in nanoseconds.
   */
  private static Map<String, Long> threadCpu() throws IOException {
    Map<String, Long> cpu = new java.util.TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
          cpu.merge(name, ticks(task) * 10_000_000L, Long::sum);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return cpu;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The database's committed transactions and rows returned so far (pg_stat_database). */
  private static long[] database(ApiTestServer api) throws SQLException {
    try (Connection c = api.data.getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "select xact_commit + xact_rollback, tup_returned from pg_stat_database"
                  + " where datname = current_database()")) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  /** Per table: sequential scans, rows they read, index scans, rows fetched through indexes. */
  private static Map<String, long[]> tables(ApiTestServer api) throws SQLException {
    Map<String, long[]> tables = new HashMap<>();
    try (Connection c = api.data.getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs =
          s.executeQuery(
              "select schemaname || '.' || relname, seq_scan, seq_tup_read,"
                  + " coalesce(idx_scan, 0), coalesce(idx_tup_fetch, 0) from pg_stat_all_tables")) {
        while (rs.next()) {
          tables.put(
              rs.getString(1),
              new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        }
      }
    }
    return tables;
  }

  private static void printTables(Map<String, long[]> before, Map<String, long[]> after, long n) {
    record Row(String table, long[] d) {}
    List<Row> rows = new ArrayList<>();
    after.forEach(
        (t, a) -> {
          long[] b = before.getOrDefault(t, new long[4]);
          long[] d = new long[4];
          for (int i = 0; i < 4; i++) {
            d[i] = a[i] - b[i];
          }
          if (d[0] + d[2] > 0) {
            rows.add(new Row(t, d));
          }
        });
    rows.sort((x, y) -> Long.compare(y.d()[1] + y.d()[3], x.d()[1] + x.d()[3]));
    System.out.printf(
        Locale.ROOT,
        "tables read under load, per read: %-34s %9s %11s %9s %11s%n",
        "",
        "seq scans",
        "rows (seq)",
        "idx scans",
        "rows (idx)");
    for (Row r : rows.subList(0, Math.min(10, rows.size()))) {
      System.out.printf(
          Locale.ROOT,
          "  %-65s %9.3f %11.2f %9.3f %11.2f%n",
          r.table(),
          r.d()[0] / (double) n,
          r.d()[1] / (double) n,
          r.d()[2] / (double) n,
          r.d()[3] / (double) n);
    }
  }

  /** The PostgreSQL server's main process (the parent of a backend). */
  private static int postmaster(ApiTestServer api) throws SQLException, IOException {
    try (Connection c = api.data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
      rs.next();
      // read while the backend lives: it ends with the connection
      return (int) stat(Path.of("/proc", String.valueOf(rs.getInt(1))), 1);
    }
  }

  /** CPU time of the postmaster and its children so far (Linux /proc), in nanoseconds. */
  private static long serverCpu(int postmaster) throws IOException {
    long ticks = ticks(Path.of("/proc", String.valueOf(postmaster)));
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit) && stat(p, 1) == postmaster) {
          ticks += ticks(p);
        }
      }
    }
    return ticks * 10_000_000L; // USER_HZ = 100
  }

  private static long ticks(Path proc) {
    return stat(proc, 11) + stat(proc, 12);
  }

  /** A field of /proc/pid/stat after the command's name (0 when the process ended). */
  private static long stat(Path proc, int field) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static void print(String name, List<Long> list, long[] alone) {
    long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-36s %7d %7.1f %7.1f %7.1f%s%n",
        name,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6,
        alone == null
            ? ""
            : String.format(
                Locale.ROOT,
                " |                   %6d %5.2f %8.3f %8.3f",
                alone[0],
                alone[1] / 100.0,
                alone[2] / 1e6,
                alone[3] / 1e6));
  }

  private static long run(
      Clients clients,
      List<Read> reads,
      int threads,
      int seconds,
      List<List<Long>> nanos,
      AtomicLong clientCpu)
      throws InterruptedException {
    clients.paths(reads.stream().map(Read::path).toList());
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong count = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try (Clients.Client client = clients.open()) {
                  for (int i = offset; System.nanoTime() < until; i++) {
                    int k = i % reads.size();
                    long begin = System.nanoTime();
                    client.get(k);
                    long took = System.nanoTime() - begin;
                    if (nanos != null) {
                      nanos.get(k).add(took);
                    }
                    count.incrementAndGet();
                  }
                } catch (Exception e) {
                  e.printStackTrace();
                } finally {
                  clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    return count.get();
  }

  /** How the clients reach the server: one {@link Client} per client thread. */
  private abstract static class Clients {
    final URI base;
    final String token;
    List<String> paths = List.of();

    Clients(URI base, String token) {
      this.base = base;
      this.token = token;
    }

    void paths(List<String> paths) {
      this.paths = paths;
    }

    abstract Client open() throws IOException;

    /** A client's connection: GET the k-th path, a 200 with a JSON body or an exception. */
    interface Client extends AutoCloseable {
      void get(int k) throws IOException, InterruptedException;

      @Override
      void close() throws IOException;
    }
  }

  /** {@code java.net.http}, one client for all threads. */
  private static final class JdkClients extends Clients {
    private final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    JdkClients(URI base, String token) {
      super(base, token);
    }

    @Override
    Client open() {
      List<HttpRequest> requests = new ArrayList<>();
      for (String path : paths) {
        requests.add(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
      }
      return new Client() {
        @Override
        public void get(int k) throws IOException, InterruptedException {
          HttpResponse<byte[]> reply =
              http.send(requests.get(k), HttpResponse.BodyHandlers.ofByteArray());
          String type = reply.headers().firstValue("Content-Type").orElse("");
          checkReply(reply.uri().toString(), reply.statusCode(), type, reply.body());
        }

        @Override
        public void close() {}
      };
    }
  }

  /**
   * A minimal HTTP/1.1 client on one keep-alive socket per client thread: requests written once as
   * bytes; replies read to their end (Content-Length or chunked), the status and Content-Type
   * checked, the connection opened again when the server closes it.
   */
  private static final class SocketClients extends Clients {
    SocketClients(URI base, String token) {
      super(base, token);
    }

    @Override
    Client open() {
      List<byte[]> requests = new ArrayList<>();
      for (String path : paths) {
        String request =
            "GET "
                + base.resolve(path).getRawPath()
                + (base.resolve(path).getRawQuery() == null
                    ? ""
                    : "?" + base.resolve(path).getRawQuery())
                + " HTTP/1.1\r\nHost: "
                + base.getHost()
                + ":"
                + base.getPort()
                + "\r\nAuthorization: Bearer "
                + token
                + "\r\nAccept: application/json\r\n\r\n";
        requests.add(request.getBytes(StandardCharsets.US_ASCII));
      }
      return new SocketClient(requests);
    }

    private final class SocketClient implements Client {
      private final List<byte[]> requests;
      private Socket socket;
      private InputStream in;
      private OutputStream out;

      SocketClient(List<byte[]> requests) {
        this.requests = requests;
      }

      @Override
      public void get(int k) throws IOException {
        if (socket == null) {
          socket = new Socket(base.getHost(), base.getPort());
          socket.setTcpNoDelay(true);
          in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
          out = socket.getOutputStream();
        }
        out.write(requests.get(k));
        out.flush();
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
          throw new IOException("not an HTTP reply: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        String type = "";
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
          int colon = header.indexOf(':');
          String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          String value = header.substring(colon + 1).strip();
          switch (name) {
            case "content-length" -> length = Long.parseLong(value);
            case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
            case "connection" -> closes = value.equalsIgnoreCase("close");
            case "content-type" -> type = value;
            default -> {}
          }
        }
        byte[] body;
        if (chunked) {
          ByteArrayOutputStream all = new ByteArrayOutputStream();
          for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
              size > 0;
              size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
            all.write(in.readNBytes(size));
            line(in);
          }
          for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
            // trailers are not used
          }
          body = all.toByteArray();
        } else if (length >= 0) {
          body = in.readNBytes((int) length);
          if (body.length != length) {
            throw new IOException("the reply ended early");
          }
        } else {
          throw new IOException("a reply without a length");
        }
        checkReply(new String(requests.get(k), 0, 60, StandardCharsets.US_ASCII), code, type, body);
        if (closes) {
          close();
        }
      }

      @Override
      public void close() throws IOException {
        if (socket != null) {
          socket.close();
          socket = null;
        }
      }
    }
  }

  /** A line of the reply's head, without its CRLF. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void checkReply(String what, int status, String type, byte[] body) {
    if (status != 200) {
      throw new IllegalStateException(what + ": " + status);
    }
    if (!type.startsWith("application/json")
        || body.length == 0
        || (body[0] != '{' && body[0] != '[')) {
      throw new IllegalStateException(what + ": not a JSON body (" + type + ")");
    }
  }

  private static Actor manager(ApiTestServer api) {
    return Actor.of("manager", Role.MANAGER, new Scope.OfSchool(api.a.id()));
  }

  /** A demo-sized cohort running today in school a: 12 learners, 14 weeks recorded. */
  private static Cohort seed(ApiTestServer api) {
    Tremplin core = api.tremplin();
    Actor manager = manager(api);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate first = today.minusWeeks(14).with(DayOfWeek.MONDAY);
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    api.a.id(),
                    "Promo Banc d'essai",
                    new DateRange(first, first.plusWeeks(43).minusDays(3)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    List<Learner> learners = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Learner l = core.learners().register(manager, api.a.id(), "Prénom" + i, "Nom" + i);
      core.learners().join(manager, cohort.id(), l.id(), first);
      learners.add(l);
    }
    List<AttendanceEntry> entries = new ArrayList<>();
    int n = 0;
    for (LocalDate day :
        core.cohorts()
            .calendar(manager, cohort.id())
            .workingDaysIn(new DateRange(first, today.minusDays(1)))) {
      for (HalfDay half : List.of(HalfDay.am(day), HalfDay.pm(day))) {
        for (Learner l : learners) {
          Mark mark = n++ % 17 == 0 ? Mark.ABSENT_UNJUSTIFIED : Mark.PRESENT;
          entries.add(new AttendanceEntry(l.id(), half, AttendanceMark.of(mark)));
        }
      }
    }
    core.attendance().recordAll(manager, cohort.id(), entries);
    return cohort;
  }
}
