package org.tremplin.web.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.School;
import org.tremplin.api.token.ApiToken;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.registration.JdbiRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.session.AppSession;
import org.tremplin.web.page.Layout;
import org.tremplin.web.page.Templates;
import org.tremplin.web.session.RequestSession;
import org.tremplin.web.session.WithSession;

/**
 * {@code GET /app/admin}: the school of an administrator's session — the LMS platforms that serve
 * it with their deployments, and its API tokens (never their value). Needs a session granting
 * {@code ADMIN} of a school; anything else is {@code ACCESS_DENIED}. Thread-safe.
 */
@Path("app/admin")
@WithSession
public final class AdminResource {
  private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

  /** No script; the stylesheet only from ourselves. */
  static final String CSP =
      "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'";

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final JdbiRegistrations registrations;
  private final List<PlatformRegistration> configured;
  private final LtiDirectory directory;
  private final Tremplin tremplin;
  private final Clock clock;

  /** Over the registrations (configured ones among them), the directory and the engine. */
  public AdminResource(
      JdbiRegistrations registrations,
      List<PlatformRegistration> configured,
      LtiDirectory directory,
      Tremplin tremplin,
      Clock clock) {
    this.registrations = registrations;
    this.configured = List.copyOf(configured);
    this.directory = directory;
    this.tremplin = tremplin;
    this.clock = clock;
  }

  /** The page. */
  @GET
  public Response page(@Context SecurityContext security) {
    AppSession session = RequestSession.of(security).session();
    SchoolId schoolId =
        adminSchool(session)
            .orElseThrow(
                () ->
                    new TremplinException(
                        ErrorCode.ACCESS_DENIED, "the administrator page needs ADMIN of a school"));
    Actor actor = session.actor().orElseThrow();
    School school = tremplin.schools().get(schoolId);
    Text t = new Text(session.locale());
    List<School> schools = tremplin.schools().list();
    List<Platform> platforms = new ArrayList<>();
    for (PlatformRegistration listed : registrations.all()) {
      Optional<SchoolId> bound = directory.schoolOf(listed.issuer(), listed.clientId());
      boolean isConfigured =
          configured.stream()
              .anyMatch(
                  c ->
                      c.issuer().equals(listed.issuer()) && c.clientId().equals(listed.clientId()));
      boolean serves = bound.map(schoolId::equals).orElse(isConfigured && schools.size() == 1);
      if (!serves) {
        continue;
      }
      PlatformRegistration r =
          registrations.find(listed.issuer(), listed.clientId()).orElse(listed);
      platforms.add(
          new Platform(
              r.name(),
              r.issuer(),
              r.clientId(),
              r.deploymentIds().isEmpty()
                  ? t.get("admin.deployments.none")
                  : String.join(", ", r.deploymentIds().stream().sorted().toList()),
              t.get(bound.isPresent() ? "admin.platform.bound" : "admin.platform.only")
                  + (r.autoDeployments() ? " " + t.get("admin.platform.auto") : "")));
    }
    Instant now = clock.instant();
    List<Token> tokens =
        tremplin.tokens().list(actor, new Scope.OfSchool(schoolId)).stream()
            .map(
                k ->
                    new Token(
                        k.id().toString(),
                        t.get("role." + k.grant().role().name()),
                        k.label(),
                        state(k, now, t)))
            .toList();
    Model model =
        new Model(
            Layout.of(t.locale(), t.get("admin.title", school.name()), school.name(), "../"),
            t,
            school.name(),
            school.departement().code(),
            platforms,
            tokens);
    return Response.ok(Templates.web().render("admin/school.jte", model))
        .type(HTML)
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CSP)
        .build();
  }

  /** The school of the session's administrator grant, if it has one. */
  static Optional<SchoolId> adminSchool(AppSession session) {
    for (Grant g : session.grants()) {
      if (g.role() == Role.ADMIN && g.scope() instanceof Scope.OfSchool s) {
        return Optional.of(s.school());
      }
    }
    return Optional.empty();
  }

  private static String state(ApiToken token, Instant now, Text t) {
    if (token.revokedAt() != null) {
      return t.get("admin.token.revoked", t.instant(token.revokedAt()));
    }
    if (token.expiresAt() != null) {
      return t.get(
          token.activeAt(now) ? "admin.token.expires" : "admin.token.expired",
          t.instant(token.expiresAt()));
    }
    return t.get("admin.token.active");
  }

  /** The page's texts ({@code AdminMessages}), French or English. Immutable. */
  public static final class Text {
    private final Locale locale;
    private final ResourceBundle bundle;

    Text(Locale locale) {
      this.locale =
          Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
              ? Locale.ENGLISH
              : Locale.FRENCH;
      this.bundle =
          ResourceBundle.getBundle(
              "org.tremplin.web.admin.AdminMessages",
              this.locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The language. */
    public Locale locale() {
      return locale;
    }

    /** The text of this key with its arguments (MessageFormat). */
    public String get(String key, Object... arguments) {
      return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    String instant(Instant instant) {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
          .withLocale(locale)
          .format(instant.atZone(PARIS));
    }
  }

  /** A platform serving the school. */
  record Platform(String name, String issuer, String clientId, String deployments, String status) {}

  /** A token of the school, without its value. */
  record Token(String id, String role, String label, String state) {}

  /** The page's model. */
  record Model(
      Layout layout,
      Text t,
      String school,
      String departement,
      List<Platform> platforms,
      List<Token> tokens) {}
}
