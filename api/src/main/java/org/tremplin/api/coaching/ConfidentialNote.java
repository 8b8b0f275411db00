package org.tremplin.api.coaching;

import org.tremplin.api.TremplinException;

/**
 * The confidential part of a coaching meeting's notes, as the caller may see it: the text for the
 * learner's referent coach, only the fact that one exists for managers, and nothing for the learner
 * (who does not even learn that one exists). Immutable.
 */
public sealed interface ConfidentialNote {
  /**
   * Whether the caller may know that a confidential note was written (read it or not).
   *
   * @return whether the caller may know that a confidential note was written (read it or not)
   */
  boolean exists();

  /** No confidential note was written, or the caller may not even know of one (the learner). */
  record Absent() implements ConfidentialNote {
    @Override
    public boolean exists() {
      return false;
    }
  }

  /** A confidential note exists, but the caller may not read it. */
  record Withheld() implements ConfidentialNote {
    @Override
    public boolean exists() {
      return true;
    }
  }

  /**
   * The confidential note, for a caller who may read it.
   *
   * @param text the note, 1 to 4000 characters
   */
  record Shown(String text) implements ConfidentialNote {
    /**
     * The text is required, not blank, at most 4000 characters.
     *
     * @param text the text to read
     */
    public Shown {
      TremplinException.requiredText(text, "confidential note");
      TremplinException.check(
          text.length() <= CoachingMeeting.MAX_CONFIDENTIAL_NOTE,
          "confidential note is longer than "
              + CoachingMeeting.MAX_CONFIDENTIAL_NOTE
              + " characters");
    }

    @Override
    public boolean exists() {
      return true;
    }

    /** Never prints the note (it must not reach logs). */
    @Override
    public String toString() {
      return "Shown[" + text.length() + " characters]";
    }
  }
}
