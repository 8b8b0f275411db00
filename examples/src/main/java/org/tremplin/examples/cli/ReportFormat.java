package org.tremplin.examples.cli;

/** How a report prints: JSON (stable field names) or CSV (labels in the chosen language). */
public enum ReportFormat {
  /** JSON with stable, language-neutral field names. */
  JSON,
  /**
   * CSV: one row per figure (and per learner counted with {@code --details}); French uses {@code ;}
   * and a decimal comma, English {@code ,} and a decimal point.
   */
  CSV
}
