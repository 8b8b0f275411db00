/**
 * Grades to the LMS gradebook and LMS grades back (LTI Assignment and Grade Services 2.0; LTI.md
 * §5; issue 11, item 3). {@link org.tremplin.lti.grades.GradePublisher} is the outbox consumer that
 * turns a recorded assessment into a score on the course's line item for the competency; {@link
 * org.tremplin.lti.grades.AgsClient} speaks the service over HTTP; {@link
 * org.tremplin.lti.grades.JdbiGradeDeliveries} keeps the scores, the line items and the lanes
 * (table prefix {@code tremplin_lti_}, migration V6); {@link org.tremplin.lti.grades.LmsGrades}
 * reads the platform's results back as evidence. The line item, result and endpoint objects are
 * Tsugi's ({@code org.tsugi.ags2.objects}); the score is our own {@link
 * org.tremplin.lti.grades.Score} (ADR 0008).
 */
@NullMarked
package org.tremplin.lti.grades;

import org.jspecify.annotations.NullMarked;
