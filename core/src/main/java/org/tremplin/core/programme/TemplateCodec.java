package org.tremplin.core.programme;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
      throw mapping(e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      throw new Malformed(
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED,
              "syntax",
              "",
              "template not valid JSON: " + e.getOriginalMessage(),
              line,
              column),
          e);
    }
    if (doc == null) {
      throw new Malformed(
          TemplateProblem.of(ErrorCode.TEMPLATE_MALFORMED, "empty", "", "template empty document"),
          null);
    }
    return toTemplate(doc);
  }

  /**
   * The problem of a document that cannot be read as a template (syntax, shape, a value refused),
   * located; empty when it reads. Only the first such problem is found (the rules of a template
   * that reads are {@link TemplateValidator}'s).
   *
   * @param json the document
   * @return the problem, if any
   */
  static java.util.Optional<TemplateProblem> readProblem(String json) {
    try {
      read(json);
      return java.util.Optional.empty();
    } catch (Malformed e) {
      return java.util.Optional.of(e.problem);
    }
  }

  /** A mapping error of Jackson, located by its path in the document. */
  private static Malformed mapping(JsonMappingException e) {
    String where = path(e.getPath());
    String message =
        "template at "
            + e.getPathReference().replace("org.tremplin.core.programme.TemplateCodec$", "")
            + ": "
            + e.getOriginalMessage();
    TemplateProblem problem;
    if (e instanceof UnrecognizedPropertyException u) {
      problem =
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED, "unknownField", where, message, u.getPropertyName());
    } else if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
      List<String> allowed =
          java.util.Arrays.stream(f.getTargetType().getEnumConstants())
              .map(String::valueOf)
              .toList();
      problem =
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED,
              "choice",
              where,
              message,
              f.getValue(),
              String.join(", ", allowed));
    } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      problem =
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED, "type", where, message, typeName(m.getTargetType()));
    } else {
      problem =
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED, "value", where, message, e.getOriginalMessage());
    }
    return new Malformed(problem, e);
  }

  private static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class) {
      return "number";
    }
    if (type == String.class) {
      return "text";
    }
    if (List.class.isAssignableFrom(type)) {
      return "list";
    }
    return "object";
  }

  /** {@code phases[1].units[0].hours} from Jackson's path. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      }
    }
    return out.toString();
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
        throw new Malformed(
            TemplateProblem.of(
                ErrorCode.TEMPLATE_MALFORMED,
                "value",
                path,
                "template " + path + ": " + e.getMessage(),
                e.getMessage()),
            e);
      }
      throw e;
    }
  }

  private static <T> T field(@Nullable T value, String path) {
    if (value == null) {
      throw new Malformed(
          TemplateProblem.of(
              ErrorCode.TEMPLATE_MALFORMED, "required", path, "template " + path + " is required"),
          null);
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

  /** {@code TEMPLATE_MALFORMED}, with the located problem. */
  static final class Malformed extends TremplinException {
    private static final long serialVersionUID = 1L;
    private final transient TemplateProblem problem;

    Malformed(TemplateProblem problem, @Nullable Throwable cause) {
      super(ErrorCode.TEMPLATE_MALFORMED, problem.message(), cause);
      this.problem = problem;
    }

    TemplateProblem problem() {
      return problem;
    }
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
