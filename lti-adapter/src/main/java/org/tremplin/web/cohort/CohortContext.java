package org.tremplin.web.cohort;

import org.tremplin.api.access.Actor;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.web.session.RequestSession;

/**
 * What a cohort page runs with: the request's session, its actor, and the cohort the actor was
 * allowed to read.
 */
record CohortContext(RequestSession request, Actor actor, Cohort cohort) {
  /** The session token, for links and forms. */
  String token() {
    return request.token();
  }
}
