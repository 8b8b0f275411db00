package org.tremplin.core.insertion;

import java.util.List;
import java.util.Optional;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.insertion.Exit;
import org.tremplin.api.insertion.FollowUp;

/**
 * Stored exits (versioned: corrections append) and their six-month follow-ups. Thread-safe; calls
 * inside a transaction join it. Reads return empty when nothing is stored.
 */
public interface Exits {
  /**
   * Appends an exit version; fails if that version is taken.
   *
   * @param exit the exit
   */
  void append(Exit exit);

  /**
   * Every version of a learner's exit from a cohort, oldest first.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return every version of a learner's exit from a cohort, oldest first
   */
  List<Exit> history(CohortId cohort, LearnerId learner);

  /**
   * The newest version of every exit of a cohort.
   *
   * @param cohort the cohort
   * @return the newest version of every exit of a cohort
   */
  List<Exit> current(CohortId cohort);

  /**
   * Stores a follow-up; fails if one exists.
   *
   * @param followUp the follow up
   */
  void insertFollowUp(FollowUp followUp);

  /**
   * The follow-up of a learner's exit from a cohort.
   *
   * @param cohort the cohort
   * @param learner the learner
   * @return the follow-up of a learner's exit from a cohort
   */
  Optional<FollowUp> followUp(CohortId cohort, LearnerId learner);

  /**
   * Learners of a cohort whose follow-up is recorded.
   *
   * @param cohort the cohort
   * @return the learner ids
   */
  List<LearnerId> followedUp(CohortId cohort);
}
