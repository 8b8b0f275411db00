package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code tremplin serve} run as a process: listens, answers, stops on SIGTERM (Ctrl-C). */
class ServeCommandIT {

  @Test
  void servesUntilTerminatedThenStopsCleanly() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port + "/";
    Path errors = java.nio.file.Files.createTempFile("tremplin-serve", ".err");
    Path data = java.nio.file.Files.createTempDirectory("tremplin-serve-data");
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dtremplin.base-url=" + base,
                    "-Dtremplin.http.port=" + port,
                    "-Dtremplin.datasource.url=jdbc:h2:file:" + data.resolve("tremplin"),
                    "-jar",
                    System.getProperty("tremplin.jar"),
                    "serve",
                    "--lang",
                    "en"))
            .redirectError(errors.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).startsWith("Tremplin listening on " + base);

      HttpResponse<String> health =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");
      assertThat(data.resolve("tremplin.mv.db")).exists(); // the configured database, migrated

      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      assertThat(java.nio.file.Files.readString(errors)).doesNotContain("Exception");
    } finally {
      process.destroyForcibly();
      java.nio.file.Files.deleteIfExists(errors);
    }
  }

  @Test
  void aMissingBaseUrlExitsWithCode2NamingTheKey() throws Exception {
    JarRun run = JarRun.of("serve", "--lang", "en", "--config", "does-not-exist.properties");

    assertThat(run.exitCode()).isEqualTo(TremplinCli.USAGE);
    assertThat(run.errorLines()).hasSize(1);
    assertThat(run.errorLines().get(0)).contains("tremplin.base-url");
  }
}
