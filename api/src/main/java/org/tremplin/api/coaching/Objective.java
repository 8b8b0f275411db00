package org.tremplin.api.coaching;

import java.time.LocalDate;
import java.util.List;
import org.tremplin.api.TremplinException;

/**
 * An objective of a learner's action plan, with its actions. Immutable.
 *
 * @param id its id
 * @param title what it aims at, 1 to 200 characters
 * @param focus the career project or a barrier
 * @param setOn the day it was set
 * @param actions its actions, by due date
 */
public record Objective(
    ObjectiveId id, String title, ObjectiveFocus focus, LocalDate setOn, List<Action> actions) {
  /**
   * All required; actions possibly empty.
   *
   * @param id the identifier
   * @param title the title
   * @param focus the focus
   * @param setOn the set on
   * @param actions the actions
   */
  public Objective {
    TremplinException.required(id, "id");
    title = NewObjective.checkTitle(title);
    TremplinException.required(focus, "focus");
    TremplinException.required(setOn, "setOn");
    actions = List.copyOf(TremplinException.required(actions, "actions"));
  }
}
