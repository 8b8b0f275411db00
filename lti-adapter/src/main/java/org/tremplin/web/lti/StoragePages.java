package org.tremplin.web.lti;

import jakarta.ws.rs.core.Response;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.login.LoginOutcome;
import org.tremplin.web.page.Html;

/**
 * The platform-storage pages of LTI.md §1.6: at login, the page that writes the binding with {@code
 * lti.put_data} and then navigates to the platform; at launch, the page that reads it back with
 * {@code lti.get_data} and re-posts the token. Their script is {@code /lti/storage.js} ({@link
 * StorageScriptResource}), allowed by the CSP as {@code 'self'}; no inline script, no inline event
 * handler. Every value is HTML-escaped into data attributes or hidden fields; text is French and
 * English. Stateless.
 */
final class StoragePages {
  /** How long the script waits for each platform answer, in milliseconds. */
  static final int TIMEOUT_MILLIS = 2000;

  /** The CSP of these pages: only our own script, forms only to ourselves. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; form-action 'self'; base-uri 'none'";

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
    String redirect = outcome.location().toASCIIString();
    StringBuilder body = new StringBuilder();
    body.append("<h1>Connexion en cours… / Signing in…</h1>\n")
        .append("<div id=\"lti-storage\" data-mode=\"login\"")
        .append(attribute("target", outcome.storageTarget()))
        .append(attribute("origin", outcome.platformOrigin()))
        .append(attribute("state-key", outcome.loginState().storageStateKey()))
        .append(attribute("nonce-key", outcome.loginState().storageNonceKey()))
        .append(attribute("value", outcome.loginState().bindingValue()))
        .append(attribute("redirect", redirect))
        .append(attribute("timeout", String.valueOf(TIMEOUT_MILLIS)))
        .append("></div>\n")
        .append("<p id=\"lti-storage-fallback\" hidden>")
        .append("<span lang=\"fr\">Le stockage de la plateforme n'a pas répondu : la connexion")
        .append(" continue avec le cookie seulement.</span> ")
        .append("<span lang=\"en\">The platform's storage did not answer: signing in continues")
        .append(" with the cookie only.</span></p>\n")
        .append("<p id=\"lti-storage-new-window\" hidden>")
        .append("<span lang=\"fr\">Si rien ne se passe, ouvrez Tremplin dans une nouvelle")
        .append(" fenêtre.</span> ")
        .append("<span lang=\"en\">If nothing happens, open Tremplin in a new window.</span> ")
        .append("<a href=\"")
        .append(Html.escape(newWindowUrl))
        .append("\" target=\"_blank\" rel=\"noopener\">")
        .append("Ouvrir dans une nouvelle fenêtre / Open in a new window</a></p>\n")
        .append("<noscript><p><a href=\"")
        .append(Html.escape(redirect))
        .append("\">Continuer / Continue</a></p></noscript>\n")
        .append("<script src=\"storage.js\"></script>\n");
    return document(body.toString());
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
    StringBuilder body = new StringBuilder();
    body.append("<h1>Vérification de la connexion… / Checking your sign-in…</h1>\n")
        .append("<div id=\"lti-storage\" data-mode=\"launch\"")
        .append(attribute("target", readBack.storageTarget()))
        .append(attribute("origin", readBack.platformOrigin()))
        .append(attribute("state-key", readBack.stateKey()))
        .append(attribute("nonce-key", readBack.nonceKey()))
        .append(attribute("timeout", String.valueOf(TIMEOUT_MILLIS)))
        .append("></div>\n")
        .append("<form id=\"lti-storage-repost\" method=\"post\" action=\"launch\">\n")
        .append(hidden("id_token", request.idToken()))
        .append(hidden("state", request.state()))
        .append(hidden(LaunchRequest.STORED_STATE_FIELD, ""))
        .append(hidden(LaunchRequest.STORED_NONCE_FIELD, ""))
        .append("<noscript><p lang=\"fr\">JavaScript est nécessaire pour continuer.</p>")
        .append("<p lang=\"en\">JavaScript is needed to continue.</p></noscript>\n")
        .append("</form>\n")
        .append("<script src=\"storage.js\"></script>\n");
    return document(body.toString());
  }

  private static String attribute(String name, String value) {
    return " data-" + name + "=\"" + Html.escape(value) + "\"";
  }

  private static String hidden(String name, @Nullable String value) {
    return "<input type=\"hidden\" name=\""
        + Html.escape(name)
        + "\" value=\""
        + Html.escape(value)
        + "\">\n";
  }

  private static String document(String body) {
    return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head><meta charset=\"utf-8\">"
        + "<meta name=\"referrer\" content=\"no-referrer\"><title>Tremplin</title></head>\n"
        + "<body>\n"
        + body
        + "</body>\n</html>\n";
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
}
