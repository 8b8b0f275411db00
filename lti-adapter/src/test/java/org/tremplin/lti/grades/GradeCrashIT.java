package org.tremplin.lti.grades;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.core.Tremplin;
import org.tremplin.testing.FakeGradebook.Column;
import org.tremplin.testing.FakeGradebook.ReceivedScore;
import org.tremplin.testing.TestDatabase;

/**
 * A tool node killed with SIGKILL ({@code kill -9}) while it sends scores loses none (issue 11,
 * item 5): a node in a JVM of its own ({@link GradeNode}) delivers the stored assessments until the
 * gradebook holds a score post in flight; the node is killed; a second node (this JVM), once the
 * dead node's leases have expired, delivers the rest. Every score then has arrived exactly once, in
 * order per learner and line item. On an H2 file and on PostgreSQL.
 */
class GradeCrashIT {
  private static final List<String> COMPETENCIES = List.of("CP1", "CP2", "CP3", "CP4");
  private static final AssessmentResult[] RESULTS = {
    AssessmentResult.NOT_ACQUIRED, AssessmentResult.PARTIALLY_ACQUIRED, AssessmentResult.ACQUIRED
  };

  @TempDir Path dir;

  @Test
  void anH2FileNodeKilledWhileSendingLosesNoScore() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("grades");
    killWhileSending(Tremplin.dataSource(url, "sa", ""), url, "sa", "");
  }

  @Test
  void aPostgresqlNodeKilledWhileSendingLosesNoScore() throws Exception {
    PGSimpleDataSource pg = (PGSimpleDataSource) TestDatabase.POSTGRES.fresh();
    killWhileSending(
        pg, pg.getURL(), pg.getUser(), pg.getPassword() == null ? "" : pg.getPassword());
  }

  private void killWhileSending(DataSource ds, String url, String user, String password)
      throws Exception {
    try (GradesFixture f = new GradesFixture(ds, Instant.now().truncatedTo(ChronoUnit.MILLIS))) {
      Map<String, List<Double>> expected = new LinkedHashMap<>();
      String[] subs = {"sub-ada", "sub-bob", "sub-chloe"};
      for (int round = 0; round < 2; round++) {
        for (int learner = 0; learner < 3; learner++) {
          for (String competency : COMPETENCIES) {
            AssessmentResult r = RESULTS[(round + learner + competency.hashCode()) % 3];
            f.assess(learner, competency, r);
            expected
                .computeIfAbsent(subs[learner] + " " + competency, k -> new ArrayList<>())
                .add(GradePublisher.scoreOf(r));
            f.advance(Duration.ofMillis(1100)); // a lane's scores a second apart
          }
        }
      }
      f.gradebook.holdScoresAfter(7);

      Process node = start(f, url, user, password);
      try {
        assertThat(f.gradebook.awaitHeld(Duration.ofSeconds(120)))
            .as("the node sends scores until one is held")
            .isTrue();
      } finally {
        node.destroyForcibly(); // SIGKILL
        node.waitFor(30, TimeUnit.SECONDS);
      }
      f.gradebook.release();
      assertThat(f.gradebook.scores()).hasSize(7);

      // the second node: past the dead node's delivery and lane leases
      Instant later = Instant.now().isAfter(f.clock.instant()) ? Instant.now() : f.clock.instant();
      f.clock.set(later.plus(Duration.ofMinutes(5)));
      for (int i = 0; i < 5; i++) {
        f.deliver();
        f.advance(Duration.ofMinutes(5));
      }

      Map<String, String> columns = new LinkedHashMap<>();
      for (Column c : f.gradebook.columns(GradesFixture.COURSE)) {
        columns.put(c.id(), c.resourceId().substring("competency:".length()));
      }
      assertThat(columns).hasSize(COMPETENCIES.size());
      Map<String, List<Double>> received = new LinkedHashMap<>();
      for (ReceivedScore s : f.gradebook.scores()) {
        received
            .computeIfAbsent(s.userId() + " " + columns.get(s.lineItem()), k -> new ArrayList<>())
            .add(s.scoreGiven());
      }
      assertThat(received).isEqualTo(expected);
      assertThat(f.deliveries.counts(f.cohort.id())).isEqualTo(new ScoreCounts(0, 24, 0, 0));
      assertThat(f.gradebook.violations()).isEmpty();
    }
  }

  private Process start(GradesFixture f, String url, String user, String password)
      throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            GradeNode.class.getName(),
            url,
            user,
            password,
            f.lms.issuer(),
            GradesFixture.CLIENT,
            f.services.tokenUrl(),
            f.lms.url("/jwks"),
            GradesFixture.DEPLOYMENT);
    Path log = Files.createTempFile(dir, "node", ".log");
    Process node = new ProcessBuilder(command).redirectError(log.toFile()).start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  if (line.equals("ready")) {
                    ready.complete(true);
                  }
                }
              } catch (java.io.IOException e) {
                // the node is gone
              }
              ready.complete(false);
            });
    reader.setDaemon(true);
    reader.start();
    if (!ready.get(120, TimeUnit.SECONDS)) {
      throw new AssertionError("the node did not start: " + Files.readString(log));
    }
    return node;
  }
}
