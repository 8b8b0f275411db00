package org.tremplin.web.school;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.tremplin.api.SchoolId;
import org.tremplin.api.access.Actor;
import org.tremplin.web.page.Texts;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.SessionCookie;

/**
 * Who asks for a school page: the session, its actor, the school the page is about, its name, the
 * texts in the session's language, and the tool's root path (links are absolute from it and carry
 * the session token). Immutable.
 *
 * @param request the request's session
 * @param actor the session's actor
 * @param school the school
 * @param schoolName its name
 * @param t the texts
 * @param root the tool's root path, e.g. {@code /}
 */
record Who(
    RequestSession request, Actor actor, SchoolId school, String schoolName, Texts t, String root) {
  static final String BUNDLE = "org.tremplin.web.school.SchoolMessages";

  /** An address under the root carrying the session token. */
  String href(String path) {
    return root
        + path
        + (path.contains("?") ? "&" : "?")
        + SessionCookie.PARAMETER
        + "="
        + URLEncoder.encode(request.token(), StandardCharsets.UTF_8);
  }

  /** A school page's address ({@code app/school...}): the token and the school. */
  String page(String path) {
    return href(path + (path.contains("?") ? "&" : "?") + "school=" + school.value());
  }

  /** The learner's file (the coach pages', which a manager may read). */
  String learnerHref(org.tremplin.api.LearnerId learner) {
    return href("app/coach/learners/" + learner.value());
  }
}
