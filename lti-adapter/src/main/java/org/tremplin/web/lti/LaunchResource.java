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
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.lti.launch.LaunchOutcome;
import org.tremplin.lti.launch.LaunchRequest;
import org.tremplin.lti.launch.LaunchValidator;
import org.tremplin.lti.launch.StorageReadBack;
import org.tremplin.lti.login.LoginState;
import org.tremplin.lti.roles.RoleMapper;

/**
 * {@code POST /lti/launch}: the redirect URI (LTI.md §2). Reads {@code id_token}, {@code state} (or
 * {@code error}, {@code error_description}) and the {@code lti1p3_<state>} cookie, hands them to
 * {@link LaunchValidator}, and answers the provisional "launch accepted" page or the refusal page
 * with the code's HTTP status. Never a redirect, never a session. Thread-safe.
 */
@Path("lti/launch")
public final class LaunchResource {
  private final LaunchValidator validator;
  private final RoleMapper roleMapper;

  /** Over this validator and role mapping. */
  public LaunchResource(LaunchValidator validator, RoleMapper roleMapper) {
    this.validator = validator;
    this.roleMapper = roleMapper;
  }

  /** The platform's form post. */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
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
            single(form, "error_description"));
    request =
        request.withStoredBindings(
            single(form, LaunchRequest.STORED_STATE_FIELD),
            single(form, LaunchRequest.STORED_NONCE_FIELD));
    Optional<StorageReadBack> readBack = validator.storageReadBack(request);
    if (readBack.isPresent()) {
      return StoragePages.readBack(readBack.get(), request);
    }
    LaunchOutcome outcome = validator.validate(request);
    if (outcome instanceof LaunchOutcome.Accepted accepted) {
      return LtiPages.launchAccepted(
          accepted.context(), roleMapper.map(accepted.context().roles()));
    }
    return LtiPages.launchRefused(
        ((LaunchOutcome.Rejected) outcome).error(), request.errorDescription());
  }

  /** The parameter's value when sent once; a repeated parameter reads as absent (refused). */
  private static @Nullable String single(MultivaluedMap<String, String> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
