package org.tremplin.api.certification;

import org.tremplin.api.LocalizedText;
import org.tremplin.api.TremplinException;

/**
 * One part of the certification exam (épreuve), e.g. the technical interview.
 *
 * @param code stable code, e.g. {@code TECHNICAL_INTERVIEW}
 * @param title its name
 * @param minutes its length
 */
public record ExamComponent(String code, LocalizedText title, int minutes) {
  /**
   * Code and title are required, minutes positive.
   *
   * @param code the stable code
   * @param title the title
   * @param minutes the minutes
   */
  public ExamComponent {
    TremplinException.requiredText(code, "exam component code");
    TremplinException.required(title, "exam component title");
    TremplinException.check(minutes > 0, "exam component " + code + " must last at least 1 min");
  }
}
