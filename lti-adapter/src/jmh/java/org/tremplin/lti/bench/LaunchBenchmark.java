package org.tremplin.lti.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tremplin.core.internal.Database;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.launch.InMemoryNonces;
import org.tremplin.lti.launch.LaunchOutcome;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LaunchSettings;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.launch.LtiClaims;
import org.tremplin.lti.launch.Nonces;
import org.tremplin.lti.login.InMemoryLoginStates;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.login.LoginStates;
import org.tremplin.lti.login.SignedLoginStates;
import org.tremplin.lti.login.ToolUrls;
import org.tremplin.lti.registration.InMemoryRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.store.JdbiNonces;
import org.tremplin.lti.store.JdbiToolKeys;

/**
 * The 12-step launch validation ({@link LaunchValidator#validate}) next to the raw RS256
 * verification of the same signed id_tokens, in the same run.
 *
 * <p>Every invocation of {@link #pipeline} validates a token with a state and a nonce never seen
 * before, as in production: the login state is stored ({@code put}, the login's work) and then
 * validated (state taken, token parsed, header, issuer, audience, key and signature, times, nonce
 * consumed, claims). Signing an RS256 token costs about 30 times its verification, so the tokens
 * are signed once in setup: {@value #TOKENS} of them, each with its own state and nonce, used in
 * turn; after the last one the stores start afresh (a new validator), so no state or nonce is ever
 * reused. {@link #rawRs256Verify} parses the same tokens with Nimbus and checks their signatures
 * with a ready {@link RSASSAVerifier}: the floor the pipeline cannot beat.
 *
 * <p>Three forks: on this kind of shared virtual machine one fork can run 10-20 % slower than the
 * next for reasons outside the JVM, more than the difference being measured.
 *
 * <p>{@code stores}: {@code MEMORY} measures the pipeline alone; {@code H2} puts the login states
 * and nonces in the JDBC stores the server uses, on an in-memory H2 behind a HikariCP pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LaunchBenchmark {
  /** How many distinct tokens are signed in setup. */
  static final int TOKENS = 4096;

  private static final Instant NOW = Instant.parse("2025-10-06T08:00:00Z");
  private static final String ISSUER = "https://moodle.example.org";
  private static final String CLIENT_ID = "client-123";
  private static final String KID = "platform-rsa";
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Where login states and nonces are kept. */
  public enum Stores {
    /** {@link InMemoryLoginStates} and {@link InMemoryNonces}. */
    MEMORY,
    /**
     * {@link SignedLoginStates} (tool key in the database, nonce read at step 1) and {@link
     * JdbiNonces} on H2 (in memory, PostgreSQL mode).
     */
    H2
  }

  /** Which stores the pipeline runs on. */
  @Param({"MEMORY", "H2"})
  public Stores stores = Stores.MEMORY;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ToolUrls tool =
      new ToolUrls(URI.create("https://tool.example.org/"), "https://tool.example.org/lti/launch");
  private final PlatformRegistration registration = registration();
  private final CachingPlatformKeys keys;
  private final RSASSAVerifier verifier;
  private final String[] tokens = new String[TOKENS];
  private int next;
  private int nextRaw;
  private int generation;
  private @Nullable HikariDataSource pool;
  private @Nullable Database database;
  private LoginStates loginStates = new InMemoryLoginStates(clock);
  private LaunchValidator validator;

  /** Generates the platform key and signs the tokens (JMH calls {@link #setUp} afterwards). */
  public LaunchBenchmark() {
    RSAKey platform;
    try {
      platform = new RSAKeyGenerator(2048).keyID(KID).generate();
      verifier = new RSASSAVerifier(platform.toRSAPublicKey());
      signTokens(new RSASSASigner(platform));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    keys = new CachingPlatformKeys(url -> new JWKSet(platform.toPublicJWK()), clock);
    validator = newValidator(new InMemoryNonces(clock));
  }

  private void signTokens(RSASSASigner signer) throws JOSEException {
    for (int i = 0; i < TOKENS; i++) {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KID).type(JOSEObjectType.JWT).build(),
              claims("nonce-" + i));
      jwt.sign(signer);
      tokens[i] = jwt.serialize();
    }
  }

  /** Opens the database if any and checks that the launch is accepted. */
  @Setup(Level.Trial)
  public void setUp() {
    if (stores == Stores.H2) {
      HikariConfig hikari = new HikariConfig();
      hikari.setJdbcUrl(
          Database.normalizeUrl(
              "jdbc:h2:mem:launch" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"));
      hikari.setUsername("sa");
      hikari.setPassword("");
      hikari.setMaximumPoolSize(4);
      pool = new HikariDataSource(hikari);
      database = Database.open(pool);
    }
    freshStores();
    // Fail the trial early if the tokens are not accepted: a rejection is cheaper than a launch.
    for (int i = 0; i < 3; i++) {
      if (!(pipeline() instanceof LaunchOutcome.Accepted)) {
        throw new IllegalStateException("the benchmark's launch is rejected");
      }
      if (!rawRs256Verify()) {
        throw new IllegalStateException("the benchmark's token does not verify");
      }
    }
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (pool != null) {
      pool.close();
    }
  }

  /**
   * One launch: the login state of the next token is stored, then the whole pipeline validates the
   * token with its state and browser binding.
   */
  @Benchmark
  public LaunchOutcome pipeline() {
    int i = nextToken();
    String state = "g" + generation + "-state-" + i;
    LoginState sent =
        loginStates.put(
            new LoginState(
                state,
                registration,
                "nonce-" + i,
                "https://tool.example.org/lti/launch",
                null,
                NOW.plus(LoginState.TIME_TO_LIVE)));
    return validator.validate(LaunchRequest.of(sent.state(), tokens[i], sent.bindingValue()));
  }

  /** Nimbus alone on the same token: parse the compact serialisation and verify RS256. */
  @Benchmark
  public boolean rawRs256Verify() {
    try {
      int i = nextRaw++ & (TOKENS - 1);
      return JWSObject.parse(tokens[i]).verify(verifier);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@link #pipeline} in one thread while {@link #sideBySideRaw} runs in another, at the same
   * moments: on a shared machine both see the same load, so their ratio is fairer than that of two
   * runs one after the other.
   */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public LaunchOutcome sideBySidePipeline() {
    return pipeline();
  }

  /** {@link #rawRs256Verify}, next to {@link #sideBySidePipeline}. */
  @Benchmark
  @Group("sideBySide")
  @GroupThreads(1)
  public boolean sideBySideRaw() {
    return rawRs256Verify();
  }

  private int nextToken() {
    int i = next++;
    if (i == TOKENS) {
      freshStores();
      i = 0;
      next = 1;
    }
    return i;
  }

  /** New, empty stores for the next round of tokens (on H2: the tables emptied). */
  private void freshStores() {
    generation++;
    Nonces nonces;
    if (database == null) {
      loginStates = new InMemoryLoginStates(clock);
      nonces = new InMemoryNonces(clock);
    } else {
      database.inTransaction(
          h -> {
            h.execute("delete from tremplin_lti_nonce");
            h.execute("delete from tremplin_lti_login_state");
            return null;
          });
      JdbiNonces jdbiNonces = new JdbiNonces(database, clock);
      loginStates =
          new SignedLoginStates(
              new InMemoryRegistrations(List.of(registration)),
              new JdbiToolKeys(database, clock),
              jdbiNonces::isUsed,
              clock);
      nonces = jdbiNonces;
    }
    validator = newValidator(nonces);
  }

  private LaunchValidator newValidator(Nonces nonces) {
    return new LaunchValidator(loginStates, keys, nonces, tool, LaunchSettings.defaults(), clock);
  }

  private static PlatformRegistration registration() {
    return new PlatformRegistration(
        "Moodle bench",
        ISSUER,
        CLIENT_ID,
        URI.create(ISSUER + "/mod/lti/auth.php"),
        URI.create(ISSUER + "/mod/lti/token.php"),
        URI.create(ISSUER + "/mod/lti/certs.php"),
        Set.of("dep-1"),
        false);
  }

  private static JWTClaimsSet claims(String nonce) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(CLIENT_ID)
        .subject("user-42")
        .issueTime(Date.from(NOW.minusSeconds(5)))
        .expirationTime(Date.from(NOW.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("name", "Ada Lovelace")
        .claim(LtiClaims.VERSION, "1.3.0")
        .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
        .claim(LtiClaims.DEPLOYMENT_ID, "dep-1")
        .claim(LtiClaims.TARGET_LINK_URI, "https://tool.example.org/lti/launch")
        .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "rl-1"))
        .claim(
            LtiClaims.ROLES, List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim(LtiClaims.CONTEXT, Map.of("id", "ctx-1", "title", "Promo DWWM 2026"))
        .build();
  }
}
