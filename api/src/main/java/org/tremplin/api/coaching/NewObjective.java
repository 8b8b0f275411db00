package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * An objective to add to a learner's action plan. Immutable.
 *
 * @param title what it aims at, 1 to 200 characters
 * @param focus the career project or one of the learner's barriers
 * @param setOn the day it is set
 */
public record NewObjective(String title, ObjectiveFocus focus, LocalDate setOn) {
  /**
   * All required.
   *
   * @param title the title
   * @param focus the focus
   * @param setOn the set on
   */
  public NewObjective {
    title = checkTitle(title);
    TremplinException.required(focus, "focus");
    TremplinException.required(setOn, "setOn");
  }

  static String checkTitle(String title) {
    TremplinException.requiredText(title, "title");
    String stripped = title.strip();
    TremplinException.check(stripped.length() <= 200, "title is longer than 200 characters");
    return stripped;
  }
}
