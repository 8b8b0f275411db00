package org.tremplin.core.privacy;

import static org.tremplin.core.privacy.PrivacyOffice.ERASED;

import java.util.List;

/**
 * The personal-data sections of the coaching and insertion features, for export and erasure.
 * Erasure blanks free texts (notes, descriptions, reasons, third parties' names) and keeps
 * categories, statuses, dates and counts. Stateless.
 */
public final class PathSections {
  private PathSections() {}

  private static final String SET_ERASED = " = '" + ERASED + "'";

  /**
   * The coaching sections: meetings, barriers, action plan, referrals, immersions.
   *
   * @return the coaching sections: meetings, barriers, action plan, referrals, immersions
   */
  public static List<PersonalDataSection> coaching() {
    return List.of(
        PersonalDataSection.sql(
            "coachingMeetings",
            "select cohort_id, planned_for, status, missed_by, note, confidential_note,"
                + " planned_by, updated_by, updated_at from tremplin_coaching_meeting"
                + " where learner_id = :learner order by planned_for",
            "update tremplin_coaching_meeting set note"
                + SET_ERASED
                + " where learner_id = :learner and note <> ''",
            "update tremplin_coaching_meeting set confidential_note = ''"
                + " where learner_id = :learner and confidential_note <> ''"),
        PersonalDataSection.sql(
            "barriers",
            "select b.cohort_id, b.category, b.severity, b.opened_on, b.description, s.seq,"
                + " s.status, s.changed_on, s.note from tremplin_barrier b"
                + " left join tremplin_barrier_status s on s.barrier_id = b.id"
                + " where b.learner_id = :learner order by b.opened_on, b.id, s.seq",
            "update tremplin_barrier set description" + SET_ERASED + " where learner_id = :learner",
            "update tremplin_barrier_status set note"
                + SET_ERASED
                + " where note <> '' and barrier_id in (select id from tremplin_barrier"
                + " where learner_id = :learner)"),
        PersonalDataSection.sql(
            "actionPlan",
            "select o.cohort_id, o.title, o.set_on, a.description, a.owned_by, a.due_on,"
                + " a.status from tremplin_objective o left join tremplin_action a"
                + " on a.objective_id = o.id where o.learner_id = :learner"
                + " order by o.set_on, o.id, a.due_on",
            "update tremplin_objective set title" + SET_ERASED + " where learner_id = :learner",
            "update tremplin_action set description"
                + SET_ERASED
                + " where objective_id in (select id from tremplin_objective"
                + " where learner_id = :learner)"),
        PersonalDataSection.sql(
            "referrals",
            "select cohort_id, partner, referred_on, purpose from tremplin_referral"
                + " where learner_id = :learner order by referred_on",
            "update tremplin_referral set purpose" + SET_ERASED + " where learner_id = :learner"),
        PersonalDataSection.sql(
            "immersions",
            "select cohort_id, objective, host_organisation, tutor, first_day, last_day"
                + " from tremplin_immersion where learner_id = :learner order by first_day",
            "update tremplin_immersion set host_organisation"
                + SET_ERASED
                + ", tutor"
                + SET_ERASED
                + " where learner_id = :learner"));
  }

  /**
   * The insertion sections: profile, diagnoses, contract, PASS IAE, exits and follow-up.
   *
   * @return the insertion sections: profile, diagnoses, contract, PASS IAE, exits and follow-up
   */
  public static List<PersonalDataSection> insertion() {
    return List.of(
        PersonalDataSection.sql(
            "eligibilityProfile",
            "select version, seq, kind, fact_date, level_number, code, geography"
                + " from tremplin_profile_fact where learner_id = :learner order by version, seq"),
        PersonalDataSection.sql(
            "diagnoses",
            "select d.author, d.diagnosed_on, d.structure_kind, d.criteria, p.criterion,"
                + " p.issued_on from tremplin_eligibility_diagnosis d"
                + " left join tremplin_diagnosis_proof p on p.diagnosis_id = d.id"
                + " where d.learner_id = :learner order by d.seq, p.seq"),
        PersonalDataSection.sql(
            "contract",
            "select c.structure_kind, c.starts_on, c.initial_end, c.weekly_hours,"
                + " c.extension_reason, r.seq, r.signed_on, r.new_end, r.weekly_hours as"
                + " renewal_hours from tremplin_insertion_contract c left join"
                + " tremplin_contract_renewal r on r.learner_id = c.learner_id"
                + " where c.learner_id = :learner order by r.seq",
            "update tremplin_insertion_contract set extension_reason"
                + SET_ERASED
                + " where learner_id = :learner and extension_reason <> ''"),
        PersonalDataSection.sql(
            "passIae",
            "select p.pass_number, p.starts_on, x.seq, x.days_added, x.reason"
                + " from tremplin_pass_iae p left join tremplin_pass_prolongation x"
                + " on x.learner_id = p.learner_id where p.learner_id = :learner order by x.seq",
            "update tremplin_pass_prolongation set reason"
                + SET_ERASED
                + " where learner_id = :learner"),
        PersonalDataSection.sql(
            "suspensions",
            "select subject, seq, first_day, last_day, reason from tremplin_suspension"
                + " where learner_id = :learner order by subject, seq",
            "update tremplin_suspension set reason" + SET_ERASED + " where learner_id = :learner"),
        PersonalDataSection.sql(
            "exits",
            "select cohort_id, version, left_on, situation, contract_months, category,"
                + " dynamic_exit, rules_version, reason from tremplin_exit"
                + " where learner_id = :learner order by cohort_id, version",
            "update tremplin_exit set reason"
                + SET_ERASED
                + " where learner_id = :learner and reason <> ''"),
        PersonalDataSection.sql(
            "followUps",
            "select cohort_id, observed_on, situation, contract_months, category, dynamic_exit"
                + " from tremplin_exit_follow_up where learner_id = :learner"));
  }
}
