package org.tremplin.lti.roster;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the relations of HTTP {@code Link} headers (RFC 8288) as platforms send them: several
 * headers or several links in one header (comma-separated), quoted or unquoted parameter values,
 * Moodle's typographic quotes ({@code rel=“next”}, also as the UTF-8 bytes read as ISO-8859-1 that
 * an HTTP client hands over), several relation types in one {@code rel} ({@code rel="next last"}),
 * relative targets resolved against the response's URL. The first link of a relation wins.
 * Malformed links are skipped. Stateless.
 */
public final class LinkHeader {
  private LinkHeader() {}

  /**
   * The relations of these header values.
   *
   * @param values every {@code Link} header of the response, in order
   * @param base the URL the response answered, to resolve relative targets against
   * @return relation type (lower case) → target, in order of appearance
   */
  public static Map<String, URI> relations(List<String> values, URI base) {
    Map<String, URI> relations = new LinkedHashMap<>();
    for (String value : values) {
      for (String link : split(utf8(value))) {
        parse(link, base)
            .ifPresent(
                parsed -> {
                  for (String rel : parsed.rels()) {
                    relations.putIfAbsent(rel, parsed.target());
                  }
                });
      }
    }
    return relations;
  }

  /** The target of one relation, if the headers carry it. */
  public static Optional<URI> relation(List<String> values, URI base, String rel) {
    return Optional.ofNullable(relations(values, base).get(rel.toLowerCase(Locale.ROOT)));
  }

  private record Parsed(URI target, List<String> rels) {}

  /**
   * The value with UTF-8 decoded: HTTP clients read header bytes as ISO-8859-1, so Moodle's {@code
   * “} arrives as three characters ({@code â\u0080\u009c}). Unchanged when it is not valid UTF-8.
   */
  private static String utf8(String value) {
    boolean high = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xFF) {
        return value; // already decoded
      }
      high |= c > 0x7F;
    }
    if (!high) {
      return value;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return value;
    }
  }

  /** Splits a header value into links at the commas outside {@code <...>} and quotes. */
  private static List<String> split(String value) {
    List<String> links = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inTarget = false;
    char quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote != 0) {
        if (c == quote || (quote == '\u201c' && c == '\u201d')) {
          quote = 0;
        }
      } else if (inTarget) {
        inTarget = c != '>';
      } else if (c == '<') {
        inTarget = true;
      } else if (c == '"' || c == '\u201c') {
        quote = c;
      } else if (c == ',') {
        links.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    links.add(current.toString());
    return links;
  }

  private static Optional<Parsed> parse(String link, URI base) {
    String text = link.strip();
    int open = text.indexOf('<');
    int close = text.indexOf('>', open + 1);
    if (open != 0 || close < 0) {
      return Optional.empty();
    }
    URI target;
    try {
      target = base.resolve(new URI(text.substring(1, close).strip()));
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
    List<String> rels = new ArrayList<>();
    for (String param : text.substring(close + 1).split(";")) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("rel")) {
        continue;
      }
      String value = unquote(param.substring(eq + 1).strip());
      for (String rel : value.split("\\s+")) {
        if (!rel.isEmpty()) {
          rels.add(rel.toLowerCase(Locale.ROOT));
        }
      }
      break; // only the first rel parameter counts (RFC 8288 §3.3)
    }
    return rels.isEmpty() ? Optional.empty() : Optional.of(new Parsed(target, rels));
  }

  private static String unquote(String value) {
    String v = value;
    if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\u201c' || v.charAt(0) == '\'')) {
      v = v.substring(1);
    }
    if (!v.isEmpty()) {
      char last = v.charAt(v.length() - 1);
      if (last == '"' || last == '\u201d' || last == '\'') {
        v = v.substring(0, v.length() - 1);
      }
    }
    return v.strip();
  }
}
