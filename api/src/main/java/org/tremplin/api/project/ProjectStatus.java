package org.tremplin.api.project;

import java.time.LocalDate;
import org.tremplin.api.TremplinException;

/** Where a project stands. */
public sealed interface ProjectStatus {
  /** Being built. */
  record InProgress() implements ProjectStatus {}

  /**
   * Handed over to the client.
   *
   * @param on the day it was delivered
   * @param deliverable what was delivered
   */
  record Delivered(LocalDate on, Deliverable deliverable) implements ProjectStatus {
    /**
     * Both required.
     *
     * @param on the day
     * @param deliverable the deliverable
     */
    public Delivered {
      TremplinException.required(on, "delivery date");
      TremplinException.required(deliverable, "deliverable");
    }
  }
}
