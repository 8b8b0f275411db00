package org.tremplin.web.lti;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.login.LoginOutcome;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;

/**
 * The platform-storage pages of LTI.md §1.6: at login, the page that writes the binding with {@code
 * lti.put_data} and then navigates to the platform; at launch, the page that reads it back with
 * {@code lti.get_data} and re-posts the token. Their script is {@code /lti/storage.js} ({@link
 * StorageScriptResource}), allowed by the CSP as {@code 'self'} (as is the stylesheet); no inline
 * script, no inline event handler. Templates: {@code src/main/jte/lti/storage-*.jte}. Every value
 * is HTML-escaped into data attributes or hidden fields; text is French and English. Stateless.
 */
final class StoragePages {
  /** How long the script waits for each platform answer, in milliseconds. */
  static final int TIMEOUT_MILLIS = 2000;

  /** The CSP of these pages: only our own script, forms only to ourselves. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'";

  private static final String HTML = "text/html;charset=UTF-8";

  private StoragePages() {}

  /**
   * The login page (200): stores the binding in platform storage, then navigates to the platform's
   * authorisation URL; falls back to the cookie alone, and offers {@code newWindowUrl} (a fresh
   * login in a new window) when cookies are off too. Sets the binding cookie as well.
   */
  static Response login(LoginOutcome.StoreThenRedirect outcome, String newWindowUrl) {
    return page(loginHtml(outcome, newWindowUrl))
        .header("Set-Cookie", outcome.loginState().setCookieHeader())
        .build();
  }

  /** The login page's HTML. */
  static String loginHtml(LoginOutcome.StoreThenRedirect outcome, String newWindowUrl) {
    return Templates.web()
        .render(
            "lti/storage-login.jte",
            new Login(
                LtiPages.layout("Tremplin"),
                outcome.storageTarget(),
                outcome.platformOrigin(),
                outcome.loginState().storageStateKey(),
                outcome.loginState().storageNonceKey(),
                outcome.loginState().bindingValue(),
                outcome.location().toASCIIString(),
                TIMEOUT_MILLIS,
                newWindowUrl));
  }

  /**
   * The launch read-back page (200): reads the binding from platform storage and re-posts the same
   * {@code id_token} and {@code state} with the values found (empty when none) to the launch.
   */
  static Response readBack(StorageReadBack readBack, LaunchRequest request) {
    return page(readBackHtml(readBack, request)).build();
  }

  /** The read-back page's HTML. */
  static String readBackHtml(StorageReadBack readBack, LaunchRequest request) {
    return Templates.web()
        .render(
            "lti/storage-launch.jte",
            new ReadBack(
                LtiPages.layout("Tremplin"),
                readBack.storageTarget(),
                readBack.platformOrigin(),
                readBack.stateKey(),
                readBack.nonceKey(),
                TIMEOUT_MILLIS,
                List.of(
                    new Hidden("id_token", Objects.requireNonNullElse(request.idToken(), "")),
                    new Hidden("state", Objects.requireNonNullElse(request.state(), "")),
                    new Hidden(LaunchRequest.STORED_STATE_FIELD, ""),
                    new Hidden(LaunchRequest.STORED_NONCE_FIELD, ""))));
  }

  private static Response.ResponseBuilder page(String html) {
    return Response.ok()
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP)
        .entity(html);
  }

  /** The login page: the binding to store, where to go next, and the way out in a new window. */
  record Login(
      Layout layout,
      String target,
      String origin,
      String stateKey,
      String nonceKey,
      String value,
      String redirect,
      int timeout,
      String newWindowUrl) {}

  /** A hidden form field. */
  record Hidden(String name, String value) {}

  /** The read-back page: the keys to read, and the fields re-posted to the launch. */
  record ReadBack(
      Layout layout,
      String target,
      String origin,
      String stateKey,
      String nonceKey,
      int timeout,
      List<Hidden> fields) {}
}
