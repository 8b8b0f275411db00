package org.tremplin.web.privacy;

import java.util.List;
import java.util.Objects;
import org.tremplin.api.SchoolId;

/**
 * A staff person the tool knows, as {@link StaffPrivacy#find} lists them for an operator.
 *
 * @param personId the person id (the actor id of their audit lines)
 * @param name the name their platform last sent, empty when none
 * @param emails the e-mails the course rosters list for their LMS accounts
 * @param coachOf the schools where they opened Tremplin as a coach
 */
public record StaffMember(
    String personId, String name, List<String> emails, List<SchoolId> coachOf) {
  /**
   * Copies the lists.
   *
   * @param personId the person id
   * @param name the name, empty when none
   * @param emails the e-mails
   * @param coachOf the schools
   */
  public StaffMember {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(name, "name");
    emails = List.copyOf(emails);
    coachOf = List.copyOf(coachOf);
  }
}
