package org.tremplin.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Form and query strings, as a browser and a platform write and read them. */
public final class Forms {
  private Forms() {}

  /** {@code application/x-www-form-urlencoded}: {@code a=1&b=2}, in the map's order, UTF-8. */
  public static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * The decoded query parameters of this URI, in their order (the last of a repeated name; a name
   * without {@code =} has an empty value); none when it has no query.
   */
  public static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
  }

  private static final Pattern FORM =
      Pattern.compile("<form\\b[^>]*\\baction=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern HIDDEN =
      Pattern.compile(
          "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"", Pattern.DOTALL);

  /**
   * The hidden fields (name → value, in page order, HTML entities of values decoded) of the first
   * form of an HTML page whose {@code action} ends with {@code action}, as a browser would post
   * them (e.g. the session token, the CSRF value and the submission id of a Tremplin form); add the
   * visible fields and post.
   *
   * @throws IllegalArgumentException when the page has no such form
   */
  public static Map<String, String> hiddenFields(String html, String action) {
    Matcher form = FORM.matcher(html);
    while (form.find()) {
      if (unescape(form.group(1)).endsWith(action)) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
          fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        return fields;
      }
    }
    throw new IllegalArgumentException("no form with an action ending in " + action);
  }

  private static String unescape(String html) {
    return html.replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
