package org.tremplin.lti.deeplinking;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deep-linked activity points to in the cohort's programme, as carried in the resource
 * link's {@code custom} claim ({@value #CUSTOM_KEY} = {@code <kind>:<code>}, e.g. {@code
 * competency:CP3}) and, for graded items, as the line item's {@code resourceId} (the AGS publisher
 * finds its gradebook column by it and the {@value #TAG} tag). Immutable.
 *
 * @param kind what kind of item
 * @param code its code in the programme (phase or unit code, competency code, block code)
 */
public record ItemRef(Kind kind, String code) {
  /** The custom parameter naming the item. */
  public static final String CUSTOM_KEY = "tremplin_item";

  /** The line item tag of every Tremplin gradebook column. */
  public static final String TAG = "tremplin";

  /** Longest code accepted. */
  public static final int MAX_CODE = 100;

  /** The kinds of programme items an activity can link to. */
  public enum Kind {
    /** A phase of the programme ({@code phase:<code>}). */
    PHASE(false),
    /** A unit of a phase ({@code unit:<code>}). */
    UNIT(false),
    /** A competency of the certification, graded ({@code competency:<code>}). */
    COMPETENCY(true),
    /** A block's in-training assessment (ECF), graded ({@code assessment:<block code>}). */
    ASSESSMENT(true);

    private final boolean graded;

    Kind(boolean graded) {
      this.graded = graded;
    }

    /**
     * Whether an activity of this kind gets a gradebook column (a line item).
     *
     * @return whether an activity of this kind gets a gradebook column (a line item)
     */
    public boolean graded() {
      return graded;
    }

    /**
     * Its name in ids: lower case.
     *
     * @return its name in ids: lower case
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Kind required; the code non-blank, at most {@value #MAX_CODE}, without {@code :}.
   *
   * @param kind the kind
   * @param code the stable code
   */
  public ItemRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
    if (code.isBlank() || code.length() > MAX_CODE || code.indexOf(':') >= 0) {
      throw new IllegalArgumentException("an item code has 1 to 100 characters, no ':'");
    }
  }

  /**
   * Reads {@code <kind>:<code>}.
   *
   * @param text the text to read
   * @return the reference, or empty when the text is none
   */
  public static Optional<ItemRef> parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String kind = text.substring(0, colon);
    for (Kind k : Kind.values()) {
      if (k.id().equals(kind)) {
        try {
          return Optional.of(new ItemRef(k, text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** {@code <kind>:<code>}, e.g. {@code competency:CP3}: the custom value and the resourceId. */
  @Override
  public String toString() {
    return kind.id() + ":" + code;
  }
}
