package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.calendar.DateRange;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.cohort.NewCohort;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.programme.TemplateRef;
import org.tremplin.api.school.Departement;
import org.tremplin.api.school.School;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.keys.CachingPlatformKeys;
import org.tremplin.lti.keys.HttpJwksFetcher;
import org.tremplin.testing.Loopback;
import org.tremplin.testing.TestDatabase;
import org.tremplin.web.TremplinFeature;
import org.tremplin.web.api.frame.ApiJson;
import org.tremplin.web.config.TremplinConfig;

/**
 * Tremplin served on loopback over a fresh database of one kind, for REST API tests: two schools
 * ({@code a}, with the 2025-2026 cohort and Ada Lovelace enrolled; {@code b}, with a cohort of its
 * own), API tokens issued through core, and an HTTP client that sends JSON and reads replies.
 */
final class ApiTestServer implements AutoCloseable {
  static final Actor OPERATOR = Actor.of("cli:test", Role.ADMIN, new Scope.Network());
  static final ObjectMapper JSON = ApiJson.mapper();

  final TremplinServer server;
  final DataSource data;
  final URI base;
  final School a;
  final School b;
  final Cohort cohortA;
  final Cohort cohortB;
  final Learner ada;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiTestServer(TestDatabase kind, int rateLimit) {
    data = kind.fresh();
    server = node(data, rateLimit, Clock.systemUTC());
    base = server.uri();
    Tremplin core = tremplin();
    a = core.schools().create(OPERATOR, "École A", new Departement("92"));
    b = core.schools().create(OPERATOR, "École B", new Departement("69"));
    Actor manager = Actor.of("manager", Role.MANAGER, new Scope.Network());
    cohortA = open(core, manager, a, "DWWM A");
    cohortB = open(core, manager, b, "DWWM B");
    ada = core.learners().register(manager, a.id(), "Ada", "Lovelace");
    core.learners().join(manager, cohortA.id(), ada.id(), LocalDate.of(2025, 9, 1));
  }

  /**
   * Another node over the same database: its own Tremplin, pool and port, reading "now" from this
   * clock, rate limit off. The caller closes it.
   */
  TremplinServer secondNode(Clock clock) {
    return node(data, 0, clock);
  }

  private static TremplinServer node(DataSource data, int rateLimit, Clock clock) {
    HikariConfig hikari = new HikariConfig();
    hikari.setDataSource(data);
    hikari.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(hikari);
    int port = Loopback.freePort();
    URI url = URI.create("http://127.0.0.1:" + port + "/");
    TremplinConfig config =
        new TremplinConfig(
            url,
            new TremplinConfig.HttpConfig("127.0.0.1", port),
            List.of(),
            TremplinConfig.DEFAULT_CLOCK_SKEW,
            new TremplinConfig.DataSourceConfig("jdbc:h2:mem:unused", "", ""),
            org.tremplin.lti.registration.RegistrationPolicy.closed(),
            List.of(),
            rateLimit);
    return TremplinServer.start(
        config,
        pool,
        new TremplinFeature(
            config, pool, new CachingPlatformKeys(new HttpJwksFetcher(), clock), clock));
  }

  private static Cohort open(Tremplin core, Actor manager, School school, String name) {
    return core.cohorts()
        .open(
            manager,
            new NewCohort(
                school.id(),
                name,
                new DateRange(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30)),
                new TemplateRef("ecole-du-web", 1),
                12,
                List.of()));
  }

  Tremplin tremplin() {
    return server.feature().tremplin();
  }

  /** A token of this role over the network ({@code school} null) or one school. */
  String token(Role role, School school) {
    return tremplin()
        .tokens()
        .create(OPERATOR, new Grant(role, new Scope.OfSchool(school.id())), "test", null)
        .secret();
  }

  String networkToken(Role role) {
    return tremplin()
        .tokens()
        .create(OPERATOR, new Grant(role, new Scope.Network()), "test", null)
        .secret();
  }

  /** A reply: status, headers, body parsed as JSON (null when empty). */
  record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(response.body(), e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse("");
    }

    /** Asserts a problem+json reply with this status and stable code. */
    Reply problem(int status, String code) {
      assertThat(status()).as(response.body()).isEqualTo(status);
      assertThat(header("Content-Type")).startsWith("application/problem+json");
      assertThat(json().path("code").asText()).isEqualTo(code);
      assertThat(json().path("status").asInt()).isEqualTo(status);
      return this;
    }
  }

  Reply get(String token, String path) {
    return send(token, "GET", path, null, Map.of());
  }

  Reply send(String token, String method, String path, Object body) {
    return send(token, method, path, body, Map.of());
  }

  /** A GET to another node (e.g. {@link #secondNode}). */
  Reply getAt(URI node, String token, String path) {
    return send(node, token, "GET", path, null, Map.of());
  }

  Reply send(String token, String method, String path, Object body, Map<String, String> headers) {
    return send(base, token, method, path, body, headers);
  }

  private Reply send(
      URI node,
      String token,
      String method,
      String path,
      Object body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.resolve(path.startsWith("/") ? path.substring(1) : path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      String text = body instanceof String s ? s : new String(ApiJson.bytes(body));
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(text));
    }
    try {
      return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Rows in a table. */
  long rows(String table) {
    try (Connection c = data.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
