package org.tremplin.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGradebookTest {
  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  private static DemoGradebook.Score score(String lineItem, String user, Instant timestamp) {
    return new DemoGradebook.Score(
        lineItem,
        user,
        Optional.of(3.0),
        Optional.of(4.0),
        "",
        "Completed",
        "FullyGraded",
        timestamp,
        NOW);
  }

  @Test
  void aGradebookInAFileKeepsItsActivitiesLineItemsAndScoresAcrossARestart(@TempDir Path dir) {
    Path file = dir.resolve("gradebook.json");
    DemoGradebook before = DemoGradebook.at(file);
    DemoGradebook.Activity placed =
        before.place(
            "CP3",
            "http://localhost/lti/launch",
            Map.of("tremplin_item", "competency:CP3"),
            new DemoGradebook.PlacedLineItem("CP3", 4, "competency:CP3", "tremplin"),
            NOW);
    String item = placed.lineItem().orElseThrow();
    before.post(score(item, "learner-1", NOW));

    DemoGradebook after = DemoGradebook.at(file);

    assertThat(after.activities()).containsExactly(placed);
    assertThat(after.lineItems("competency:CP3", placed.id(), "tremplin")).hasSize(1);
    assertThat(after.scores()).containsExactlyElementsOf(before.scores());
    // ids go on where they stopped, and the timestamp rule holds across the restart
    assertThat(after.create("other", 10, "", "", "").id()).isNotEqualTo(item);
    assertThat(after.post(score(item, "learner-1", NOW))).isEqualTo(DemoGradebook.Stored.STALE);
  }

  @Test
  void awaitScoreReturnsWhenTheScoreArrivesAndGivesUpAtItsDeadline() throws Exception {
    DemoGradebook book = new DemoGradebook();
    String item = book.create("CP1", 4, "competency:CP1", "tremplin", "").id();

    CompletableFuture<Optional<DemoGradebook.Score>> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return book.awaitScore(s -> s.userId().equals("learner-2"), Duration.ofMinutes(1));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    book.post(score(item, "learner-1", NOW));
    book.post(score(item, "learner-2", NOW));

    assertThat(waiting.get(30, TimeUnit.SECONDS))
        .get()
        .extracting(DemoGradebook.Score::userId)
        .isEqualTo("learner-2");
    assertThat(book.awaitScore(s -> s.userId().equals("nobody"), Duration.ofMillis(50))).isEmpty();
  }
}
