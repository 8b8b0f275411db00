package org.tremplin.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.attendance.AttendanceEntry;
import org.tremplin.api.attendance.AttendanceMark;
import org.tremplin.api.attendance.Mark;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.calendar.HalfDay;
import org.tremplin.api.evidence.AssessmentResult;
import org.tremplin.api.evidence.EvidenceSource;
import org.tremplin.api.evidence.EvidenceTarget;
import org.tremplin.api.evidence.NewEvidence;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.core.internal.Json;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

class ErasureIT {
  private static final LocalDate DAY = LocalDate.of(2025, 9, 9);
  private static final DateRange SEPTEMBER = DateRange.parse("2025-09-01/2025-09-30");

  /** A learner with attendance (and a correction), evidence with a comment, a referent. */
  private static CohortFixture withHistory(TestDatabase db) {
    CohortFixture f = CohortFixture.on(db, 2);
    var l = f.learner(0).id();
    var entry = new AttendanceEntry(l, HalfDay.am(DAY), AttendanceMark.of(Mark.ABSENT_UNJUSTIFIED));
    f.tremplin.attendance().record(f.trainer, f.cohort.id(), entry);
    f.tremplin
        .attendance()
        .correct(
            f.trainer,
            f.cohort.id(),
            new AttendanceEntry(l, HalfDay.am(DAY), AttendanceMark.of(Mark.SICK_LEAVE)),
            "hospitalisée à Louis-Mourier");
    f.tremplin
        .evidence()
        .record(
            f.trainer,
            f.cohort.id(),
            new NewEvidence(
                l,
                new EvidenceTarget.OnCompetency("CP1"),
                EvidenceSource.TRAINER_ASSESSMENT,
                AssessmentResult.ACQUIRED,
                "Mme Durand",
                DAY,
                "a surmonté sa dyslexie"));
    f.tremplin.referents().assign(f.manager, l, "coach-1", LocalDate.of(2025, 9, 1));
    return f;
  }

  @AllDatabases
  void theExportHoldsEveryKindOfDataAboutTheLearnerAndIsAudited(TestDatabase db) throws Exception {
    CohortFixture f = withHistory(db);

    JsonNode export =
        Json.mapper().readTree(f.tremplin.privacy().export(f.manager, f.learner(0).id()));

    assertThat(export.get("learner").get("familyName").asText()).isEqualTo("Nom1");
    assertThat(export.get("attendance")).hasSize(2);
    assertThat(export.get("evidence").get(0).get("comment").asText())
        .isEqualTo("a surmonté sa dyslexie");
    assertThat(export.get("enrolment")).hasSize(1);
    assertThat(export.get("referents")).hasSize(1);
    assertThat(export.has("alerts")).isTrue();
    assertThat(f.tremplin.privacy().auditTrail(f.manager, f.learner(0).id()))
        .extracting(AuditEntry::action)
        .contains(AuditAction.EXPORT);
  }

  @AllDatabases
  void erasureBlanksWhatIdentifiesTheLearnerAndKeepsTheCounts(TestDatabase db) throws Exception {
    CohortFixture f = withHistory(db);
    var l = f.learner(0).id();
    var ratesBefore = f.tremplin.attendance().cohortRates(f.manager, f.cohort.id(), SEPTEMBER);
    var readinessBefore = f.tremplin.evidence().readiness(f.manager, f.cohort.id(), l);

    var report = f.tremplin.privacy().erase(f.manager, l);

    assertThat(report.changed())
        .containsEntry("learner", 1)
        .containsEntry("attendance", 1)
        .containsEntry("evidence", 1);
    assertThat(f.tremplin.learners().get(f.manager, l).familyName())
        .isEqualTo(PrivacyOffice.ERASED);
    assertThat(f.tremplin.attendance().cohortRates(f.manager, f.cohort.id(), SEPTEMBER))
        .isEqualTo(ratesBefore);
    assertThat(f.tremplin.evidence().readiness(f.manager, f.cohort.id(), l))
        .isEqualTo(readinessBefore);
    String after = f.tremplin.privacy().export(f.manager, l);
    assertThat(after).doesNotContain("Nom1", "Louis-Mourier", "dyslexie");
    assertThat(f.tremplin.learners().get(f.manager, f.learner(1).id()).familyName())
        .isEqualTo("Nom2");
    assertThat(f.tremplin.privacy().auditTrail(f.manager, l))
        .extracting(AuditEntry::action)
        .contains(AuditAction.ERASE);
  }

  @AllDatabases
  void onlyTheSchoolsManagerMayExportOrErase(TestDatabase db) {
    CohortFixture f = withHistory(db);
    var l = f.learner(0).id();

    for (var actor : List.of(f.coach, f.trainer, f.admin, f.asLearner(0))) {
      assertThatThrownBy(() -> f.tremplin.privacy().erase(actor, l))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
      assertThatThrownBy(() -> f.tremplin.privacy().export(actor, l))
          .extracting(e -> ((TremplinException) e).code())
          .isEqualTo(ErrorCode.ACCESS_DENIED);
    }
    assertThat(f.tremplin.learners().get(f.manager, l).familyName()).isEqualTo("Nom1");
  }
}
