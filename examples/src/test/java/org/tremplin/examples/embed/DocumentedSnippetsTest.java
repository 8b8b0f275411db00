package org.tremplin.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java blocks of the README and of docs/embedding.md compile as shown, imports included,
 * against this module's test classpath (the library, Jersey, SmallRye Config, HikariCP). A block
 * that declares a type is compiled as a file; any other is its imports followed by statements,
 * compiled as a method body.
 */
class DocumentedSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern TYPE =
      Pattern.compile("^public (?:final )?(?:class|record|interface) (\\w+)", Pattern.MULTILINE);
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

  @ParameterizedTest
  @ValueSource(strings = {"README.md", "docs/embedding.md"})
  void everyJavaBlockCompilesAsShown(String document) throws IOException {
    String text = Files.readString(repository().resolve(document), StandardCharsets.UTF_8);
    List<JavaFileObject> units = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(text);
    while (block.find()) {
      units.add(unit(block.group(1), units.size()));
    }
    assertThat(units).as("Java blocks in " + document).isNotEmpty();

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    Path out = Files.createTempDirectory("snippets");
    boolean compiled =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "--release",
                    "17",
                    "-proc:none",
                    "-classpath",
                    classpath(),
                    "-d",
                    out.toString()),
                null,
                units)
            .call();

    assertThat(compiled).as(document + ":\n" + errors).isTrue();
  }

  /** The block as a compilation unit: as it is when it declares a type, else wrapped in one. */
  private static JavaFileObject unit(String code, int index) {
    Matcher type = TYPE.matcher(code);
    if (type.find()) {
      Matcher pkg = PACKAGE.matcher(code);
      String path = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return source(path + type.group(1), code);
    }
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String name = "Snippet" + index;
    return source(
        name,
        imports + "class " + name + " {\n  void run() throws Exception {\n" + body + "  }\n}\n");
  }

  private static JavaFileObject source(String path, String code) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + path + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
  }

  /** The test classpath, also when Surefire hands it over in a manifest-only jar. */
  private static String classpath() throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.add(entry);
      if (entry.endsWith(".jar") && new File(entry).getName().startsWith("surefirebooter")) {
        try (JarFile jar = new JarFile(entry)) {
          String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
          for (String url : manifest == null ? new String[0] : manifest.split(" ")) {
            if (!url.isBlank()) {
              // absolute file: URLs, or relative to the booter jar (newer Surefire)
              URI folder = new File(entry).getAbsoluteFile().getParentFile().toURI();
              entries.add(Path.of(folder.resolve(url)).toString());
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The repository's root: the parent of this module's directory. */
  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("README.md")) ? here : here.getParent();
  }
}
