/**
 * The application shown inside the LMS iframe after a launch ({@code /app/...}): for now the
 * landing page of each role and the page linking a course to a cohort. Sessions travel as a token
 * in links and forms, plus a {@code Partitioned} cookie where the browser keeps it.
 */
@NullMarked
package org.tremplin.web.app;

import org.jspecify.annotations.NullMarked;
