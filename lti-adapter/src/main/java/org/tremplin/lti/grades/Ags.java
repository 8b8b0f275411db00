package org.tremplin.lti.grades;

import java.util.Set;
import org.tsugi.ags2.objects.LineItem;
import org.tsugi.ags2.objects.Result;
import org.tsugi.lti13.objects.Endpoint;

/**
 * The AGS 2.0 vocabulary Tremplin uses: scopes, media types (exact, LTI.md §5) and the line item
 * contract shared with deep linking ({@code resourceId} {@code competency:<code>}, tag {@code
 * tremplin}). Constants only.
 */
public final class Ags {
  /** Create and edit line items. */
  public static final String SCOPE_LINEITEM = Endpoint.SCOPE_LINEITEM;

  /** Read line items. */
  public static final String SCOPE_LINEITEM_READONLY = Endpoint.SCOPE_LINEITEM_READONLY;

  /** Post scores. */
  public static final String SCOPE_SCORE = Endpoint.SCOPE_SCORE;

  /** Read results. */
  public static final String SCOPE_RESULT_READONLY = Endpoint.SCOPE_RESULT_READONLY;

  /** A line item. */
  public static final String LINE_ITEM = LineItem.MIME_TYPE;

  /** A page of line items. */
  public static final String LINE_ITEM_CONTAINER = LineItem.MIME_TYPE_CONTAINER;

  /** A score. */
  public static final String SCORE = "application/vnd.ims.lis.v1.score+json";

  /** A page of results. */
  public static final String RESULT_CONTAINER = Result.MIME_TYPE_CONTAINER;

  /** The tag of every line item Tremplin publishes to (deep linking sets the same). */
  public static final String TAG = "tremplin";

  /** The score maximum Tremplin publishes (and deep linking gives its line items). */
  public static final double SCORE_MAXIMUM = 100;

  private static final String COMPETENCY = "competency:";

  private Ags() {}

  /** The line item {@code resourceId} of a competency: {@code competency:<code>}. */
  public static String resourceId(String competency) {
    return COMPETENCY + competency;
  }

  /** The competency code of a {@code competency:<code>} resource id, or empty text if not one. */
  public static String competencyOf(String resourceId) {
    return resourceId.startsWith(COMPETENCY) ? resourceId.substring(COMPETENCY.length()) : "";
  }

  /** The scopes the publisher asks for, within those the platform granted. */
  static Set<String> publishing(Set<String> granted) {
    return granted.contains(SCOPE_LINEITEM)
        ? Set.of(SCOPE_LINEITEM, SCOPE_SCORE)
        : Set.of(SCOPE_LINEITEM_READONLY, SCOPE_SCORE);
  }

  /** The scopes a results import asks for, within those the platform granted. */
  static Set<String> reading(Set<String> granted) {
    return granted.contains(SCOPE_LINEITEM_READONLY)
        ? Set.of(SCOPE_LINEITEM_READONLY, SCOPE_RESULT_READONLY)
        : Set.of(SCOPE_LINEITEM, SCOPE_RESULT_READONLY);
  }
}
