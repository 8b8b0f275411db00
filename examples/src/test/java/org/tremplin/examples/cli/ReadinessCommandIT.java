package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ReadinessCommandIT {
  @Test
  void printsATableWithAHeaderAndTwelveLearnersIncludingTheOneWhoLeft() throws Exception {
    JarRun run = JarRun.of("readiness");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    List<String> lines = run.outputLines();
    String header =
        lines.stream().filter(l -> l.startsWith("Apprenant·e")).findFirst().orElseThrow();
    assertThat(header).contains("CP1", "CP4", "CP5", "CP8", "Bloc 1", "Bloc 2", "Titre", "Manque");
    List<String> rows =
        lines.stream().filter(l -> l.contains("en formation") || l.contains("sorti·e le")).toList();
    assertThat(rows).hasSize(12);
    assertThat(rows).filteredOn(l -> l.contains("sorti·e le 14 nov. 2025")).hasSize(1);
    assertThat(rows).anyMatch(l -> l.startsWith("Yanis Haddad"));
    int cp1 = header.indexOf("CP1");
    assertThat(rows).allMatch(l -> "●◐○".indexOf(l.charAt(cp1)) >= 0, "a status under CP1");
  }

  @Test
  void printsTheSameDataAsJson() throws Exception {
    JarRun run = JarRun.of("readiness", "--format", "json", "--lang", "en");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.stdout());
    assertThat(doc.get("cohort").asText()).isEqualTo("Promo 2025-2026");
    JsonNode learners = doc.get("learners");
    assertThat(learners).hasSize(12);
    assertThat(learners).allMatch(l -> l.get("competencies").size() == 8);
    assertThat(learners).noneMatch(l -> l.get("titleReady").asBoolean());
    assertThat(learners).filteredOn(l -> !l.get("active").asBoolean()).hasSize(1);
    assertThat(
            StreamSupport.stream(learners.spliterator(), false)
                .map(l -> l.get("competencies").get("CP1").asText())
                .distinct())
        .contains("ACQUIRED", "IN_PROGRESS");
    assertThat(learners.get(0).get("missing"))
        .anyMatch(m -> m.get("type").asText().equals("placementHours"));
  }
}
