/**
 * App sessions (LTI.md §3, last bullet): what the app knows about a user after a launch ({@link
 * org.tremplin.lti.session.AppSession}, with the course they may link, {@link
 * org.tremplin.lti.session.PendingLink}), reached by an opaque bearer token through {@link
 * org.tremplin.lti.session.Sessions}; {@link org.tremplin.lti.session.JdbiSessions} keeps them in
 * the database so that any node can serve the iframe's next request.
 */
@NullMarked
package org.tremplin.lti.session;

import org.jspecify.annotations.NullMarked;
