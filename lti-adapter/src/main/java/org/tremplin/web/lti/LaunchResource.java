package org.tremplin.web.lti;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.flow.FlowOutcome;
import org.tremplin.lti.flow.LaunchFlow;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.login.LoginState;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.app.AppText;
import org.tremplin.web.deeplinking.DeepLinkingResource;
import org.tremplin.web.deeplinking.ItemResource;
import org.tremplin.web.session.SessionCookie;

/**
 * {@code POST /lti/launch}: the redirect URI (LTI.md §2). Reads {@code id_token}, {@code state} (or
 * {@code error}, {@code error_description}), the values a read-back page re-posts and the {@code
 * lti1p3_<state>} cookie into a {@link LaunchRequest}, runs the {@link LaunchFlow}, and answers its
 * outcome: a refusal is the page of its code with the code's HTTP status (never a redirect, never a
 * session); a landing sends the browser (303) to the role's page, or to the page linking the course
 * to a cohort, or to the item of a deep-linked activity, with the session token in the URL and a
 * {@code Partitioned} cookie; a trainer's deep linking request goes to the picker; otherwise a page
 * explains why. Thread-safe.
 */
@Path("lti/launch")
public final class LaunchResource {
  private final LaunchFlow flow;
  private final URI baseUrl;

  /**
   * Over this flow; app URLs under baseUrl.
   *
   * @param flow the flow
   * @param baseUrl the tool's public base URL
   */
  public LaunchResource(LaunchFlow flow, URI baseUrl) {
    this.flow = flow;
    this.baseUrl = baseUrl;
  }

  /**
   * The platform's form post (a post without a body reads as an empty form: refused, 400).
   *
   * @param form the posted form
   * @param headers the request's headers
   * @return the platform's form post (a post without a body reads as an empty form: refused, 400)
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(
      @Nullable MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
    String state = single(form, "state");
    String binding = null;
    if (state != null && !state.isEmpty()) {
      Cookie cookie = headers.getCookies().get(LoginState.cookieName(state));
      binding = cookie == null ? null : cookie.getValue();
    }
    LaunchRequest request =
        new LaunchRequest(
                state,
                single(form, "id_token"),
                binding,
                single(form, "error"),
                single(form, "error_description"))
            .withStoredBindings(
                single(form, LaunchRequest.STORED_STATE_FIELD),
                single(form, LaunchRequest.STORED_NONCE_FIELD));
    FlowOutcome outcome =
        flow.run(request, tag -> AppText.negotiate(tag, headers.getAcceptableLanguages()));
    if (outcome instanceof FlowOutcome.Land land) {
      return land(land, Objects.requireNonNull(state));
    }
    if (outcome instanceof FlowOutcome.PickContent pick) {
      URI picker =
          URI.create(
              baseUrl.resolve("lti/deep-linking")
                  + "?"
                  + DeepLinkingResource.REQUEST
                  + "="
                  + URLEncoder.encode(pick.requestToken(), StandardCharsets.UTF_8));
      return redirect(
          AppPages.withToken(picker, pick.token()), pick.token(), pick.cookieMaxAge(), state);
    }
    if (outcome instanceof FlowOutcome.Explain explain) {
      return AppPages.explained(explain.explanation(), explain.locale());
    }
    if (outcome instanceof FlowOutcome.ReadBackFromStorage readBack) {
      return StoragePages.readBack(readBack.readBack(), readBack.request());
    }
    FlowOutcome.Refuse refuse = (FlowOutcome.Refuse) outcome;
    return LtiPages.launchRefused(refuse.error(), refuse.platformDescription());
  }

  private Response land(FlowOutcome.Land land, String state) {
    URI page =
        switch (land.page()) {
          case LINK_COURSE -> baseUrl.resolve("app/link");
          case HOME -> baseUrl.resolve("app/home");
          case ITEM ->
              URI.create(
                  baseUrl.resolve("app/item")
                      + "?"
                      + ItemResource.ITEM
                      + "="
                      + URLEncoder.encode(String.valueOf(land.item()), StandardCharsets.UTF_8));
          case PATH -> baseUrl.resolve("app/path");
          case COHORT_GRID -> baseUrl.resolve("app/cohorts/" + cohortOf(land) + "/grid");
          case COHORT_CALENDAR -> baseUrl.resolve("app/cohorts/" + cohortOf(land) + "/calendar");
        };
    URI withToken = AppPages.withToken(page, land.token());
    if (land.page() != FlowOutcome.Page.ITEM && land.item() != null) {
      // the item's place on the page: #competency-CP3, #col-CP3, #phase-PROJECT
      String anchor =
          switch (land.page()) {
            case COHORT_GRID -> "col-";
            default -> land.item().kind().name().toLowerCase(java.util.Locale.ROOT) + "-";
          };
      withToken = URI.create(withToken + "#" + anchor + fragment(land.item().code()));
    }
    return redirect(withToken, land.token(), land.cookieMaxAge(), state);
  }

  /** The session's cohort (a trainer's grid or calendar landing names it). */
  private static String cohortOf(FlowOutcome.Land land) {
    return Objects.requireNonNull(land.session().session().cohortId(), "cohort").value().toString();
  }

  /** A code as a fragment (codes are letters, digits and a few signs; the rest is escaped). */
  private static String fragment(String code) {
    return URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Response redirect(URI to, String token, Duration cookieMaxAge, String state) {
    return Response.seeOther(to)
        .header("Set-Cookie", SessionCookie.setCookie(token, cookieMaxAge))
        // the login's binding cookie has served: delete it rather than let it ride along for 10 min
        .header("Set-Cookie", LoginState.clearCookieHeader(state))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** The parameter's value when sent once; a repeated parameter reads as absent (refused). */
  private static @Nullable String single(
      @Nullable MultivaluedMap<String, String> form, String name) {
    List<String> values = form == null ? null : form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
