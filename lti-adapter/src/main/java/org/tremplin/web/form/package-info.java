/**
 * What every app form shares (ADR 0010): the hidden fields a form carries ({@link
 * org.tremplin.web.form.FormGuard#fields}: session token, per-session CSRF value, one-time
 * submission id), the CSRF check on every session {@code POST} ({@link
 * org.tremplin.web.form.FormGuardFilter}), writes run once per submission ({@link
 * org.tremplin.web.form.FormGuard#once}), and errors shown next to their fields in the user's
 * language with the entered values kept ({@link org.tremplin.web.form.FormErrors}, {@link
 * org.tremplin.web.form.Field}); templates under {@code src/main/jte/form}. UI.md, "Errors".
 */
@NullMarked
package org.tremplin.web.form;

import org.jspecify.annotations.NullMarked;
