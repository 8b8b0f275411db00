package org.tremplin.api.coaching;

import org.tremplin.api.TremplinException;

/**
 * The confidential part of a coaching meeting's notes, as the caller may see it: the text for the
 * learner's referent coach, only the fact that one exists for others allowed to read coaching data
 * (managers), nothing when there is none. Immutable.
 */
public sealed interface ConfidentialNote {
  /** Whether a confidential note was written (whether or not the caller may read it). */
  boolean exists();

  /** No confidential note was written. */
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
    /** The text is required, not blank, at most 4000 characters. */
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
