package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.testing.Browser;
import org.tremplin.testing.Forms;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.SimulatedLms;

/**
 * The jar's {@code serve} as a process, configured as an operator would for a fresh installation:
 * an H2 file database under a data directory and one platform (the simulated LMS) in a {@code
 * tremplin.properties}; and the platform's launches into it. Closing stops the process and fails if
 * it did not stop within 20 s or wrote an exception to its standard error.
 */
final class ServingJar implements AutoCloseable {
  /** The client id the platform is configured with. */
  static final String CLIENT_ID = "tremplin-client";

  /** The deployment id the platform is configured with. */
  static final String DEPLOYMENT = "dep-1";

  private final Process process;
  private final URI base;
  private final Path config;
  private final Path errors;

  private ServingJar(Process process, URI base, Path config, Path errors) {
    this.process = process;
    this.base = base;
    this.config = config;
    this.errors = errors;
  }

  /**
   * Writes the configuration into {@code dir} and starts {@code serve}, returning once it listens.
   *
   * @param dir a fresh directory for the configuration, the database and the server's errors
   * @param lms the platform the configuration names
   * @return the running server
   * @throws IOException when the process cannot start
   */
  static ServingJar start(Path dir, SimulatedLms lms) throws IOException {
    int port = Loopback.freePort();
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    Path config = dir.resolve("tremplin.properties");
    // what an operator writes: the database under the data directory, one platform
    Files.writeString(
        config,
        String.join(
            "\n",
            "tremplin.base-url=" + base,
            "tremplin.http.port=" + port,
            "tremplin.datasource.url=jdbc:h2:file:" + dir.resolve("data/tremplin"),
            "tremplin.lti.platforms=moodle",
            "tremplin.lti.platform.moodle.issuer=" + lms.issuer(),
            "tremplin.lti.platform.moodle.client-id=" + CLIENT_ID,
            "tremplin.lti.platform.moodle.deployment-ids=" + DEPLOYMENT,
            "tremplin.lti.platform.moodle.auth-url=" + lms.issuer() + "/auth",
            "tremplin.lti.platform.moodle.token-url=" + lms.issuer() + "/token",
            "tremplin.lti.platform.moodle.jwks-url=" + lms.url("/jwks"),
            ""));
    Path errors = dir.resolve("serve.err");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("tremplin.jar"),
                "serve",
                "--config",
                config.toString(),
                "--lang",
                "en")
            .redirectError(errors.toFile())
            .start();
    ServingJar serving = new ServingJar(serve, base, config, errors);
    String listening =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
    if (listening == null || !listening.startsWith("Tremplin listening on")) {
      serve.destroyForcibly();
      throw new AssertionError("serve did not start: " + Files.readString(errors));
    }
    return serving;
  }

  /** The server's base address, ending with {@code /}. */
  URI base() {
    return base;
  }

  /** The configuration file, for the set-up subcommands' {@code --config}. */
  String config() {
    return config.toString();
  }

  /**
   * Logs in at Tremplin, then posts an id_token the platform signed for this user and roles.
   *
   * @param browser the user's browser
   * @param lms the platform
   * @param sub the platform user
   * @param roles their LTI roles
   * @return the launch's answer
   * @throws Exception when the exchange fails
   */
  HttpResponse<String> launch(Browser browser, SimulatedLms lms, String sub, List<String> roles)
      throws Exception {
    Map<String, String> login = new LinkedHashMap<>();
    login.put("iss", lms.issuer());
    login.put("login_hint", sub);
    login.put("target_link_uri", base + "lti/launch");
    login.put("client_id", CLIENT_ID);
    login.put("lti_deployment_id", DEPLOYMENT);
    HttpResponse<String> redirect = browser.get(base.resolve("lti/login?" + Forms.form(login)));
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
    Map<String, String> query = Forms.query(URI.create(Browser.location(redirect)));
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(lms.issuer())
            .audience(CLIENT_ID)
            .subject(sub)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", query.get("nonce"))
            .claim("name", "User " + sub)
            .claim(LtiClaims.VERSION, "1.3.0")
            .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
            .claim(LtiClaims.DEPLOYMENT_ID, DEPLOYMENT)
            .claim(LtiClaims.TARGET_LINK_URI, base + "lti/launch")
            .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
            .claim(LtiClaims.ROLES, new ArrayList<>(roles))
            .claim(LtiClaims.CONTEXT, Map.of("id", "course-1", "title", "DWWM"))
            .build();
    return browser.post(
        base.resolve("lti/launch"),
        Map.of("id_token", lms.sign(claims), "state", query.get("state")));
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    boolean stopped = process.waitFor(20, TimeUnit.SECONDS);
    process.destroyForcibly();
    assertThat(stopped).as("serve stopped within 20 s").isTrue();
    assertThat(Files.readString(errors)).doesNotContain("Exception");
  }
}
