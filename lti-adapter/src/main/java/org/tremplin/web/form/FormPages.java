package org.tremplin.web.form;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.ResourceBundle;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Pages;
import org.tremplin.web.page.Templates;

/**
 * The pages a form post gets when it cannot be taken (ADR 0010): {@code 403} its CSRF value is not
 * the session's; {@code 400} it lacks its submission id (not a form of ours); {@code 409} the same
 * submission is still being written. Each says what to do, in the session's language. Stateless.
 */
public final class FormPages {
  private FormPages() {}

  /**
   * The refusal page for this status (403, 400 or 409), for a page at {@code /app/<one segment>};
   * see {@link #refused(Locale, int, String)} for deeper addresses.
   */
  public static Response refused(Locale locale, int status) {
    return refused(locale, status, "../");
  }

  /**
   * The refusal page for this status.
   *
   * @param root the path from the request's address to the application's root (e.g. {@code
   *     "../../"} for {@code /app/attendance/2026-03-10})
   */
  public static Response refused(Locale locale, int status, String root) {
    ResourceBundle t = texts(locale);
    String kind = status == 403 ? "csrf" : status == 409 ? "busy" : "missing";
    Refused page =
        new Refused(
            Layout.of(locale, t.getString("refused.title"), "", root),
            t.getString("refused.title"),
            t.getString("refused." + kind));
    return Pages.html(status, Templates.web().render("form/refused.jte", page));
  }

  static ResourceBundle texts(Locale locale) {
    return ResourceBundle.getBundle(
        "org.tremplin.web.form.FormMessages",
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The refusal page's model. */
  record Refused(Layout layout, String title, String text) {}
}
