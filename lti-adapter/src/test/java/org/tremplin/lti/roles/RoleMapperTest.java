package org.tremplin.lti.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tremplin.api.access.Role;

class RoleMapperTest {
  private static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
  private static final String INSTITUTION =
      "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
  private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
  private final RoleMapper mapper = new RoleMapper();

  @ParameterizedTest(name = "{0} maps to {1}")
  @CsvSource({
    M + "#Learner, LEARNER",
    M + "#Instructor, TRAINER",
    M + "#ContentDeveloper, TRAINER",
    M + "/Instructor#TeachingAssistant, TRAINER",
    M + "#Mentor, COACH",
    M + "/Mentor#Advisor, COACH",
    M + "#Administrator, MANAGER",
    M + "#Manager, MANAGER",
    M + "/Learner#NonCreditLearner, LEARNER",
    "Learner, LEARNER",
    "Instructor, TRAINER",
    "Mentor, COACH"
  })
  void eachContextRoleMapsToItsTremplinRole(String uri, Role role) {
    assertThat(mapper.map(List.of(uri)).roles()).containsExactly(role);
  }

  @Test
  void aTeachingAssistantSentWithInstructorIsOneTrainer() {
    assertThat(mapper.map(List.of(M + "#Instructor", M + "/Instructor#TeachingAssistant")).roles())
        .containsExactly(Role.TRAINER);
  }

  @Test
  void severalContextRolesGiveSeveralTremplinRoles() {
    assertThat(mapper.map(List.of(M + "#Instructor", M + "#Mentor")).roles())
        .containsExactlyInAnyOrder(Role.TRAINER, Role.COACH);
  }

  @Test
  void onlyASystemAdministratorIsMarkedAsOne() {
    assertThat(mapper.map(List.of(SYSTEM + "Administrator")).systemAdministrator()).isTrue();
    assertThat(mapper.map(List.of(SYSTEM + "SysAdmin")).systemAdministrator()).isTrue();
    assertThat(mapper.map(List.of(INSTITUTION + "Administrator")).systemAdministrator()).isFalse();
    // a course role wins: a system administrator teaching a course is its trainer, not an admin
    assertThat(
            mapper.map(List.of(SYSTEM + "Administrator", M + "#Instructor")).systemAdministrator())
        .isFalse();
  }

  @Test
  void anInstitutionAdministratorWithoutContextRoleIsAnAdmin() {
    assertThat(mapper.map(List.of(INSTITUTION + "Administrator")).roles())
        .containsExactly(Role.ADMIN);
    assertThat(mapper.map(List.of(SYSTEM + "Administrator")).roles()).containsExactly(Role.ADMIN);
  }

  @Test
  void institutionRolesNeverAddToAContextRole() {
    assertThat(
            mapper
                .map(
                    List.of(INSTITUTION + "Administrator", INSTITUTION + "Faculty", M + "#Learner"))
                .roles())
        .containsExactly(Role.LEARNER);
  }

  @Test
  void anInstitutionInstructorIsNotATrainer() {
    assertThat(mapper.map(List.of(INSTITUTION + "Instructor")).roles()).isEmpty();
  }

  @Test
  void unknownUrisAndEmptyStringsAreIgnored() {
    assertThat(mapper.map(List.of("http://example.org/roles#Wizard", "urn:lti:role:x", "")).roles())
        .isEmpty();
    assertThat(mapper.map(List.of("")).roles()).isEmpty();
    assertThat(mapper.map(List.of()).roles()).isEmpty();
  }

  @Test
  void theTestUserFlagIsExposed() {
    MappedRoles roles =
        mapper.map(
            List.of(M + "#Learner", "http://purl.imsglobal.org/vocab/lti/system/person#TestUser"));

    assertThat(roles.testUser()).isTrue();
    assertThat(roles.roles()).containsExactly(Role.LEARNER);
    assertThat(mapper.map(List.of(M + "#Learner")).testUser()).isFalse();
  }

  @Test
  void aRegistrationMayMapRolesItsOwnWay() {
    RoleMapper custom = new RoleMapper(Map.of("Mentor", Role.TRAINER));

    assertThat(custom.map(List.of(M + "#Mentor")).roles()).containsExactly(Role.TRAINER);
    assertThat(custom.map(List.of(M + "#Learner")).roles()).isEmpty();
  }

  @Test
  void aRegistrationsOverridesReplaceOnlyTheRolesTheyName() {
    RoleMapper overridden = RoleMapper.withOverrides(Map.of("Mentor", Role.TRAINER));

    assertThat(overridden.map(List.of(M + "#Mentor")).roles()).containsExactly(Role.TRAINER);
    assertThat(overridden.map(List.of(M + "#Learner")).roles()).containsExactly(Role.LEARNER);
    assertThat(new RoleMapper().map(List.of(M + "#Mentor")).roles()).containsExactly(Role.COACH);
  }
}
