package org.tremplin.web.lti;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.login.LoginOutcome;
import org.tremplin.lti.login.LoginRequest;
import org.tremplin.lti.login.OidcLogin;

/**
 * {@code GET, POST /lti/login}: the OIDC third-party initiated login (LTI.md §1). Hands the query
 * or form parameters to {@link OidcLogin}; answers a 302 to the platform with the state's binding
 * cookie (raw {@code Set-Cookie}, for {@code Partitioned}), or, when the platform offers platform
 * storage, a 200 page that stores the binding there before navigating to the same URL (§1.6), or a
 * 400 page. Thread-safe.
 */
@Path("lti/login")
public final class LoginResource {
  private final OidcLogin login;

  /**
   * Over this login handler.
   *
   * @param login the login
   */
  public LoginResource(OidcLogin login) {
    this.login = login;
  }

  /**
   * Login by query parameters.
   *
   * @param uri the URI
   * @return the response
   */
  @GET
  public Response get(@Context UriInfo uri) {
    return respond(uri.getQueryParameters());
  }

  /**
   * Login by form post (a post without a body reads as an empty form: refused, 400).
   *
   * @param form the posted form
   * @return the response
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response post(@Nullable MultivaluedMap<String, String> form) {
    return respond(form == null ? Map.of() : form);
  }

  private Response respond(Map<String, List<String>> parameters) {
    LoginOutcome outcome = login.initiate(parameters);
    if (outcome instanceof LoginOutcome.Redirect redirect) {
      return Response.status(Response.Status.FOUND)
          .header("Location", redirect.location().toASCIIString())
          .header("Set-Cookie", redirect.loginState().setCookieHeader())
          .header("Cache-Control", "no-store")
          .build();
    }
    if (outcome instanceof LoginOutcome.StoreThenRedirect storage) {
      return StoragePages.login(storage, newWindowUrl(parameters));
    }
    return LtiPages.loginRefused(((LoginOutcome.Rejected) outcome).error());
  }

  /**
   * The same login without {@code lti_storage_target}, relative to this endpoint: opened in a new
   * window, it binds with a first-party cookie when neither storage nor framed cookies work.
   */
  static String newWindowUrl(Map<String, List<String>> parameters) {
    StringJoiner query = new StringJoiner("&", "login?", "");
    for (String name : LoginRequest.PARAMETERS) {
      if (!name.equals("lti_storage_target")) {
        for (String value : parameters.getOrDefault(name, List.of())) {
          query.add(encode(name) + "=" + encode(value));
        }
      }
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
