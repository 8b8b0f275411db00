package org.tremplin.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The pages' scripts: static files under {@code src/main/resources/org/tremplin/web/page/js/},
 * served by {@link ScriptResource} at {@code /assets/js/<name>?v=<content hash>}, so the pages' CSP
 * ({@code script-src 'self'}) runs them with no inline script and no nonce, and browsers cache them
 * until their content changes. A script only adds to a page that works without it (UI.md: "a little
 * script may save clicks, never carry the only path"). Thread-safe; each file is read once.
 *
 * <p>To add one: put {@code my-page.js} in that folder and give the page {@code
 * layout.withScript(root + Scripts.href("my-page.js"))}.
 */
public final class Scripts {
  /** Script file names: lower-case words and digits joined by hyphens, ending in {@code .js}. */
  static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*\\.js");

  private static final String FOLDER = "js/";
  private static final Map<String, Script> LOADED = new ConcurrentHashMap<>();

  /** A script's content and its version (the first 12 hex digits of its SHA-256). */
  record Script(byte[] content, String version) {}

  private Scripts() {}

  /**
   * The address of a script from the application's root, with its content version, e.g. {@code
   * assets/js/attendance-sheet.js?v=1a2b3c4d5e6f}.
   *
   * @throws IllegalArgumentException when no such script is in the jar
   */
  public static String href(String name) {
    Script script =
        find(name).orElseThrow(() -> new IllegalArgumentException("no script named " + name));
    return "assets/js/" + name + "?v=" + script.version();
  }

  /** The script of this name, when the jar has one. */
  static Optional<Script> find(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Script known = LOADED.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    try (InputStream in = Scripts.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] content = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      Script script = new Script(content, HexFormat.of().formatHex(digest, 0, 6));
      LOADED.putIfAbsent(name, script);
      return Optional.of(script);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
