package org.tremplin.core.dataset;

/**
 * What a generation wrote.
 *
 * @param schools schools created
 * @param cohorts cohorts opened
 * @param learners learners registered (test accounts included)
 * @param testAccounts learners marked as test accounts
 * @param attendanceMarks attendance rows (corrections included)
 * @param evidence evidence rows
 * @param meetings coaching meetings
 * @param barriers barriers
 * @param exits exits
 * @param rows rows written, all tables together
 */
public record DatasetSummary(
    int schools,
    int cohorts,
    int learners,
    int testAccounts,
    long attendanceMarks,
    long evidence,
    long meetings,
    long barriers,
    long exits,
    long rows) {}
