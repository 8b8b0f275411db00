package org.tremplin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The other modules' tests take their databases and clocks from here: none keeps a copy (issue 9).
 * It reads their test sources, beside this module in the checkout.
 */
class NoCopiesTest {
  private static final Set<String> SHARED =
      Set.of("TestDatabase.java", "AllDatabases.java", "MutableClock.java", "MovingClock.java");

  @Test
  void noOtherModuleKeepsATestDatabaseOrAClockOfItsOwn() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> modules;
    try (Stream<Path> children = Files.list(root)) {
      modules =
          children
              .filter(m -> Files.isDirectory(m.resolve("src/test/java")))
              .filter(m -> !m.getFileName().toString().equals("test-support"))
              .toList();
    }
    assertThat(modules).as("the modules beside test-support").isNotEmpty();

    List<Path> copies =
        modules.stream()
            .flatMap(m -> javaFiles(m.resolve("src/test/java")))
            .filter(NoCopiesTest::isCopy)
            .toList();

    assertThat(copies).isEmpty();
  }

  private static boolean isCopy(Path file) {
    if (SHARED.contains(file.getFileName().toString())) {
      return true;
    }
    try {
      return Files.readString(file).contains(" extends Clock ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
