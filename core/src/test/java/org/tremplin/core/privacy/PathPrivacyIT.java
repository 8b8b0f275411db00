package org.tremplin.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.tremplin.api.coaching.CoachingMeeting;
import org.tremplin.api.coaching.ConfidentialNote;
import org.tremplin.api.coaching.MeetingOutcome;
import org.tremplin.api.privacy.AuditAction;
import org.tremplin.api.privacy.AuditEntry;
import org.tremplin.core.internal.Json;
import org.tremplin.core.testing.CohortFixture;
import org.tremplin.testing.AllDatabases;
import org.tremplin.testing.TestDatabase;

/** Coaching data is audited on every read and change, exported, and blanked by an erasure. */
class PathPrivacyIT {
  @AllDatabases
  void coachingReadsAndChangesAreAuditedExportedAndErased(TestDatabase db) throws Exception {
    CohortFixture f = CohortFixture.on(db, 1);
    var l = f.learner(0).id();
    f.tremplin.referents().assign(f.manager, l, "coach-1", LocalDate.of(2025, 9, 1));
    var coaching = f.tremplin.coaching();
    CoachingMeeting m =
        coaching.planMeeting(f.coach, f.cohort.id(), l, LocalDateTime.of(2026, 1, 5, 10, 0), "");
    coaching.recordOutcome(
        f.coach,
        f.cohort.id(),
        l,
        m.id(),
        new MeetingOutcome.Held("point logement", "violences au foyer"));
    coaching.meetings(f.coach, f.cohort.id(), l);

    assertThat(f.tremplin.privacy().auditTrail(f.manager, l))
        .extracting(AuditEntry::actor, AuditEntry::action)
        .contains(
            org.assertj.core.groups.Tuple.tuple("coach-1", AuditAction.CHANGE),
            org.assertj.core.groups.Tuple.tuple("coach-1", AuditAction.READ));
    JsonNode export = Json.mapper().readTree(f.tremplin.privacy().export(f.manager, l));
    assertThat(export.get("coachingMeetings").get(0).get("confidential_note").asText())
        .isEqualTo("violences au foyer");

    f.tremplin.privacy().erase(f.manager, l);

    assertThat(f.tremplin.privacy().export(f.manager, l)).doesNotContain("violences", "logement");
    assertThat(coaching.meetings(f.coach, f.cohort.id(), l))
        .singleElement()
        .satisfies(
            meeting ->
                assertThat(meeting.confidentialNote()).isInstanceOf(ConfidentialNote.Absent.class));
  }
}
