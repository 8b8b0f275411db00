/**
 * Housekeeping off the request path (issue 10, item 4): expired nonces and sessions are deleted by
 * a task each node runs on a schedule, never inside a login or a launch.
 */
@NullMarked
package org.tremplin.lti.housekeeping;

import org.jspecify.annotations.NullMarked;
