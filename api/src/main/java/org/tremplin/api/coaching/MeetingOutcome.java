package org.tremplin.api.coaching;

import org.tremplin.api.TremplinException;

/** What happened at a planned coaching meeting, as recorded by the coach. Immutable. */
public sealed interface MeetingOutcome {
  /**
   * The ordinary note, possibly empty.
   *
   * @return the ordinary note, possibly empty
   */
  String note();

  /**
   * The meeting was held.
   *
   * @param note the ordinary note, at most 2000 characters, possibly empty
   * @param confidentialNote the confidential note, at most 4000 characters; empty when none
   */
  record Held(String note, String confidentialNote) implements MeetingOutcome {
    /**
     * Both texts required (possibly empty) and within their lengths; stripped.
     *
     * @param note the note
     * @param confidentialNote the confidential note
     */
    public Held {
      note = CoachingMeeting.checkNote(note);
      TremplinException.required(confidentialNote, "confidential note");
      confidentialNote = confidentialNote.strip();
      TremplinException.check(
          confidentialNote.length() <= CoachingMeeting.MAX_CONFIDENTIAL_NOTE,
          "confidential note is longer than "
              + CoachingMeeting.MAX_CONFIDENTIAL_NOTE
              + " characters");
    }

    /** Never prints the confidential note. */
    @Override
    public String toString() {
      return "Held[note="
          + note.length()
          + " characters, confidential="
          + !confidentialNote.isEmpty()
          + "]";
    }
  }

  /**
   * The meeting did not take place.
   *
   * @param by who did not come
   * @param note the ordinary note, at most 2000 characters, possibly empty
   */
  record Missed(MissedBy by, String note) implements MeetingOutcome {
    /**
     * Both required; the note possibly empty.
     *
     * @param by the by
     * @param note the note
     */
    public Missed {
      TremplinException.required(by, "missedBy");
      note = CoachingMeeting.checkNote(note);
    }
  }
}
