package org.tremplin.lti.deeplinking;

import java.util.Objects;
import org.tremplin.api.LocalizedText;

/**
 * One item of a cohort's programme a trainer may place as an activity. Immutable.
 *
 * @param ref what it is, as carried in the activity
 * @param title its title as the gradebook and the course page show it, e.g. "CP3 — Réaliser des
 *     interfaces utilisateur statiques"
 * @param context where it sits: the phase of a unit, the block of a competency or assessment, the
 *     weeks of a phase
 */
public record OfferedItem(ItemRef ref, LocalizedText title, LocalizedText context) {
  /**
   * All required.
   *
   * @param ref the ref
   * @param title the title
   * @param context the context
   */
  public OfferedItem {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(context, "context");
  }

  /**
   * Whether the activity gets a gradebook column.
   *
   * @return whether the activity gets a gradebook column
   */
  public boolean graded() {
    return ref.kind().graded();
  }
}
