package org.tremplin.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.programme.ProgrammeTemplate;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class TemplateStoreIT {
  @AllDatabases
  void theBuiltInTemplateIsInstalledOnceAsVersionOne(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var templates = f.tremplin.templates();

    assertThat(templates.list()).containsExactly(new TemplateRef("ecole-du-web", 1));
    assertThat(templates.latest("ecole-du-web").phases()).hasSize(5);
  }

  @AllDatabases
  void importingAnExistingIdAddsTheNextVersionAndKeepsTheOldOne(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var templates = f.tremplin.templates();
    String v1 = templates.exportJson(new TemplateRef("ecole-du-web", 1));

    ProgrammeTemplate v2 =
        templates.importJson(
            f.admin, v1.replace("\"placementHours\" : 210", "\"placementHours\" : 140"));

    assertThat(v2.ref()).isEqualTo(new TemplateRef("ecole-du-web", 2));
    assertThat(templates.get(new TemplateRef("ecole-du-web", 1)).placementHours()).isEqualTo(210);
    assertThat(templates.latest("ecole-du-web").placementHours()).isEqualTo(140);
    assertThat(f.cohort.template()).isEqualTo(new TemplateRef("ecole-du-web", 1));
    assertThat(f.tremplin.cohorts().get(f.manager, f.cohort.id()).template().version())
        .isEqualTo(1);
  }

  @AllDatabases
  void anExportedTemplateImportsBackIdentical(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var templates = f.tremplin.templates();
    ProgrammeTemplate original = templates.latest("ecole-du-web");

    ProgrammeTemplate copy =
        templates.importJson(
            f.admin,
            templates
                .exportJson(original.ref())
                .replace("\"ecole-du-web\"", "\"ecole-du-web-93\""));

    assertThat(copy.ref()).isEqualTo(new TemplateRef("ecole-du-web-93", 1));
    assertThat(copy.phases()).isEqualTo(original.phases());
  }

  @AllDatabases
  void anInvalidTemplateStoresNothing(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    var templates = f.tremplin.templates();
    String bad =
        templates.exportJson(new TemplateRef("ecole-du-web", 1)).replace("\"CP7\"", "\"CP77\"");

    assertThatThrownBy(() -> templates.importJson(f.admin, bad))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_UNKNOWN_COMPETENCY);
    assertThat(f.rows("tremplin_programme_template")).isEqualTo(1);
  }

  @AllDatabases
  void anUnknownTemplateIsNotFound(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 0);
    assertThatThrownBy(() -> f.tremplin.templates().get(new TemplateRef("nope", 3)))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
    assertThatThrownBy(() -> f.tremplin.templates().latest("nope"))
        .extracting(e -> ((TremplinException) e).code())
        .isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND);
  }
}
