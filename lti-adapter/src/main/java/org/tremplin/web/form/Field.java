package org.tremplin.web.form;

/**
 * A form field as a page shows it ({@link FormErrors#field}): its id (also its name, by
 * convention), the value to put back, and its error (empty when none). Immutable.
 *
 * @param id the field's id and name
 * @param value the value to show: what the user entered, or the default
 * @param error the error message, or an empty string
 * @param errorPrefix the words read before the message ("Erreur :"), visually hidden
 */
public record Field(String id, String value, String error, String errorPrefix) {
  /** Whether the field has an error (then {@code aria-invalid="true"}). */
  public boolean invalid() {
    return !error.isEmpty();
  }

  /** The id of the element holding the error, for {@code aria-describedby}. */
  public String errorId() {
    return id + "-error";
  }

  /** Whether {@code option} is the value, for a radio button or an option to be checked. */
  public boolean is(String option) {
    return value.equals(option);
  }
}
