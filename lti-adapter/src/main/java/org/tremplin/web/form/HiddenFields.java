package org.tremplin.web.form;

/**
 * The hidden fields every app form carries ({@link FormGuard#fields}): the session token, the
 * session's CSRF value and a one-time submission id, each with its field name. Rendered by {@code
 * @template.form.hidden(fields = ...)}. Immutable; {@code toString} hides the values.
 *
 * @param sessionName the session token's field name
 * @param session the session token
 * @param csrfName the CSRF value's field name
 * @param csrf the session's CSRF value
 * @param submissionName the submission id's field name
 * @param submission a fresh submission id
 */
public record HiddenFields(
    String sessionName,
    String session,
    String csrfName,
    String csrf,
    String submissionName,
    String submission) {

  @Override
  public String toString() {
    return "HiddenFields[" + sessionName + ", " + csrfName + ", " + submissionName + "]";
  }
}
