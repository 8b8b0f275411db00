package org.tremplin.core.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.certification.CertificationRef;
import org.tremplin.api.programme.Phase;
import org.tremplin.api.programme.PhaseKind;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.programme.Unit;
import org.tremplin.core.internal.Json;

/**
 * Reads and writes programme templates as JSON. Reading checks the document's shape and names the
 * exact path of a missing or malformed field ({@code TEMPLATE_MALFORMED}); the rules are checked by
 * {@link TemplateValidator}. Stateless and thread-safe.
 */
public final class TemplateCodec {
  private TemplateCodec() {}

  /**
   * Parses a template document. A missing {@code version} reads as 1.
   *
   * @param json the json
   * @return the programme template
   * @throws TremplinException {@code TEMPLATE_MALFORMED} naming the path of the problem
   */
  public static ProgrammeTemplate read(String json) {
    TremplinException.required(json, "template document");
    Doc doc;
    try {
      doc = Json.mapper().readValue(json, Doc.class);
    } catch (JsonMappingException e) {
      throw malformed(
          "at "
              + e.getPathReference().replace("org.tremplin.core.programme.TemplateCodec$", "")
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (JsonProcessingException e) {
      throw malformed("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (doc == null) {
      throw malformed("empty document", null);
    }
    return toTemplate(doc);
  }

  /**
   * Writes a template as a document that {@link #read} accepts.
   *
   * @param t the t
   * @return writes a template as a document that {@link #read} accepts
   */
  public static String write(ProgrammeTemplate t) {
    List<PhaseDoc> phases = new ArrayList<>();
    for (Phase p : t.phases()) {
      List<UnitDoc> units =
          p.units().stream()
              .map(u -> new UnitDoc(u.code(), text(u.name()), u.hours(), u.competencies()))
              .toList();
      phases.add(new PhaseDoc(p.code(), text(p.name()), p.kind(), p.startWeek(), p.weeks(), units));
    }
    Doc doc =
        new Doc(
            t.ref().id(),
            t.ref().version(),
            text(t.name()),
            t.certification().toString(),
            t.placementHours(),
            phases);
    try {
      return Json.mapper().writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write template " + t.ref(), e);
    }
  }

  private static ProgrammeTemplate toTemplate(Doc doc) {
    String id = field(doc.id(), "id");
    int version = doc.version() == null ? 1 : doc.version();
    List<PhaseDoc> phaseDocs = field(doc.phases(), "phases");
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < phaseDocs.size(); i++) {
      phases.add(toPhase(phaseDocs.get(i), "phases[" + i + "]"));
    }
    return wrap(
        "template",
        () ->
            new ProgrammeTemplate(
                new TemplateRef(id, version),
                text(doc.name(), "name"),
                CertificationRef.parse(field(doc.certification(), "certification")),
                field(doc.placementHours(), "placementHours"),
                phases));
  }

  private static Phase toPhase(PhaseDoc p, String path) {
    List<UnitDoc> unitDocs = p.units() == null ? List.of() : p.units();
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < unitDocs.size(); i++) {
      UnitDoc u = unitDocs.get(i);
      String unitPath = path + ".units[" + i + "]";
      units.add(
          wrap(
              unitPath,
              () ->
                  new Unit(
                      field(u.code(), unitPath + ".code"),
                      text(u.name(), unitPath + ".name"),
                      field(u.hours(), unitPath + ".hours"),
                      u.competencies() == null ? List.of() : u.competencies())));
    }
    return wrap(
        path,
        () ->
            new Phase(
                field(p.code(), path + ".code"),
                text(p.name(), path + ".name"),
                field(p.kind(), path + ".kind"),
                field(p.startWeek(), path + ".startWeek"),
                field(p.weeks(), path + ".weeks"),
                units));
  }

  private static <T> T wrap(String path, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.INVALID_ARGUMENT || e.code() == ErrorCode.CALENDAR_INVALID_RANGE) {
        throw malformed(path + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static <T> T field(@Nullable T value, String path) {
    if (value == null) {
      throw malformed(path + " is required", null);
    }
    return value;
  }

  private static LocalizedText text(@Nullable TextDoc t, String path) {
    TextDoc doc = field(t, path);
    return wrap(
        path,
        () -> new LocalizedText(field(doc.fr(), path + ".fr"), field(doc.en(), path + ".en")));
  }

  private static TextDoc text(LocalizedText t) {
    return new TextDoc(t.fr(), t.en());
  }

  private static TremplinException malformed(String message, @Nullable Throwable cause) {
    return cause == null
        ? new TremplinException(ErrorCode.TEMPLATE_MALFORMED, "template " + message)
        : new TremplinException(ErrorCode.TEMPLATE_MALFORMED, "template " + message, cause);
  }

  record TextDoc(@Nullable String fr, @Nullable String en) {}

  record UnitDoc(
      @Nullable String code,
      @Nullable TextDoc name,
      @Nullable Integer hours,
      @Nullable List<String> competencies) {}

  record PhaseDoc(
      @Nullable String code,
      @Nullable TextDoc name,
      @Nullable PhaseKind kind,
      @Nullable Integer startWeek,
      @Nullable Integer weeks,
      @Nullable List<UnitDoc> units) {}

  record Doc(
      @Nullable String id,
      @Nullable Integer version,
      @Nullable TextDoc name,
      @Nullable String certification,
      @Nullable Integer placementHours,
      @Nullable List<PhaseDoc> phases) {}
}
