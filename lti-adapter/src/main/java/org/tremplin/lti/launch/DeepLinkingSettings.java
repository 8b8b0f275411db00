package org.tremplin.lti.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code deep_linking_settings} claim of an {@code LtiDeepLinkingRequest} (Deep Linking 2.0
 * §4.4.1, LTI.md §4): where to send the response, and what the platform accepts. Immutable.
 *
 * @param returnUrl {@code deep_link_return_url}: an absolute http(s) URL
 * @param acceptTypes {@code accept_types}, e.g. {@code ltiResourceLink}
 * @param acceptPresentationDocumentTargets {@code accept_presentation_document_targets}, e.g.
 *     {@code iframe}, {@code window}
 * @param acceptMediaTypes {@code accept_media_types}, split on commas; empty when not sent
 * @param acceptMultiple {@code accept_multiple}; false when not sent (one item is always safe)
 * @param acceptLineItem {@code accept_lineitem}; true when not sent (a platform that ignores line
 *     items ignores them), false only when the platform says so
 * @param autoCreate {@code auto_create}; false when not sent
 * @param title the platform's suggested {@code title}, if sent
 * @param data {@code data}, the opaque value to echo unchanged in the response, if sent
 */
public record DeepLinkingSettings(
    URI returnUrl,
    List<String> acceptTypes,
    List<String> acceptPresentationDocumentTargets,
    List<String> acceptMediaTypes,
    boolean acceptMultiple,
    boolean acceptLineItem,
    boolean autoCreate,
    @Nullable String title,
    @Nullable String data) {

  /** The content item type Tremplin returns. */
  public static final String LTI_RESOURCE_LINK = "ltiResourceLink";

  /** The presentation targets a Tremplin page can be shown in. */
  public static final List<String> OUR_TARGETS = List.of("iframe", "window");

  /** Longest {@code data} echoed (it travels through a form and a signed token). */
  public static final int MAX_DATA_LENGTH = 8192;

  /**
   * Requires the return URL and copies the lists.
   *
   * @param returnUrl the return url
   * @param acceptTypes the accept types
   * @param acceptPresentationDocumentTargets the accept presentation document targets
   * @param acceptMediaTypes the accept media types
   * @param acceptMultiple the accept multiple
   * @param acceptLineItem the accept line item
   * @param autoCreate the auto create
   * @param title the title
   * @param data the data
   */
  public DeepLinkingSettings {
    Objects.requireNonNull(returnUrl, "returnUrl");
    acceptTypes = List.copyOf(acceptTypes);
    acceptPresentationDocumentTargets = List.copyOf(acceptPresentationDocumentTargets);
    acceptMediaTypes = List.copyOf(acceptMediaTypes);
  }

  /**
   * Reads the claim as platforms send it: booleans as JSON booleans or as the strings {@code
   * "true"}/{@code "false"}, {@code accept_media_types} as a comma-separated string (or a list),
   * unknown members (Moodle's {@code frame}) ignored.
   *
   * @param claim the claim
   * @return the deep linking settings
   * @throws IllegalArgumentException when a required member is missing or a member has the wrong
   *     type (the message names it; it never contains the values)
   */
  public static DeepLinkingSettings parse(Map<String, Object> claim) {
    Object url = claim.get("deep_link_return_url");
    if (!(url instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("deep_link_return_url missing");
    }
    URI returnUrl = httpUrl(text);
    List<String> types = strings(claim, "accept_types", true);
    List<String> targets = strings(claim, "accept_presentation_document_targets", true);
    List<String> media = strings(claim, "accept_media_types", false);
    Object data = claim.get("data");
    if (data != null && !(data instanceof String)) {
      throw new IllegalArgumentException("data is not a string");
    }
    if (data instanceof String value && value.length() > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("data longer than " + MAX_DATA_LENGTH);
    }
    Object title = claim.get("title");
    return new DeepLinkingSettings(
        returnUrl,
        types,
        targets,
        media,
        bool(claim, "accept_multiple", false),
        bool(claim, "accept_lineitem", true),
        bool(claim, "auto_create", false),
        title instanceof String t && !t.isBlank() ? t : null,
        (String) data);
  }

  /**
   * Whether the platform takes Tremplin's items: resource links, in an iframe or a window.
   *
   * @return whether the platform takes Tremplin's items: resource links, in an iframe or a window
   */
  public boolean acceptsOurItems() {
    return acceptTypes.contains(LTI_RESOURCE_LINK)
        && acceptPresentationDocumentTargets.stream().anyMatch(OUR_TARGETS::contains);
  }

  private static URI httpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute()
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || text.length() > 2000) {
        throw new IllegalArgumentException("deep_link_return_url is not an http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("deep_link_return_url is not a URL");
    }
  }

  private static List<String> strings(Map<String, Object> claim, String name, boolean required) {
    Object value = claim.get(name);
    List<String> values = new ArrayList<>();
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(name + " missing");
      }
      return values;
    }
    if (value instanceof String text) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
      return values;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw new IllegalArgumentException(name + " holds a non-string");
        }
        values.add(text);
      }
      return values;
    }
    throw new IllegalArgumentException(name + " is neither a list nor a string");
  }

  private static boolean bool(Map<String, Object> claim, String name, boolean absent) {
    Object value = claim.get(name);
    if (value == null) {
      return absent;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("1")) {
        return true;
      }
      if (t.equals("false") || t.equals("0") || t.isEmpty()) {
        return false;
      }
    }
    throw new IllegalArgumentException(name + " is not a boolean");
  }
}
