package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The result of running {@code java -jar tremplin.jar} as a process: exit code and output. */
record JarRun(int exitCode, String stdout, String stderr) {
  private static final long TIMEOUT_SECONDS = 180;

  /**
   * Runs the jar named by the system property {@code tremplin.jar} with these arguments, on a JVM
   * whose locale is French (so that a run without {@code --lang} is French whatever the machine).
   */
  static JarRun of(String... args) throws IOException, InterruptedException {
    return onJvm(List.of("-Duser.language=fr", "-Duser.country=FR"), args);
  }

  /** Runs the jar on a JVM started with these options (a locale: {@code -Duser.language=en}). */
  static JarRun onJvm(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    String jar = System.getProperty("tremplin.jar");
    assertThat(jar).as("system property tremplin.jar (set by failsafe)").isNotNull();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Path out = Files.createTempFile("tremplin-out", ".txt");
    Path err = Files.createTempFile("tremplin-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "tremplin " + String.join(" ", args) + " ran longer than " + TIMEOUT_SECONDS + " s");
      }
      return new JarRun(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The non-empty lines of stderr. */
  List<String> errorLines() {
    return stderr.lines().filter(l -> !l.isBlank()).toList();
  }

  /** The lines of stdout. */
  List<String> outputLines() {
    return stdout.lines().toList();
  }
}
