package org.tremplin.web;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.microprofile.config.ConfigProvider;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.lti.keys.PlatformKeys;
import org.tremplin.lti.keys.ToolKeys;
import org.tremplin.lti.launch.InMemoryNonces;
import org.tremplin.lti.launch.LaunchSettings;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.launch.Nonces;
import org.tremplin.lti.login.InMemoryLoginStates;
import org.tremplin.lti.login.LoginStates;
import org.tremplin.lti.login.OidcLogin;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.web.config.TremplinConfig;
import org.tremplin.web.health.HealthResource;
import org.tremplin.web.lti.JwksResource;
import org.tremplin.web.lti.LaunchResource;
import org.tremplin.web.lti.LoginResource;

/**
 * Registers every Tremplin endpoint in a JAX-RS application, so a host adds one line: {@code
 * register(new TremplinFeature(TremplinConfig.from(config)))}, or {@code
 * register(TremplinFeature.class)} to read the MicroProfile Config of the runtime. The stores are
 * interfaces: the in-memory ones by default (one node), database-backed ones through {@link
 * Stores}. Immutable and thread-safe; the components are built once, here.
 */
public final class TremplinFeature implements Feature {

  /**
   * The stores the endpoints use; swap in database-backed ones for several nodes.
   *
   * @param registrations platform registrations
   * @param loginStates login states between login and launch
   * @param nonces used nonces
   */
  public record Stores(Registrations registrations, LoginStates loginStates, Nonces nonces) {
    /** Requires all three. */
    public Stores {
      Objects.requireNonNull(registrations, "registrations");
      Objects.requireNonNull(loginStates, "loginStates");
      Objects.requireNonNull(nonces, "nonces");
    }

    /** In-memory stores over the configured platforms: fine for one node, lost on restart. */
    public static Stores inMemory(TremplinConfig config, Clock clock) {
      return new Stores(
          new InMemoryRegistrations(config.platforms()),
          new InMemoryLoginStates(clock),
          new InMemoryNonces(clock));
    }
  }

  private final OidcLogin login;
  private final LaunchValidator validator;
  private final ToolKeys toolKeys;

  /** Reads the runtime's MicroProfile Config once; in-memory stores, system clock. */
  public TremplinFeature() {
    this(TremplinConfig.from(ConfigProvider.getConfig()));
  }

  /** With this configuration; in-memory stores, system clock, a fresh tool key. */
  public TremplinFeature(TremplinConfig config) {
    this(
        config,
        Stores.inMemory(config, Clock.systemUTC()),
        new CachingPlatformKeys(new HttpJwksFetcher(), Clock.systemUTC()),
        ToolKeys.generate(),
        Clock.systemUTC());
  }

  /** With every collaborator given. */
  public TremplinFeature(
      TremplinConfig config,
      Stores stores,
      PlatformKeys platformKeys,
      ToolKeys toolKeys,
      Clock clock) {
    ToolUrls urls = config.toolUrls();
    this.login = new OidcLogin(stores.registrations(), stores.loginStates(), urls, clock);
    this.validator =
        new LaunchValidator(
            stores.loginStates(),
            platformKeys,
            stores.nonces(),
            urls,
            LaunchSettings.defaults().withClockSkew(config.clockSkew()),
            clock);
    this.toolKeys = toolKeys;
  }

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new RequestSizeLimit(RequestSizeLimit.DEFAULT_MAX_BYTES));
    context.register(new LoginResource(login));
    context.register(new LaunchResource(validator, new RoleMapper()));
    context.register(new JwksResource(toolKeys));
    context.register(new HealthResource());
    return true;
  }
}
