package org.tremplin.api.project;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/**
 * A dated step of a project.
 *
 * @param number its number in the project, from 1, in the order added
 * @param title what is due, 1 to 200 characters
 * @param due the day it is due
 * @param done whether it is done
 */
public record Milestone(int number, String title, LocalDate due, boolean done) {
  /**
   * All fields required; number positive.
   *
   * @param number the number
   * @param title the title
   * @param due the due day
   * @param done whether done
   */
  public Milestone {
    TremplinException.check(number >= 1, "milestone number must be positive");
    TremplinException.requiredText(title, "milestone title");
    TremplinException.required(due, "milestone due date");
  }
}
