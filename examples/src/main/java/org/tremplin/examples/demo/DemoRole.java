package org.tremplin.examples.demo;

import java.util.Locale;

/** The five ways into the tool the demo LMS offers, with the LTI membership role each sends. */
public enum DemoRole {
  /** A learner of the course. */
  LEARNER("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
  /** The course's trainer. */
  TRAINER("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"),
  /** The learners' coach (a mentor of the learners, with {@code role_scope_mentor}). */
  COACH("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"),
  /** The school's manager (a course administrator). */
  MANAGER("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator"),
  /**
   * The network's administrator: the demo LMS's system administrator, from a configured platform
   * (LTI.md §3): binds platforms, API tokens, programme templates.
   */
  ADMIN("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator");

  private final String ltiRole;

  DemoRole(String ltiRole) {
    this.ltiRole = ltiRole;
  }

  /** The LTI context role URI sent in the {@code roles} claim. */
  public String ltiRole() {
    return ltiRole;
  }

  /** Lower-case name, as used in ids and on the command line ({@code learner}...). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
