package org.tremplin.examples.server;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
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
 * recorded), and {@code threads} clients over loopback HTTP each sending reads round-robin over six
 * operations with a manager's token for {@code seconds} after {@code warmup} seconds. Prints reads
 * per second and p50/p95/max per operation and overall. Run with the {@code bench} profile
 * (docs/benchmarks.md, "REST API reads"). Not a test: nothing asserts.
 */
public final class ApiLoadDriver {
  private ApiLoadDriver() {}

  /** {@code threads=8 warmup=10 seconds=30}. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options =
        new LinkedHashMap<>(Map.of("threads", "8", "warmup", "10", "seconds", "30"));
    Arrays.stream(args)
        .map(a -> a.split("=", 2))
        .filter(a -> a.length == 2)
        .forEach(a -> options.put(a[0], a[1]));
    int threads = Integer.parseInt(options.get("threads"));
    int warmup = Integer.parseInt(options.get("warmup"));
    int seconds = Integer.parseInt(options.get("seconds"));
    try (ApiTestServer api = new ApiTestServer(TestDatabase.POSTGRES, 0)) {
      Cohort cohort = seed(api);
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
      Map<String, String> reads = new LinkedHashMap<>();
      reads.put("GET /cohorts/{id}", c);
      reads.put("GET /cohorts/{id}/learners", c + "/learners");
      reads.put("GET /cohorts/{id}/enrolments", c + "/enrolments");
      reads.put("GET /cohorts/{id}/attendance?date=", c + "/attendance?date=" + day);
      reads.put("GET /learners/{id}", "api/v1/learners/" + learner);
      reads.put("GET /schools/{id}", "api/v1/schools/" + api.a.id().value());
      List<String> names = new ArrayList<>(reads.keySet());
      List<HttpRequest> requests = new ArrayList<>();
      for (String path : reads.values()) {
        requests.add(
            HttpRequest.newBuilder(api.base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
      }
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      run(http, requests, threads, warmup, null);
      List<List<Long>> nanos = new ArrayList<>();
      names.forEach(n -> nanos.add(java.util.Collections.synchronizedList(new ArrayList<>())));
      long[] db0 = database(api);
      long cpu0 = jvmCpuNanos();
      long start = System.nanoTime();
      long total = run(http, requests, threads, seconds, nanos);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long cpu = jvmCpuNanos() - cpu0;
      Thread.sleep(1000); // PostgreSQL's statistics arrive within half a second
      long[] db1 = database(api);
      System.out.printf(
          Locale.ROOT, "%-36s %9s %8s %8s %8s%n", "read", "count", "p50 ms", "p95 ms", "max ms");
      List<Long> all = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        List<Long> list = new ArrayList<>(nanos.get(i));
        all.addAll(list);
        print(names.get(i), list);
      }
      print("all reads", all);
      System.out.printf(
          Locale.ROOT,
          "%d reads in %.1f s with %d clients: %.0f reads/s (PostgreSQL, %d cores)%n",
          total,
          elapsed,
          threads,
          total / elapsed,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          Locale.ROOT,
          "per read: %.2f ms of this JVM's CPU (server and clients), %.2f transactions and %.1f"
              + " rows returned by PostgreSQL%n",
          cpu / 1e6 / total,
          (db1[0] - db0[0]) / (double) total,
          (db1[1] - db0[1]) / (double) total);
    }
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The database's committed transactions and rows returned so far (pg_stat_database). */
  private static long[] database(ApiTestServer api) throws java.sql.SQLException {
    try (java.sql.Connection c = api.data.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (java.sql.ResultSet rs =
          s.executeQuery(
              "select xact_commit + xact_rollback, tup_returned from pg_stat_database"
                  + " where datname = current_database()")) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    }
  }

  private static void print(String name, List<Long> list) {
    long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-36s %9d %8.1f %8.1f %8.1f%n",
        name,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static long run(
      HttpClient http, List<HttpRequest> requests, int threads, int seconds, List<List<Long>> nanos)
      throws InterruptedException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong count = new AtomicLong();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = offset; System.nanoTime() < until; i++) {
                    int k = i % requests.size();
                    long begin = System.nanoTime();
                    HttpResponse<byte[]> reply =
                        http.send(requests.get(k), HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - begin;
                    if (reply.statusCode() != 200) {
                      throw new IllegalStateException(reply.uri() + " " + reply.statusCode());
                    }
                    if (nanos != null) {
                      nanos.get(k).add(took);
                    }
                    count.incrementAndGet();
                  }
                } catch (Exception e) {
                  e.printStackTrace();
                } finally {
                  done.countDown();
                }
              });
      thread.start();
    }
    done.await();
    return count.get();
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
