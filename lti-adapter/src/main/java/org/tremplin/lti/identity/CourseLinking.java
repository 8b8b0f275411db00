package org.tremplin.lti.identity;

import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.session.PendingLink;

/**
 * Links a trainer's or manager's pending course to a cohort (LTI.md §3): an existing cohort of the
 * school, or one opened for it from a programme template. Opening and linking are one transaction
 * (core's unit of work): when the link is refused, e.g. because another trainer linked the course
 * meanwhile, no cohort is left behind. Thread-safe.
 */
public final class CourseLinking {
  private final Tremplin tremplin;
  private final LtiDirectory directory;

  /**
   * Over this domain engine and the directory on its database.
   *
   * @param tremplin the engine
   * @param directory the directory
   */
  public CourseLinking(Tremplin tremplin, LtiDirectory directory) {
    this.tremplin = tremplin;
    this.directory = directory;
  }

  /**
   * Links the pending course to this cohort.
   *
   * @param link the link
   * @param cohort the cohort
   * @param personId the person id
   * @throws org.tremplin.lti.LtiException {@code LTI_LINK_CONFLICT} when the course is linked to
   *     another cohort
   */
  public void link(PendingLink link, Cohort cohort, String personId) {
    directory.linkCourse(link.course(), cohort.id(), personId);
  }

  /**
   * Opens this cohort in the pending link's school, as the person linking, and links the course to
   * it, all or nothing.
   *
   * @param link the link
   * @param cohort the cohort
   * @param personId the person id
   * @return the cohort opened and linked
   * @throws org.tremplin.api.TremplinException when core refuses the cohort (nothing written)
   * @throws org.tremplin.lti.LtiException {@code LTI_LINK_CONFLICT} when the course is linked to
   *     another cohort (nothing written: no cohort is opened)
   */
  public Cohort openAndLink(PendingLink link, NewCohort cohort, String personId) {
    if (!cohort.school().equals(link.school())) {
      throw new IllegalArgumentException("the cohort must be opened in the course's school");
    }
    Actor actor = LaunchIdentities.linkingActor(personId, link.school());
    return tremplin
        .transactions()
        .inTransaction(
            h -> {
              Cohort opened = tremplin.cohorts().open(actor, cohort);
              directory.linkCourse(link.course(), opened.id(), personId);
              return opened;
            });
  }
}
