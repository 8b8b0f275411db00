package org.tremplin.web.deeplinking;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.TremplinException;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.deeplinking.ItemRef;
import org.tremplin.lti.deeplinking.OfferedItem;
import org.tremplin.lti.deeplinking.ProgrammeItems;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.app.AppPages;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code GET /app/item?item=<kind>:<code>}: where the launch of a deep-linked activity lands
 * (chosen by {@code org.tremplin.lti.flow.LaunchTargets}): the programme item of the session's
 * cohort, whether it is graded, a line per role, and the way to the role's home page. An item that
 * is not in the cohort's programme (a course copied from another cohort) is said so. Thread-safe.
 */
@Path("app/item")
@WithSession
public final class ItemResource {
  /** The item's query parameter. */
  public static final String ITEM = "item";

  private final Tremplin tremplin;
  private final URI baseUrl;

  /**
   * Over this domain engine; links under {@code baseUrl}.
   *
   * @param tremplin the engine
   * @param baseUrl the tool's public base URL
   */
  public ItemResource(Tremplin tremplin, URI baseUrl) {
    this.tremplin = tremplin;
    this.baseUrl = baseUrl;
  }

  /**
   * The item page; without a readable item, the home page.
   *
   * @param item the item
   * @param security the request's security context (its session)
   * @return the item page; without a readable item, the home page
   */
  @GET
  public Response item(@QueryParam(ITEM) @Nullable String item, @Context SecurityContext security) {
    RequestSession request = RequestSession.of(security);
    AppSession session = request.session();
    String home = AppPages.withToken(baseUrl.resolve("app/home"), request.token()).toString();
    Optional<ItemRef> ref = Optional.ofNullable(item).flatMap(ItemRef::parse);
    if (ref.isEmpty() || session.cohortId() == null) {
      return Response.seeOther(URI.create(home))
          .header("Cache-Control", "no-store")
          .header("Referrer-Policy", "no-referrer")
          .build();
    }
    Cohort cohort = LaunchIdentities.cohort(tremplin, session.cohortId());
    @Nullable OfferedItem found =
        ProgrammeItems.of(tremplin, cohort.id()).find(ref.get()).orElse(null);
    String school;
    try {
      school = tremplin.schools().get(cohort.school()).name();
    } catch (TremplinException e) {
      school = "";
    }
    return DeepLinkingPages.item(session.locale(), school, ref.get(), found, session.roles(), home);
  }
}
