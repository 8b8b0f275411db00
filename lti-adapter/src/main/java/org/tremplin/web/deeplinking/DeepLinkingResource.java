package org.tremplin.web.deeplinking;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.CohortId;
import org.tremplin.api.access.Role;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.deeplinking.DeepLinkingError;
import org.tremplin.lti.deeplinking.DeepLinkingResponses;
import org.tremplin.lti.deeplinking.ItemRef;
import org.tremplin.lti.deeplinking.JdbiDeepLinkingRequests;
import org.tremplin.lti.deeplinking.OfferedItem;
import org.tremplin.lti.deeplinking.PendingDeepLinking;
import org.tremplin.lti.deeplinking.ProgrammeItems;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.web.form.FormGuard;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * The trainer's side of Deep Linking 2.0 (LTI.md §4). {@code GET /lti/deep-linking?session=…
 * &request=…} shows the picker of what the cohort's programme offers; {@code POST
 * /lti/deep-linking/response} (the session token and the request token as fields: a cross-site post
 * knows neither) checks the choice against {@code accept_types} and {@code accept_multiple}, signs
 * the {@code LtiDeepLinkingResponse} and answers the page that posts it to the platform's return
 * URL; "cancel" posts an empty response with a message. A request is answered once, by the trainer
 * who launched it. Thread-safe.
 */
@Path("lti/deep-linking")
@WithSession
public final class DeepLinkingResource {
  /** The request token's query parameter and form field. */
  public static final String REQUEST = "request";

  /** From {@code /lti/deep-linking} to the tool's root. */
  private static final String FROM_PICKER = "../";

  /** From {@code /lti/deep-linking/response} to the tool's root. */
  private static final String FROM_RESPONSE = "../../";

  private final JdbiDeepLinkingRequests requests;
  private final DeepLinkingResponses responses;
  private final Tremplin tremplin;
  private final FormGuard forms;
  private final BiConsumer<CohortId, List<String>> placed;

  /**
   * Over these stored requests, this signer and domain engine; the picker's form carries the CSRF
   * value of {@code forms} (ADR 0010).
   *
   * @param requests the requests
   * @param responses the responses
   * @param tremplin the engine
   * @param forms the forms
   * @param placed told the resource ids of the graded activities a trainer placed in a cohort's
   *     course (the platform creates their line items: the stored ones are looked up again)
   */
  public DeepLinkingResource(
      JdbiDeepLinkingRequests requests,
      DeepLinkingResponses responses,
      Tremplin tremplin,
      FormGuard forms,
      BiConsumer<CohortId, List<String>> placed) {
    this.requests = requests;
    this.responses = responses;
    this.tremplin = tremplin;
    this.forms = forms;
    this.placed = placed;
  }

  /**
   * The picker.
   *
   * @param request the request
   * @param security the request's security context (its session)
   * @return the picker
   */
  @GET
  public Response picker(
      @QueryParam(REQUEST) @Nullable String request, @Context SecurityContext security) {
    RequestSession session = RequestSession.of(security);
    Optional<PendingDeepLinking> pending = pendingOf(session, request);
    if (pending.isEmpty()) {
      return DeepLinkingPages.expired(FROM_PICKER, session.session().locale());
    }
    return picker(FROM_PICKER, session, pending.get(), request, Set.of(), null, 200);
  }

  /**
   * The trainer's choice, or their cancel.
   *
   * @param form the posted form
   * @param security the request's security context (its session)
   * @return the trainer's choice, or their cancel
   */
  @POST
  @Path("response")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response respond(MultivaluedMap<String, String> form, @Context SecurityContext security) {
    RequestSession session = RequestSession.of(security);
    String request = form.getFirst(REQUEST);
    Optional<PendingDeepLinking> found = pendingOf(session, request);
    if (found.isEmpty()) {
      return DeepLinkingPages.expired(FROM_RESPONSE, session.session().locale());
    }
    PendingDeepLinking pending = found.get();
    if ("cancel".equals(form.getFirst("action"))) {
      if (requests.take(request).isEmpty()) {
        return DeepLinkingPages.expired(FROM_RESPONSE, pending.locale());
      }
      DeepLinkingResponses.Outcome.Signed cancelled =
          responses.cancel(pending, DeepLinkingText.of(pending.locale()).get("dl.cancelled.msg"));
      return DeepLinkingPages.autoPost(
          FROM_RESPONSE, pending.locale(), cancelled.returnUrl(), cancelled.jwt(), true);
    }
    List<String> values = Optional.ofNullable(form.get("item")).orElse(List.of());
    Set<String> chosen = new LinkedHashSet<>(values);
    ProgrammeItems programme = ProgrammeItems.of(tremplin, pending.cohortId());
    List<OfferedItem> items = new ArrayList<>();
    for (String value : chosen) {
      Optional<OfferedItem> item = ItemRef.parse(value).flatMap(programme::find);
      if (item.isEmpty()) {
        return picker(
            FROM_RESPONSE, session, pending, request, chosen, DeepLinkingError.ITEM_UNKNOWN, 400);
      }
      items.add(item.get());
    }
    DeepLinkingResponses.Outcome outcome = responses.respond(pending, items);
    if (outcome instanceof DeepLinkingResponses.Outcome.Refused refused) {
      return picker(FROM_RESPONSE, session, pending, request, chosen, refused.error(), 400);
    }
    DeepLinkingResponses.Outcome.Signed signed = (DeepLinkingResponses.Outcome.Signed) outcome;
    if (requests.take(request).isEmpty()) { // answered meanwhile, by another tab or node
      return DeepLinkingPages.expired(FROM_RESPONSE, pending.locale());
    }
    if (pending.settings().acceptLineItem()) {
      placed.accept(
          pending.cohortId(),
          items.stream().filter(OfferedItem::graded).map(i -> i.ref().toString()).toList());
    }
    return DeepLinkingPages.autoPost(
        FROM_RESPONSE, pending.locale(), signed.returnUrl(), signed.jwt(), false);
  }

  /** The stored request, when it is this session's trainer's. */
  private Optional<PendingDeepLinking> pendingOf(RequestSession session, @Nullable String request) {
    if (request == null || !session.session().roles().contains(Role.TRAINER)) {
      return Optional.empty();
    }
    return requests.find(request).filter(p -> p.personId().equals(session.session().personId()));
  }

  private Response picker(
      String root,
      RequestSession session,
      PendingDeepLinking pending,
      String request,
      Set<String> chosen,
      @Nullable DeepLinkingError error,
      int status) {
    return DeepLinkingPages.picker(
        root,
        pending,
        LaunchIdentities.cohort(tremplin, pending.cohortId()).name(),
        ProgrammeItems.of(tremplin, pending.cohortId()),
        session.token(),
        forms.csrf(session.token()),
        request,
        chosen,
        error,
        status);
  }
}
