package org.tremplin.web.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;

/**
 * The errors of a posted form, in the user's language, in the order found: the page shows them in a
 * summary at the top ({@code @template.form.summary(errors = ...)}, each linking to its field) and
 * each next to its field ({@code @template.form.error(field = ...)}), the entered values kept
 * ({@link #field}). One message per field (the first one added). Not thread-safe: one per request.
 *
 * <pre>{@code
 * FormErrors errors = FormErrors.in(locale);
 * if (reason.isBlank()) errors.add("reason", text.get("correction.error.reason"));
 * if (!errors.isEmpty()) return Submitted.refused(page(..., errors, form)); // 400, values kept
 * }</pre>
 */
public final class FormErrors {
  private static final String BUNDLE = "org.tremplin.web.form.FormMessages";

  private final Locale locale;
  private final Map<String, String> messages = new LinkedHashMap<>();

  private FormErrors(Locale locale) {
    this.locale = locale;
  }

  /** No error yet, for a page in this language (English for English, else French). */
  public static FormErrors in(Locale locale) {
    return new FormErrors(
        Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
  }

  /**
   * Records the error of a field (its {@code id} in the page, usually its name); a field keeps its
   * first message.
   *
   * @return this
   */
  public FormErrors add(String field, String message) {
    messages.putIfAbsent(field, message);
    return this;
  }

  /** Whether no error was found. */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /** Whether this field has an error. */
  public boolean has(String field) {
    return messages.containsKey(field);
  }

  /** The error of this field, or an empty string. */
  public String of(String field) {
    return messages.getOrDefault(field, "");
  }

  /** Every error in the order found, for the summary. */
  public List<Problem> list() {
    List<Problem> all = new ArrayList<>();
    messages.forEach((field, message) -> all.add(new Problem(field, message)));
    return all;
  }

  /**
   * A field as the page shows it: its id, the value to put back (what was entered, or {@code
   * fallback} when nothing was), and its error.
   */
  public Field field(String id, @Nullable String entered, String fallback) {
    return new Field(id, entered == null ? fallback : entered, of(id), texts().getString("prefix"));
  }

  /** The summary's title ("Il y a un problème" / "There is a problem"). */
  public String title() {
    return texts().getString("summary.title");
  }

  /** The page title's prefix when the form has errors ("Erreur : " / "Error: "). */
  public String titlePrefix() {
    return isEmpty() ? "" : texts().getString("prefix") + " ";
  }

  /** The language of the messages. */
  public Locale locale() {
    return locale;
  }

  private ResourceBundle texts() {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * One error of the summary.
   *
   * @param field the id of the field it links to
   * @param message the message
   */
  public record Problem(String field, String message) {}
}
