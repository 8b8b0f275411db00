package org.tremplin.core.certification;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CertificationCatalog;
import org.tremplin.api.certification.CertificationRef;
import org.tremplin.api.certification.CertificationVersion;
import org.tremplin.api.certification.Competency;
import org.tremplin.api.certification.CompetencyBlock;
import org.tremplin.api.certification.ExamComponent;
import org.tremplin.api.certification.PerformanceCriterion;
import org.tremplin.core.internal.Json;

/**
 * The certification versions shipped as resources ({@code dwwm-2018.json}, {@code dwwm-2023.json}).
 * Loaded and checked once; immutable and thread-safe.
 */
public final class ResourceCertificationCatalog implements CertificationCatalog {
  private static final List<String> RESOURCES = List.of("dwwm-2018.json", "dwwm-2023.json");

  private final List<CertificationVersion> versions;

  /** Loads the bundled versions. */
  public ResourceCertificationCatalog() {
    this.versions =
        RESOURCES.stream()
            .map(r -> toVersion(Json.resource(ResourceCertificationCatalog.class, r, Doc.class)))
            .sorted(Comparator.comparing(CertificationVersion::validFrom))
            .toList();
  }

  @Override
  public List<CertificationVersion> versions() {
    return versions;
  }

  @Override
  public CertificationVersion version(CertificationRef ref) {
    return versions.stream()
        .filter(v -> v.ref().equals(ref))
        .findFirst()
        .orElseThrow(
            () ->
                new TremplinException(
                    ErrorCode.CERTIFICATION_NOT_FOUND,
                    "unknown certification version " + ref + "; known: " + known()));
  }

  private String known() {
    return versions.stream().map(v -> v.ref().toString()).toList().toString();
  }

  private static CertificationVersion toVersion(Doc doc) {
    Set<String> codes = new HashSet<>();
    List<CompetencyBlock> blocks =
        doc.blocks().stream()
            .map(
                b ->
                    new CompetencyBlock(
                        b.code(),
                        b.title().text(),
                        b.competencies().stream().map(c -> toCompetency(c, codes)).toList()))
            .toList();
    List<Competency> transversal =
        doc.transversal().stream().map(c -> toCompetency(c, codes)).toList();
    return new CertificationVersion(
        new CertificationRef(doc.certification(), doc.version()),
        doc.rncp(),
        doc.validFrom(),
        doc.title().text(),
        blocks,
        transversal,
        doc.examComponents().stream()
            .map(e -> new ExamComponent(e.code(), e.title().text(), e.minutes()))
            .toList());
  }

  private static Competency toCompetency(CompetencyDoc c, Set<String> codes) {
    unique(codes, c.code());
    List<CriterionDoc> docs = c.criteria();
    List<PerformanceCriterion> criteria =
        docs == null
            ? List.of()
            : docs.stream()
                .map(k -> new PerformanceCriterion(unique(codes, k.code()), k.title().text()))
                .toList();
    return new Competency(c.code(), c.title().text(), criteria);
  }

  private static String unique(Set<String> codes, String code) {
    if (!codes.add(code)) {
      throw new IllegalStateException("duplicate code " + code + " in certification data");
    }
    return code;
  }

  record Text(String fr, String en) {
    LocalizedText text() {
      return new LocalizedText(fr, en);
    }
  }

  record CriterionDoc(String code, Text title) {}

  record CompetencyDoc(String code, Text title, @Nullable List<CriterionDoc> criteria) {}

  record BlockDoc(String code, Text title, List<CompetencyDoc> competencies) {}

  record ExamDoc(String code, Text title, int minutes) {}

  record Doc(
      String certification,
      String version,
      String rncp,
      LocalDate validFrom,
      Text title,
      List<BlockDoc> blocks,
      List<CompetencyDoc> transversal,
      List<ExamDoc> examComponents,
      @Nullable String notes) {}
}
