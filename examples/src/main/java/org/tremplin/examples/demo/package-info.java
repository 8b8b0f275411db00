/**
 * The deterministic demo dataset (a school, a cohort, twelve learners, four months of attendance
 * and evidence) shared by the command line and the demo server (DOMAIN.md, "Calendar and
 * attendance" and "The certification").
 */
@NullMarked
package org.tremplin.examples.demo;

import org.jspecify.annotations.NullMarked;
