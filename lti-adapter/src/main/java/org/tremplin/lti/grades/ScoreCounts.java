package org.tremplin.lti.grades;

/**
 * How many scores of a cohort are in each state. Immutable.
 *
 * @param waiting recorded, not yet accepted by the platform (it is down, or they wait their turn)
 * @param sent accepted by the platform
 * @param refused refused for good (see {@link GradeDeliveries#failures})
 * @param superseded never sent because a later assessment of the same learner and competency had
 *     already reached the gradebook
 */
public record ScoreCounts(int waiting, int sent, int refused, int superseded) {}
