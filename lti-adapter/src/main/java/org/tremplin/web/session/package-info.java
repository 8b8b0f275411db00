/**
 * The app session of a request, resolved once for every resource that needs one ({@code /app}, the
 * coming {@code /api}): {@link org.tremplin.web.session.SessionFilter} reads the token (query or
 * form; the {@link org.tremplin.web.session.SessionCookie} on {@code GET} only), looks the session
 * up and hands it to the resource as the request's {@link org.tremplin.web.session.RequestSession};
 * resources opt in with {@link org.tremplin.web.session.WithSession}.
 */
@NullMarked
package org.tremplin.web.session;

import org.jspecify.annotations.NullMarked;
