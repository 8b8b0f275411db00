/**
 * LTI 1.3 launch validation (LTI.md §2; 1EdTech Core 1.3 §5.1, Security Framework §5.1.3): a fixed,
 * named sequence of twelve steps, each with its own stable {@link
 * org.tremplin.lti.launch.LaunchError} code, ending in a {@link
 * org.tremplin.lti.launch.LaunchOutcome}. Plain code: the JAX-RS resource reads the form and the
 * binding cookie, calls {@link org.tremplin.lti.launch.LaunchValidator}, and maps the outcome. Used
 * nonces are kept by {@link org.tremplin.lti.launch.Nonces} (in the database: {@link
 * org.tremplin.lti.launch.JdbiNonces}); {@link org.tremplin.lti.launch.CourseContext} names the
 * course a launch came from.
 */
@NullMarked
package org.tremplin.lti.launch;

import org.jspecify.annotations.NullMarked;
