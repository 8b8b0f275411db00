package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * One step of an action plan. Immutable.
 *
 * @param id its id
 * @param objective the objective it serves
 * @param description what to do, 1 to 500 characters
 * @param owner who does it
 * @param dueOn when it should be done
 * @param status where it stands
 */
public record Action(
    ActionId id,
    ObjectiveId objective,
    String description,
    ActionOwner owner,
    LocalDate dueOn,
    ActionStatus status) {
  /**
   * All required.
   *
   * @param id the identifier
   * @param objective the objective
   * @param description the description
   * @param owner the owner
   * @param dueOn the due on
   * @param status the status
   */
  public Action {
    TremplinException.required(id, "id");
    TremplinException.required(objective, "objective");
    description = NewAction.checkDescription(description);
    TremplinException.required(owner, "owner");
    TremplinException.required(dueOn, "dueOn");
    TremplinException.required(status, "status");
  }
}
