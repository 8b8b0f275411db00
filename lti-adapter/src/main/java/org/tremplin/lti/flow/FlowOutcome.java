package org.tremplin.lti.flow;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.deeplinking.ItemRef;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.launch.LaunchError;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.session.IssuedSession;

/**
 * What to answer a launch's browser with, whatever the web framework: land on a page with a fresh
 * session, explain why there is nothing to show, refuse with the code of the failed step, or first
 * read the browser's binding back from platform storage. Immutable; no variant's {@code toString}
 * shows a token.
 */
public sealed interface FlowOutcome {

  /** The app pages a launch lands on. */
  enum Page {
    /** The landing page of the session's roles ({@code /app/home}). */
    HOME,
    /** The offer to link the launch's course to a cohort ({@code /app/link}). */
    LINK_COURSE,
    /**
     * The programme item a deep-linked activity points to ({@code /app/item}), shown to the
     * session's roles; {@link Land#item()} names it.
     */
    ITEM,
    /**
     * The learner's own path ({@code /app/path}) at the deep-linked competency or phase ({@code
     * #competency-<code>}, {@code #phase-<code>}); {@link Land#item()} names it.
     */
    PATH,
    /**
     * The competency grid of the session's cohort ({@code /app/cohorts/<cohort>/grid}) at the
     * deep-linked competency's column ({@code #col-<code>}); {@link Land#item()} names it.
     */
    COHORT_GRID,
    /**
     * The calendar of the session's cohort ({@code /app/cohorts/<cohort>/calendar}) at the
     * deep-linked phase ({@code #phase-<code>}); {@link Land#item()} names it.
     */
    COHORT_CALENDAR;

    /**
     * Whether the page shows a programme item ({@link Land#item()} is set exactly then).
     *
     * @return whether the page shows a programme item
     */
    public boolean showsItem() {
      return this != HOME && this != LINK_COURSE;
    }
  }

  /**
   * A session was opened: send the browser to the page with its token, and set the session cookie
   * for as long as the session lives.
   *
   * @param page where to go
   * @param session the session opened and its token (shown once, here)
   * @param cookieMaxAge how long the session cookie should live: the session's time to live
   * @param item the programme item the page shows (a deep-linked activity's), for the pages that
   *     show one only
   */
  record Land(Page page, IssuedSession session, Duration cookieMaxAge, @Nullable ItemRef item)
      implements FlowOutcome {
    /**
     * Page, session and cookie age required; the item exactly for the pages that show one ({@link
     * Page#showsItem()}).
     *
     * @param page the page
     * @param session the session
     * @param cookieMaxAge the cookie max age
     * @param item the item
     */
    public Land {
      Objects.requireNonNull(page, "page");
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(cookieMaxAge, "cookieMaxAge");
      if (page.showsItem() != (item != null)) {
        throw new IllegalArgumentException("an item page needs its item, and only it");
      }
    }

    /**
     * A landing on a page that shows no particular item.
     *
     * @param page the page
     * @param session the session
     * @param cookieMaxAge the cookie max age
     */
    public Land(Page page, IssuedSession session, Duration cookieMaxAge) {
      this(page, session, cookieMaxAge, null);
    }

    /**
     * The session's bearer token: never log it.
     *
     * @return the session's bearer token: never log it
     */
    public String token() {
      return session.token();
    }
  }

  /**
   * A trainer's deep linking request (LTI.md §4): a session was opened and the request stored; send
   * the browser to the picker with the session token and the request token.
   *
   * @param session the session opened and its token
   * @param cookieMaxAge how long the session cookie should live
   * @param requestToken the token of the stored request (never log it)
   */
  record PickContent(IssuedSession session, Duration cookieMaxAge, String requestToken)
      implements FlowOutcome {
    /**
     * All required.
     *
     * @param session the session
     * @param cookieMaxAge the cookie max age
     * @param requestToken the request token
     */
    public PickContent {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(cookieMaxAge, "cookieMaxAge");
      Objects.requireNonNull(requestToken, "requestToken");
    }

    /**
     * The session's bearer token: never log it.
     *
     * @return the session's bearer token: never log it
     */
    public String token() {
      return session.token();
    }

    @Override
    public String toString() {
      return "PickContent[" + session + "]";
    }
  }

  /**
   * The launch is valid but Tremplin has nothing for this user yet; no session was opened.
   *
   * @param explanation why, and who launched
   * @param locale the language of the page
   */
  record Explain(Landing.Explained explanation, Locale locale) implements FlowOutcome {
    /**
     * Both required.
     *
     * @param explanation the explanation
     * @param locale the language of the texts
     */
    public Explain {
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(locale, "locale");
    }
  }

  /**
   * A validation step failed (or the platform reported an error): answer the code's page with its
   * HTTP status, never a redirect, never a session.
   *
   * @param error the stable code
   * @param platformDescription the {@code error_description} the platform posted, if any
   */
  record Refuse(LaunchError error, @Nullable String platformDescription) implements FlowOutcome {
    /**
     * The code is required.
     *
     * @param error the error
     * @param platformDescription the platform description
     */
    public Refuse {
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * The launch came without its cookie after a platform-storage login (LTI.md §1.6): answer the
   * page that reads the binding back and re-posts the request; nothing was consumed.
   *
   * @param readBack what the page needs
   * @param request the request to re-post
   */
  record ReadBackFromStorage(StorageReadBack readBack, LaunchRequest request)
      implements FlowOutcome {
    /**
     * Both required.
     *
     * @param readBack the read back
     * @param request the request
     */
    public ReadBackFromStorage {
      Objects.requireNonNull(readBack, "readBack");
      Objects.requireNonNull(request, "request");
    }
  }
}
