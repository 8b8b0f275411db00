package org.tremplin.examples.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.web.config.TremplinConfig;

/**
 * The demo LMS as an LTI 1.3 platform: issuer {@code <base>demo}, client id {@link #CLIENT_ID},
 * deployment {@link #DEPLOYMENT_ID}, endpoints under {@code <base>demo/}, and its RSA signing key
 * kept in the data directory so a restart keeps launches working. Immutable and thread-safe.
 *
 * @param baseUrl the tool's public base URL (ends with {@code /})
 * @param key the platform's RSA key pair (private part included: it signs the id_tokens)
 */
public record DemoPlatform(URI baseUrl, RSAKey key) {
  /** The registration's name in the tool's configuration. */
  public static final String NAME = "demo";

  /** The client id the demo platform gives the tool. */
  public static final String CLIENT_ID = "tremplin-demo";

  /** The one deployment of the tool in the demo platform. */
  public static final String DEPLOYMENT_ID = "demo-deployment";

  /**
   * The context id of the reference demo course (a re-dated cohort has its own: {@link
   * DemoRoster#contextId}).
   */
  public static final String CONTEXT_ID = "dwwm-vlg-2025";

  /** The demo course's short label. */
  public static final String CONTEXT_LABEL = "DWWM";

  /** The demo course's title. */
  public static final String CONTEXT_TITLE = "DWWM — Villeneuve-la-Garenne";

  /** The resource link the demo course places the tool under. */
  public static final String RESOURCE_LINK_ID = "tremplin-home";

  /** The file of the data directory holding the platform's key (a private JWK). */
  public static final String KEY_FILE = "demo-platform-key.json";

  /** Checks the base URL. */
  public DemoPlatform {
    if (!baseUrl.toString().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("the demo platform signs: it needs a private key");
    }
  }

  /** The platform's issuer, {@code <base>demo}. */
  public String issuer() {
    return baseUrl + "demo";
  }

  /** The page of the demo LMS, {@code <base>demo}. */
  public URI home() {
    return URI.create(issuer());
  }

  /** The OIDC authorisation endpoint, {@code <base>demo/auth}. */
  public URI authUrl() {
    return baseUrl.resolve("demo/auth");
  }

  /**
   * The OAuth 2.0 token endpoint of the LTI Advantage services, {@code <base>demo/token}: client
   * credentials with a JWT client assertion signed by the tool.
   */
  public URI tokenUrl() {
    return baseUrl.resolve("demo/token");
  }

  /** The public keyset, {@code <base>demo/jwks}. */
  public URI jwksUrl() {
    return baseUrl.resolve("demo/jwks");
  }

  /** The tool's public keyset, {@code <base>lti/jwks}: it verifies the tool's assertions. */
  public URI toolJwksUrl() {
    return baseUrl.resolve("lti/jwks");
  }

  /** The course's NRPS memberships, {@code <base>demo/courses/<context>/memberships}. */
  public URI membershipsUrl(String contextId) {
    return baseUrl.resolve("demo/courses/" + contextId + "/memberships");
  }

  /** The course's AGS line item container, {@code <base>demo/courses/<context>/lineitems}. */
  public URI lineItemsUrl(String contextId) {
    return baseUrl.resolve("demo/courses/" + contextId + "/lineitems");
  }

  /** One line item of the course, {@code <base>demo/courses/<context>/lineitems/<id>}. */
  public URI lineItemUrl(String contextId, String lineItemId) {
    return baseUrl.resolve("demo/courses/" + contextId + "/lineitems/" + lineItemId);
  }

  /** Where the tool returns deep linking responses, {@code <base>demo/deep-linking/return}. */
  public URI deepLinkingReturnUrl() {
    return baseUrl.resolve("demo/deep-linking/return");
  }

  /** The demo gradebook page, {@code <base>demo/gradebook}. */
  public URI gradebookUrl() {
    return baseUrl.resolve("demo/gradebook");
  }

  /** The tool's OIDC login initiation URL, {@code <base>lti/login}. */
  public URI toolLoginUrl() {
    return baseUrl.resolve("lti/login");
  }

  /** The tool's redirect URI, {@code <base>lti/launch}: the only one the platform posts to. */
  public String toolRedirectUri() {
    return baseUrl + TremplinConfig.LAUNCH_PATH;
  }

  /** The registration the tool needs to accept this platform's launches. */
  public PlatformRegistration registration() {
    return new PlatformRegistration(
        NAME, issuer(), CLIENT_ID, authUrl(), tokenUrl(), jwksUrl(), Set.of(DEPLOYMENT_ID), false);
  }

  /**
   * {@code config} with this platform registered too (a configured registration with the same
   * issuer and client id gives way to it).
   */
  public TremplinConfig register(TremplinConfig config) {
    List<PlatformRegistration> platforms = new ArrayList<>();
    for (PlatformRegistration p : config.platforms()) {
      if (!(p.issuer().equals(issuer()) && p.clientId().equals(CLIENT_ID))) {
        platforms.add(p);
      }
    }
    platforms.add(registration());
    return config.withPlatforms(platforms);
  }

  /**
   * The platform's key from {@code dataDir}/{@value #KEY_FILE}, created (RSA 2048, owner-only file
   * where the file system allows) on first use.
   */
  public static RSAKey key(Path dataDir) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      if (Files.isRegularFile(file)) {
        return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
      }
      Files.createDirectories(dataDir);
      RSAKey key =
          new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
      Path temp = Files.createTempFile(dataDir, "demo-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep its default permissions
      }
      Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the demo platform key " + file, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the demo platform key " + file + " is unusable", e);
    }
  }
}
