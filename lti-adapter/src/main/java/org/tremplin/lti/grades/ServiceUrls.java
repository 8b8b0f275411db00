package org.tremplin.lti.grades;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds service URLs with a URI parser (LTI.md §5): a segment goes into the path and the query
 * stays (Moodle: {@code …/lineitem/scores?type_id=7}); filters join the existing query; {@code
 * Link} headers give the next page. Stateless.
 */
final class ServiceUrls {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*([^;,]*)");

  private ServiceUrls() {}

  /** {@code url} with {@code /segment} appended to its path, its query and fragment kept. */
  static URI withSegment(URI url, String segment) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String joined = (path.endsWith("/") ? path : path + "/") + segment;
    return rebuild(url, joined, url.getRawQuery());
  }

  /** {@code url} with these parameters added to its query (values encoded), the rest kept. */
  static URI withParameters(URI url, Map<String, String> parameters) {
    StringBuilder query = new StringBuilder(url.getRawQuery() == null ? "" : url.getRawQuery());
    parameters.forEach(
        (k, v) -> {
          if (query.length() > 0) {
            query.append('&');
          }
          query
              .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return rebuild(url, url.getRawPath(), query.toString());
  }

  private static URI rebuild(URI url, String rawPath, String rawQuery) {
    StringBuilder b = new StringBuilder();
    b.append(url.getScheme()).append("://").append(url.getRawAuthority()).append(rawPath);
    if (rawQuery != null && !rawQuery.isEmpty()) {
      b.append('?').append(rawQuery);
    }
    if (url.getRawFragment() != null) {
      b.append('#').append(url.getRawFragment());
    }
    return URI.create(b.toString());
  }

  /**
   * The {@code rel="next"} target of these {@code Link} header values, resolved against the page's
   * URL: several links per header, quoted, unquoted or Moodle's typographic quotes, several
   * relations.
   */
  static List<URI> next(URI page, List<String> linkHeaders) {
    List<URI> found = new ArrayList<>();
    for (String header : linkHeaders) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        Matcher rel = REL.matcher(m.group(2));
        // quotes of any kind (Moodle's typographic ones, read as UTF-8 or as Latin-1) are dropped
        if (rel.find()
            && List.of(rel.group(1).replaceAll("[^A-Za-z0-9._:/-]", " ").trim().split("\\s+"))
                .contains("next")) {
          try {
            found.add(page.resolve(m.group(1).trim()));
          } catch (IllegalArgumentException e) {
            // a malformed target is no next page
          }
        }
      }
    }
    return found;
  }
}
