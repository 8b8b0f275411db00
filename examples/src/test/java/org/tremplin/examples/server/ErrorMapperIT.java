package org.tremplin.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.testing.Loopback;
import org.tremplin.web.ErrorMapper;

/**
 * {@link ErrorMapper} in a plain Jersey application (any host registering it gets the same): every
 * failure answers a short page or problem document with its status and code, never a stack trace;
 * an unexpected one carries an incident number that the log carries too, without the exception's
 * message.
 */
class ErrorMapperIT {
  private static final String SECRET = "s3cr3t-token-value-1234567890";
  private static final Pattern INCIDENT = Pattern.compile("id=\"incident\">([0-9a-f]{12})<");

  private static HttpServer server;
  private static URI base;
  private static StderrCapture logs;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Resources failing in every way the mapper must handle. */
  @Path("fail")
  public static final class Failing {
    /** An unexpected failure whose message quotes a request value. */
    @GET
    @Path("unexpected")
    public String unexpected() {
      throw new IllegalStateException("could not parse " + SECRET);
    }

    /** The same from a JSON endpoint. */
    @GET
    @Path("json")
    @Produces(MediaType.APPLICATION_JSON)
    public String json() {
      throw new IllegalStateException("could not parse " + SECRET);
    }

    /** A Tremplin refusal with this code. */
    @GET
    @Path("tremplin/{code}")
    public String tremplin(@PathParam("code") String code) {
      throw new TremplinException(ErrorCode.valueOf(code), "cohort c-42 refused it");
    }

    /** A bare web exception with this status. */
    @GET
    @Path("status/{status}")
    public String status(@PathParam("status") int status) {
      throw new WebApplicationException(status);
    }

    /** A web exception carrying its own page. */
    @GET
    @Path("own")
    public String own() {
      throw new WebApplicationException(
          Response.status(409).type(MediaType.TEXT_PLAIN).entity("my own page").build());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    logs = new StderrCapture();
    base = URI.create("http://127.0.0.1:" + Loopback.freePort() + "/");
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            base,
            new ResourceConfig()
                .register(new ErrorMapper())
                .register(Failing.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true));
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        server.shutdownNow();
      }
    } finally {
      if (logs != null) {
        logs.close();
      }
    }
  }

  @Test
  void anUnexpectedFailureAnswers500WithAnIncidentNumberThatTheLogCarries() throws Exception {
    HttpResponse<String> response = get("fail/unexpected", "text/html", "fr");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/html");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.body())
        .contains("INTERNAL_ERROR")
        .doesNotContain(SECRET)
        .doesNotContain("IllegalStateException")
        .doesNotContain("\tat ");
    Matcher incident = INCIDENT.matcher(response.body());
    assertThat(incident.find()).as(response.body()).isTrue();
    assertThat(logs.text())
        .contains(incident.group(1))
        .contains("java.lang.IllegalStateException")
        .contains("Failing.unexpected")
        .doesNotContain(SECRET);
  }

  @Test
  void aJsonEndpointAnswersProblemDetails() throws Exception {
    HttpResponse<String> response = get("fail/json", "*/*", "fr");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":500")
        .contains("\"code\":\"INTERNAL_ERROR\"")
        .containsPattern("\"incident\":\"[0-9a-f]{12}\"")
        .contains("Une erreur inattendue")
        .doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "{0} answers {1}")
  @CsvSource({
    "INVALID_ARGUMENT, 400",
    "COHORT_NOT_FOUND, 404",
    "COHORT_FULL, 409",
    "ACCESS_DENIED, 403",
    "STORE_FAILURE, 500"
  })
  void aTremplinExceptionMapsByItsKindWithItsCode(String code, int status) throws Exception {
    HttpResponse<String> page = get("fail/tremplin/" + code, "text/html", "fr");
    HttpResponse<String> problem =
        get("fail/tremplin/" + code, "application/problem+json", "en-GB,en;q=0.9");

    assertThat(page.statusCode()).isEqualTo(status);
    assertThat(page.body()).contains("<code id=\"error-code\">" + code + "</code>");
    assertThat(problem.statusCode()).isEqualTo(status);
    assertThat(problem.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(problem.body())
        .contains("\"code\":\"" + code + "\"")
        .contains("\"status\":" + status);
  }

  @Test
  void aClientPreferringEnglishGetsEnglishProblemDetails() throws Exception {
    HttpResponse<String> english = get("fail/tremplin/COHORT_FULL", "application/json", "en");
    HttpResponse<String> french = get("fail/tremplin/COHORT_FULL", "application/json", "fr, en");

    assertThat(english.body()).contains("The request conflicts with the current state");
    assertThat(french.body()).contains("La demande contredit");
  }

  @ParameterizedTest(name = "{0} keeps its status with code {1}")
  @CsvSource({
    "400, BAD_REQUEST",
    "403, FORBIDDEN",
    "503, SERVICE_UNAVAILABLE",
    "418, CLIENT_ERROR"
  })
  void aWebApplicationExceptionKeepsItsStatusWithAShortPage(int status, String code)
      throws Exception {
    HttpResponse<String> response = get("fail/status/" + status, "text/html", "fr");

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains(code).doesNotContain("Exception");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void aWebApplicationExceptionWithItsOwnPageKeepsIt() throws Exception {
    HttpResponse<String> response = get("fail/own", "text/html", "fr");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).isEqualTo("my own page");
  }

  private HttpResponse<String> get(String path, String accept, String language) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Accept", accept)
            .header("Accept-Language", language)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
