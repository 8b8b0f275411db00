package org.tremplin.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tremplin.api.CohortId;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.LearnerId;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Operation;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.access.Target;

/**
 * Every role × operation × target, against the matrix of DOMAIN.md written out below by hand.
 * Legend: Y allowed within the grant's scope; S only on the learner themself; C only on a learner
 * of the coach's own caseload; N never.
 */
class PermissionMatrixTest {
  private static final String MATRIX =
      """
      operation              LEARNER TRAINER COACH MANAGER ADMIN
      COHORT_READ            S       Y       Y     Y       Y
      PROGRAMME_WRITE        N       N       N     Y       Y
      ENROLMENT_WRITE        N       N       Y     Y       N
      ATTENDANCE_READ        S       Y       Y     Y       N
      ATTENDANCE_WRITE       N       Y       N     Y       N
      EVIDENCE_READ          S       Y       Y     Y       N
      EVIDENCE_WRITE         N       Y       N     Y       N
      INSERTION_READ         S       N       C     Y       N
      INSERTION_WRITE        N       N       C     Y       N
      COACHING_READ          S       N       C     Y       N
      CONFIDENTIAL_NOTE_READ N       N       C     N       N
      COACHING_WRITE         N       N       C     Y       N
      REPORT_READ            N       N       N     Y       Y
      PERSONAL_DATA_ADMIN    N       N       N     Y       N
      API_TOKEN_ADMIN        N       N       N     N       Y
      """;

  private static final SchoolId SCHOOL = SchoolId.random();
  private static final SchoolId SECOND_SCHOOL = SchoolId.random();
  private static final CohortId COHORT = CohortId.random();
  private static final CohortId OTHER_COHORT = CohortId.random();
  private static final LearnerId SELF = LearnerId.random();

  /** The targets, each tagged with how it relates to the actors below. */
  private enum Relation {
    /** The learner actor themself, in the coach's caseload, in the trainer's cohort. */
    OWN_LEARNER(new Target.OfLearner(SCHOOL, COHORT, SELF, "coach-1")),
    /** Another learner of the same cohort, followed by another coach. */
    OTHER_LEARNER(new Target.OfLearner(SCHOOL, COHORT, LearnerId.random(), "coach-2")),
    /** A learner of the same school in another cohort, in the coach's caseload. */
    OTHER_COHORT_LEARNER(new Target.OfLearner(SCHOOL, OTHER_COHORT, LearnerId.random(), "coach-1")),
    /** A learner of another school (the coach id matches, the scope does not). */
    OTHER_SCHOOL_LEARNER(
        new Target.OfLearner(SECOND_SCHOOL, CohortId.random(), LearnerId.random(), "coach-1")),
    /** The trainer's cohort as a whole. */
    OWN_COHORT(new Target.OfCohort(SCHOOL, COHORT)),
    /** The school as a whole. */
    OWN_SCHOOL(new Target.OfSchool(SCHOOL)),
    /** Another school as a whole. */
    OTHER_SCHOOL(new Target.OfSchool(SECOND_SCHOOL));

    final Target target;

    Relation(Target target) {
      this.target = target;
    }
  }

  private static final Map<Role, Actor> ACTORS =
      Map.of(
          Role.LEARNER, Actor.of("learner-1", Role.LEARNER, new Scope.OfLearner(SELF)),
          Role.TRAINER, Actor.of("trainer-1", Role.TRAINER, new Scope.OfCohort(SCHOOL, COHORT)),
          Role.COACH, Actor.of("coach-1", Role.COACH, new Scope.OfSchool(SCHOOL)),
          Role.MANAGER, Actor.of("manager-1", Role.MANAGER, new Scope.OfSchool(SCHOOL)),
          Role.ADMIN, Actor.of("admin-1", Role.ADMIN, new Scope.Network()));

  private static boolean expected(Role role, char cell, Relation r) {
    return switch (cell) {
      case 'N' -> false;
      case 'S' -> r == Relation.OWN_LEARNER;
      case 'C' -> r == Relation.OWN_LEARNER || r == Relation.OTHER_COHORT_LEARNER;
      case 'Y' ->
          switch (role) {
            case ADMIN -> true;
            case TRAINER ->
                r == Relation.OWN_LEARNER
                    || r == Relation.OTHER_LEARNER
                    || r == Relation.OWN_COHORT;
            case COACH, MANAGER -> r != Relation.OTHER_SCHOOL_LEARNER && r != Relation.OTHER_SCHOOL;
            case LEARNER -> r == Relation.OWN_LEARNER;
          };
      default -> throw new IllegalArgumentException("bad cell " + cell);
    };
  }

  static Stream<Arguments> everyRoleOperationAndTarget() {
    List<Arguments> cases = new ArrayList<>();
    String[] lines = MATRIX.strip().split("\n");
    String[] roles = lines[0].trim().split("\\s+");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].trim().split("\\s+");
      Operation op = Operation.valueOf(cells[0]);
      for (int j = 1; j < roles.length; j++) {
        Role role = Role.valueOf(roles[j]);
        for (Relation r : Relation.values()) {
          cases.add(Arguments.of(role, op, r, expected(role, cells[j].charAt(0), r)));
        }
      }
    }
    return cases.stream();
  }

  @Test
  void theMatrixCoversEveryOperationAndRole() {
    assertThat(MATRIX.strip().split("\n")).hasSize(Operation.values().length + 1);
    assertThat(everyRoleOperationAndTarget())
        .hasSize(Operation.values().length * Role.values().length * Relation.values().length);
  }

  @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
  @MethodSource("everyRoleOperationAndTarget")
  void eachRoleMayDoExactlyWhatTheMatrixSaysWithinItsScope(
      Role role, Operation operation, Relation relation, boolean allowed) {
    RoleScopeRules rules = new RoleScopeRules();
    Actor actor = ACTORS.get(role);

    assertThat(rules.allows(actor, operation, relation.target)).isEqualTo(allowed);
    if (!allowed) {
      assertThatThrownBy(() -> rules.check(actor, operation, relation.target))
          .isInstanceOfSatisfying(
              TremplinException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                assertThat(e.getMessage()).contains(actor.id()).contains(operation.name());
              });
    }
  }

  @Test
  void aSecondGrantWidensWhatAnActorMayDo() {
    Actor trainerAndCoach =
        new Actor(
            "coach-1",
            List.of(
                new Grant(Role.TRAINER, new Scope.OfCohort(SCHOOL, COHORT)),
                new Grant(Role.COACH, new Scope.OfSchool(SCHOOL))));
    RoleScopeRules rules = new RoleScopeRules();

    assertThat(
            rules.allows(trainerAndCoach, Operation.ATTENDANCE_WRITE, Relation.OWN_LEARNER.target))
        .isTrue();
    assertThat(
            rules.allows(
                trainerAndCoach, Operation.CONFIDENTIAL_NOTE_READ, Relation.OWN_LEARNER.target))
        .isTrue();
    assertThat(
            rules.allows(
                trainerAndCoach, Operation.CONFIDENTIAL_NOTE_READ, Relation.OTHER_LEARNER.target))
        .isFalse();
  }
}
