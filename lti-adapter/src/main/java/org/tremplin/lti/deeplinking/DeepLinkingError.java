package org.tremplin.lti.deeplinking;

/**
 * Why no response is signed for a trainer's choice (LTI.md §4: {@code accept_types} and {@code
 * accept_multiple} are enforced before signing). Stable codes; the picker shows them again with a
 * message.
 */
public enum DeepLinkingError {
  /** Nothing was chosen (cancelling is a separate action). */
  NOTHING_CHOSEN,
  /** Several items were chosen and the platform accepts one only ({@code accept_multiple}). */
  SEVERAL_NOT_ACCEPTED,
  /**
   * The platform accepts no resource link shown in an iframe or a window ({@code accept_types},
   * {@code accept_presentation_document_targets}): Tremplin has nothing it can place.
   */
  TYPE_NOT_ACCEPTED,
  /** A chosen item is not in the cohort's programme. */
  ITEM_UNKNOWN
}
