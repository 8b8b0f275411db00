package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tremplin.api.LearnerId;
import org.tremplin.api.evidence.BlockReadiness;
import org.tremplin.api.evidence.CompetencyProgress;
import org.tremplin.api.evidence.MissingItem;
import org.tremplin.api.evidence.Readiness;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.EnrolmentEventKind;
import org.tremplin.api.learner.Learner;
import org.tremplin.core.Tremplin;
import org.tremplin.examples.demo.DemoDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin readiness}: loads the {@link DemoDataset} into an in-memory database and prints,
 * for each learner of the demo cohort (including the one who left), the status of CP1 to CP8, the
 * readiness of each block and of the title, and what is missing, read as the demo school's manager.
 * Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "readiness",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class ReadinessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
  OutputFormat format = OutputFormat.TEXT;

  /** One learner's line: name, enrolment and readiness. */
  record Row(Learner learner, Optional<LocalDate> leftOn, Readiness readiness) {}

  @Override
  public Integer call() throws JsonProcessingException {
    Messages m = lang.messages();
    Tremplin tremplin =
        Tremplin.create(
            Tremplin.dataSource(
                "jdbc:h2:mem:readiness-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
            DemoDataset.clock());
    DemoDataset.Demo demo = DemoDataset.load(tremplin);
    var cohort = demo.cohort().id();
    var manager = demo.cast().manager();
    Map<LearnerId, Readiness> readiness =
        tremplin.evidence().readiness(manager, cohort).stream()
            .collect(Collectors.toMap(Readiness::learner, Function.identity()));
    Map<LearnerId, Enrolment> enrolments =
        tremplin.learners().enrolments(manager, cohort).stream()
            .collect(Collectors.toMap(Enrolment::learner, Function.identity()));
    List<Row> rows = new ArrayList<>();
    for (Learner l : demo.learners()) {
      rows.add(new Row(l, leftOn(enrolments.get(l.id())), readiness.get(l.id())));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(json(demo, rows));
    } else {
      printTable(out, demo, rows, m);
    }
    out.flush();
    return 0;
  }

  private static Optional<LocalDate> leftOn(Enrolment enrolment) {
    if (enrolment.active()) {
      return Optional.empty();
    }
    List<EnrolmentEvent> history = enrolment.history();
    EnrolmentEvent last = history.get(history.size() - 1);
    return last.kind() == EnrolmentEventKind.LEFT ? Optional.of(last.date()) : Optional.empty();
  }

  private static List<CompetencyProgress> competencies(Readiness r) {
    return r.blocks().stream().flatMap(b -> b.competencies().stream()).toList();
  }

  private static void printTable(
      PrintWriter out, DemoDataset.Demo demo, List<Row> rows, Messages m) {
    out.println(
        m.get(
            "readiness.title",
            demo.cohort().name(),
            demo.school().name(),
            m.date(DemoDataset.TODAY)));
    out.println();
    List<String> header = new ArrayList<>();
    header.add(m.get("readiness.col.learner"));
    header.add(m.get("readiness.col.enrolment"));
    List<CompetencyProgress> sample = competencies(rows.get(0).readiness());
    sample.forEach(c -> header.add(c.competency()));
    int blockCount = rows.get(0).readiness().blocks().size();
    for (int i = 1; i <= blockCount; i++) {
      header.add(m.get("readiness.col.block", i));
    }
    header.add(m.get("readiness.col.title"));
    header.add(m.get("readiness.col.missing"));
    List<List<String>> lines = new ArrayList<>();
    for (Row row : rows) {
      Readiness r = row.readiness();
      List<String> line = new ArrayList<>();
      line.add(row.learner().displayName());
      line.add(
          row.leftOn()
              .map(d -> m.get("readiness.left", m.date(d)))
              .orElse(m.get("readiness.active")));
      competencies(r).forEach(c -> line.add(m.get("status." + c.status())));
      for (BlockReadiness b : r.blocks()) {
        line.add(
            b.ready()
                ? m.get("readiness.ready")
                : m.get("readiness.acquired", b.acquired(), b.competencies().size()));
      }
      line.add(r.ready() ? m.get("readiness.ready") : m.get("readiness.notReady"));
      List<MissingItem> missing = r.missing();
      line.add(m.get("readiness.missing", m.number(missing.size()), missingSummary(r, m)));
      lines.add(line);
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> line : lines) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    out.println(format(header, widths));
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    out.println(format(rule, widths));
    lines.forEach(line -> out.println(format(line, widths)));
    out.println();
    out.println(m.get("readiness.legend"));
  }

  private static String format(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      boolean lastCell = i == cells.size() - 1;
      sb.append(lastCell ? cells.get(i) : CalendarCommand.pad(cells.get(i), widths[i]));
      if (!lastCell) {
        sb.append("  ");
      }
    }
    return sb.toString().stripTrailing();
  }

  /** A short list of what is missing: competencies, ECF and DP per block, placement hours. */
  private static String missingSummary(Readiness r, Messages m) {
    List<String> parts = new ArrayList<>();
    for (BlockReadiness b : r.blocks()) {
      List<String> items = new ArrayList<>();
      for (MissingItem item : b.missing()) {
        if (item instanceof MissingItem.CompetencyNotAcquired c) {
          items.add(c.competency());
        } else if (item instanceof MissingItem.InTrainingAssessmentMissing) {
          items.add(m.get("missing.ecf"));
        } else if (item instanceof MissingItem.PortfolioSectionMissing) {
          items.add(m.get("missing.dp"));
        }
      }
      if (!items.isEmpty()) {
        parts.add(shortBlock(b.block()) + " " + String.join(",", items));
      }
    }
    for (MissingItem item : r.missing()) {
      if (item instanceof MissingItem.PlacementHoursShort p) {
        parts.add(
            m.get("missing.placement", m.number(p.done().longValue()), m.number(p.required())));
      }
    }
    return String.join(" ; ", parts);
  }

  /** RNCP37674BC01 → BC01. */
  private static String shortBlock(String block) {
    int at = block.lastIndexOf("BC");
    return at < 0 ? block : block.substring(at);
  }

  private static String json(DemoDataset.Demo demo, List<Row> rows) throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("school", demo.school().name());
    doc.put("cohort", demo.cohort().name());
    doc.put("asOf", DemoDataset.TODAY.toString());
    List<Object> learners = new ArrayList<>();
    for (Row row : rows) {
      Readiness r = row.readiness();
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("name", row.learner().displayName());
      l.put("active", row.leftOn().isEmpty());
      l.put("leftOn", row.leftOn().map(LocalDate::toString).orElse(null));
      Map<String, String> statuses = new LinkedHashMap<>();
      competencies(r).forEach(c -> statuses.put(c.competency(), c.status().name()));
      l.put("competencies", statuses);
      List<Object> blocks = new ArrayList<>();
      for (BlockReadiness b : r.blocks()) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("block", b.block());
        block.put("ready", b.ready());
        block.put("acquired", b.acquired());
        block.put("competencies", b.competencies().size());
        blocks.add(block);
      }
      l.put("blocks", blocks);
      l.put("titleReady", r.ready());
      l.put("placementHoursRequired", r.placementHoursRequired());
      l.put("placementHoursDone", r.placementHoursDone());
      l.put("missing", r.missing().stream().map(ReadinessCommand::missingJson).toList());
      learners.add(l);
    }
    doc.put("learners", learners);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private static Map<String, Object> missingJson(MissingItem item) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (item instanceof MissingItem.CompetencyNotAcquired c) {
      m.put("type", "competency");
      m.put("block", c.block());
      m.put("competency", c.competency());
      m.put("status", c.status().name());
    } else if (item instanceof MissingItem.InTrainingAssessmentMissing e) {
      m.put("type", "inTrainingAssessment");
      m.put("block", e.block());
    } else if (item instanceof MissingItem.PortfolioSectionMissing p) {
      m.put("type", "portfolioSection");
      m.put("block", p.block());
    } else if (item instanceof MissingItem.PlacementHoursShort p) {
      m.put("type", "placementHours");
      m.put("required", p.required());
      m.put("done", p.done());
    }
    return m;
  }
}
