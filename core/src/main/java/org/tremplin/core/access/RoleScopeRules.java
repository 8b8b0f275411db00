package org.tremplin.core.access;

import static org.tremplin.api.access.Operation.API_TOKEN_ADMIN;
import static org.tremplin.api.access.Operation.ATTENDANCE_READ;
import static org.tremplin.api.access.Operation.ATTENDANCE_WRITE;
import static org.tremplin.api.access.Operation.COACHING_READ;
import static org.tremplin.api.access.Operation.COACHING_WRITE;
import static org.tremplin.api.access.Operation.COHORT_READ;
import static org.tremplin.api.access.Operation.CONFIDENTIAL_NOTE_READ;
import static org.tremplin.api.access.Operation.ENROLMENT_WRITE;
import static org.tremplin.api.access.Operation.EVIDENCE_READ;
import static org.tremplin.api.access.Operation.EVIDENCE_WRITE;
import static org.tremplin.api.access.Operation.INSERTION_READ;
import static org.tremplin.api.access.Operation.INSERTION_WRITE;
import static org.tremplin.api.access.Operation.PROGRAMME_WRITE;
import static org.tremplin.api.access.Operation.REPORT_READ;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.AccessRules;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.access.Target;

/**
 * The permission matrix of DOMAIN.md. A grant allows an operation on a target when its role may
 * perform the operation at all, and its scope covers the target:
 *
 * <ul>
 *   <li>LEARNER: reads of their own path (cohort, attendance, evidence, insertion, coaching
 *       appointments and ordinary notes), only on themself; never confidential notes;
 *   <li>TRAINER: cohorts, attendance and evidence (read and write) in their cohort or school; no
 *       insertion or coaching data;
 *   <li>COACH: cohorts, attendance, evidence, enrolment in their scope; insertion and coaching data
 *       (confidential notes included) only for learners whose referent coach they are;
 *   <li>MANAGER: everything in their school, reports and personal-data export and erasure, except
 *       the confidential part of coaching notes (summaries only) and API tokens;
 *   <li>ADMIN: programmes (schools, templates, cohorts), cohort reads and reports, API tokens; no
 *       learner files.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class RoleScopeRules implements AccessRules {
  private static final Map<Role, Set<Operation>> MATRIX = new EnumMap<>(Role.class);

  /** Operations that concern the social side of a learner: a coach's caseload only. */
  private static final Set<Operation> CASELOAD_ONLY =
      EnumSet.of(
          INSERTION_READ, INSERTION_WRITE, COACHING_READ, COACHING_WRITE, CONFIDENTIAL_NOTE_READ);

  static {
    MATRIX.put(
        Role.LEARNER,
        EnumSet.of(COHORT_READ, ATTENDANCE_READ, EVIDENCE_READ, INSERTION_READ, COACHING_READ));
    MATRIX.put(
        Role.TRAINER,
        EnumSet.of(COHORT_READ, ATTENDANCE_READ, ATTENDANCE_WRITE, EVIDENCE_READ, EVIDENCE_WRITE));
    MATRIX.put(
        Role.COACH,
        EnumSet.of(
            COHORT_READ,
            ATTENDANCE_READ,
            EVIDENCE_READ,
            ENROLMENT_WRITE,
            INSERTION_READ,
            INSERTION_WRITE,
            COACHING_READ,
            COACHING_WRITE,
            CONFIDENTIAL_NOTE_READ));
    MATRIX.put(
        Role.MANAGER, EnumSet.complementOf(EnumSet.of(CONFIDENTIAL_NOTE_READ, API_TOKEN_ADMIN)));
    MATRIX.put(Role.ADMIN, EnumSet.of(PROGRAMME_WRITE, COHORT_READ, REPORT_READ, API_TOKEN_ADMIN));
  }

  @Override
  public boolean allows(Actor actor, Operation operation, Target target) {
    TremplinException.required(actor, "actor");
    TremplinException.required(operation, "operation");
    TremplinException.required(target, "target");
    for (Grant g : actor.grants()) {
      if (MATRIX.get(g.role()).contains(operation)
          && covers(g.scope(), target)
          && caseloadAllows(actor, g.role(), operation, target)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void check(Actor actor, Operation operation, Target target) {
    if (!allows(actor, operation, target)) {
      throw new TremplinException(
          ErrorCode.ACCESS_DENIED,
          "actor "
              + actor.id()
              + " may not "
              + operation
              + " on this "
              + target
                  .getClass()
                  .getSimpleName()
                  .replace("Of", "")
                  .toLowerCase(java.util.Locale.ROOT)
              + " with grants "
              + actor.grants().stream().map(g -> g.role().name()).toList());
    }
  }

  private static boolean covers(Scope scope, Target target) {
    if (scope instanceof Scope.Network) {
      return true;
    }
    if (target instanceof Target.OfNetwork) {
      return false;
    }
    if (scope instanceof Scope.OfSchool s) {
      return s.school().equals(schoolOf(target));
    }
    if (scope instanceof Scope.OfCohort c) {
      return (target instanceof Target.OfCohort tc && tc.cohort().equals(c.cohort()))
          || (target instanceof Target.OfLearner tl && tl.cohort().equals(c.cohort()));
    }
    if (scope instanceof Scope.OfLearner l) {
      return target instanceof Target.OfLearner tl && tl.learner().equals(l.learner());
    }
    return false;
  }

  private static org.tremplin.api.SchoolId schoolOf(Target target) {
    if (target instanceof Target.OfSchool s) {
      return s.school();
    }
    if (target instanceof Target.OfCohort c) {
      return c.school();
    }
    return ((Target.OfLearner) target).school();
  }

  private static boolean caseloadAllows(
      Actor actor, Role role, Operation operation, Target target) {
    if (role != Role.COACH || !CASELOAD_ONLY.contains(operation)) {
      return true;
    }
    return target instanceof Target.OfLearner tl && tl.referentCoach().equals(actor.id());
  }
}
