/**
 * The demo: the deterministic demo dataset (a school, a cohort, twelve learners, four months of
 * attendance and evidence) shared by the command line and the demo server (DOMAIN.md, "Calendar and
 * attendance" and "The certification"), and the demo LMS, a small real LTI 1.3 platform at {@code
 * <base>demo} that launches into the tool as learner, trainer, coach or manager (LTI.md §1 to §3).
 */
@NullMarked
package org.tremplin.examples.demo;

import org.jspecify.annotations.NullMarked;
