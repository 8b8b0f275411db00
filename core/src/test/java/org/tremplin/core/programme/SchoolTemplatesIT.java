package org.tremplin.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.tremplin.api.ErrorCode;
import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class SchoolTemplatesIT {
  private static final TemplateRef DEFAULT = new TemplateRef("ecole-du-web", 1);

  @AllDatabases
  void aSchoolImportsItsOwnTemplateThatOtherSchoolsDoNotSee(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    SchoolTemplates templates = f.tremplin.schoolTemplates();
    School other = f.tremplin.schools().create(f.admin, "École 75", new Departement("75"));
    Actor schoolAdmin = Actor.of("a-93", Role.ADMIN, new Scope.OfSchool(f.school.id()));
    String doc =
        templates
            .export(schoolAdmin, f.school.id(), DEFAULT)
            .replace("\"ecole-du-web\"", "\"dwwm-93\"");

    SchoolTemplates.Outcome outcome = templates.importFor(schoolAdmin, f.school.id(), doc);

    assertThat(outcome).isInstanceOf(SchoolTemplates.Outcome.Imported.class);
    assertThat(templates.of(schoolAdmin, f.school.id()))
        .extracting(l -> l.template().ref().id() + ":" + l.ofSchool())
        .containsExactly("ecole-du-web:false", "dwwm-93:true");
    assertThat(templates.of(f.admin, other.id()))
        .extracting(l -> l.template().ref().id())
        .containsExactly("ecole-du-web");
    assertThatThrownBy(() -> templates.export(f.admin, other.id(), new TemplateRef("dwwm-93", 1)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
    assertThat(templates.importFor(f.admin, other.id(), doc))
        .isInstanceOf(SchoolTemplates.Outcome.Refused.class);
  }

  @AllDatabases
  void aBadDocumentIsRefusedWithEveryProblemLocatedAndNothingStored(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    SchoolTemplates templates = f.tremplin.schoolTemplates();
    String doc =
        templates
            .export(f.admin, f.school.id(), DEFAULT)
            .replace("\"ecole-du-web\"", "\"mine\"")
            .replace("\"CP5\"", "\"CP9\"")
            .replace("\"startWeek\" : 7", "\"startWeek\" : 8");

    SchoolTemplates.Outcome outcome = templates.importFor(f.admin, f.school.id(), doc);

    assertThat(outcome).isInstanceOf(SchoolTemplates.Outcome.Refused.class);
    assertThat(((SchoolTemplates.Outcome.Refused) outcome).problems())
        .extracting(p -> p.kind() + "@" + p.where())
        .contains("gap@phases[1].startWeek")
        .anyMatch(
            s -> s.matches("competency@phases\\[\\d\\]\\.units\\[\\d\\]\\.competencies\\[0\\]"));
    assertThat(f.tremplin.templates().list()).containsExactly(DEFAULT);
  }

  @AllDatabases
  void aShapeErrorNamesItsPathAndASyntaxErrorItsLine(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    SchoolTemplates templates = f.tremplin.schoolTemplates();
    String doc = templates.export(f.admin, f.school.id(), DEFAULT);

    assertThat(templates.problems(doc.replace("\"FOUNDATION\"", "\"SCHOOL\"")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("choice");
              assertThat(p.where()).isEqualTo("phases[0].kind");
              assertThat(p.arguments().get(1)).contains("FOUNDATION");
            });
    assertThat(templates.problems(doc.replaceFirst("\"hours\" : 35", "\"hours\" : \"x\"")))
        .singleElement()
        .satisfies(p -> assertThat(p.where()).isEqualTo("phases[0].units[0].hours"));
    assertThat(templates.problems("{\n  \"id\": \"x\",\n  \"name\" {}\n}"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.kind()).isEqualTo("syntax");
              assertThat(p.arguments().get(0)).isEqualTo("3");
            });
  }

  @AllDatabases
  void aCopyBecomesTheSchoolsTemplateAndTheNetworksIdCannotBeImportedBySchool(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    SchoolTemplates templates = f.tremplin.schoolTemplates();
    Actor schoolAdmin = Actor.of("a-93", Role.ADMIN, new Scope.OfSchool(f.school.id()));

    SchoolTemplates.Outcome copy =
        templates.copy(
            schoolAdmin, f.school.id(), DEFAULT, "edw-93", new LocalizedText("EdW 93", "EdW 93"));
    SchoolTemplates.Outcome again =
        templates.importFor(
            schoolAdmin, f.school.id(), templates.export(schoolAdmin, f.school.id(), DEFAULT));

    assertThat(copy).isInstanceOf(SchoolTemplates.Outcome.Imported.class);
    assertThat(((SchoolTemplates.Outcome.Imported) copy).template().phases())
        .isEqualTo(f.tremplin.templates().get(DEFAULT).phases());
    assertThat(again)
        .isInstanceOfSatisfying(
            SchoolTemplates.Outcome.Refused.class,
            r ->
                assertThat(r.problems())
                    .extracting(TemplateProblem::kind)
                    .containsExactly("idTaken"));
    assertThat(f.tremplin.templates().list())
        .containsExactly(DEFAULT, new TemplateRef("edw-93", 1));
  }

  @AllDatabases
  void anotherSchoolsAdministratorIsDenied(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    School other = f.tremplin.schools().create(f.admin, "École 75", new Departement("75"));
    Actor otherAdmin = Actor.of("a-75", Role.ADMIN, new Scope.OfSchool(other.id()));

    assertThatThrownBy(() -> f.tremplin.schoolTemplates().of(otherAdmin, f.school.id()))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.ACCESS_DENIED);
  }
}
