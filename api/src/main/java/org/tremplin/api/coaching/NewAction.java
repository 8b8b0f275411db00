package org.tremplin.api.coaching;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * An action to add to an objective; it starts as TODO. Immutable.
 *
 * @param description what to do, 1 to 500 characters
 * @param owner who does it
 * @param dueOn when it should be done
 */
public record NewAction(String description, ActionOwner owner, LocalDate dueOn) {
  /**
   * All required.
   *
   * @param description the description
   * @param owner the owner
   * @param dueOn the due on
   */
  public NewAction {
    description = checkDescription(description);
    TremplinException.required(owner, "owner");
    TremplinException.required(dueOn, "dueOn");
  }

  static String checkDescription(String description) {
    TremplinException.requiredText(description, "description");
    String stripped = description.strip();
    TremplinException.check(
        stripped.length() <= 500, "action description is longer than 500 characters");
    return stripped;
  }
}
