package org.tremplin.lti.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.SchoolId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Grant;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.school.School;
import org.tremplin.api.school.SchoolService;
import org.tremplin.lti.registration.JdbiRegistrations;
import org.tremplin.lti.registration.PlatformRegistration;

/**
 * The LMS platforms of an installation and the school each serves (LTI.md §3, ADR 0004): a platform
 * is <em>bound</em> to a school, or — configured by the operator in an installation of one school —
 * serves <em>the only school</em>, or is <em>pending</em> (registered, serving no school until a
 * network administrator binds it). What {@code tremplin platform list} prints and the administrator
 * page shows; {@link #bind} is what {@code tremplin bind-school} and the page's binding do.
 * Thread-safe.
 */
public final class SchoolPlatforms {
  private final JdbiRegistrations registrations;
  private final BiPredicate<String, String> configured;
  private final LtiDirectory directory;
  private final SchoolService schools;

  /**
   * Over the registrations (configured ones among them) and the directory of bindings.
   *
   * @param registrations every registration, configured and dynamic
   * @param configured whether (issuer, client id) is a platform of the operator's configuration
   * @param directory the directory holding the bindings
   * @param schools the schools
   */
  public SchoolPlatforms(
      JdbiRegistrations registrations,
      BiPredicate<String, String> configured,
      LtiDirectory directory,
      SchoolService schools) {
    this.registrations = registrations;
    this.configured = configured;
    this.directory = directory;
    this.schools = schools;
  }

  /** Which school a platform serves. */
  public sealed interface Serving {
    /**
     * Bound to this school by an operator.
     *
     * @param school the school
     */
    record Bound(SchoolId school) implements Serving {}

    /**
     * Configured, in an installation of one school: serves it without being bound.
     *
     * @param school the only school
     */
    record OnlySchool(SchoolId school) implements Serving {}

    /** Registered, serving no school until bound. */
    record Pending() implements Serving {}

    /**
     * The school served, if any.
     *
     * @return the school served, if any
     */
    default Optional<SchoolId> served() {
      if (this instanceof Bound b) {
        return Optional.of(b.school());
      }
      if (this instanceof OnlySchool o) {
        return Optional.of(o.school());
      }
      return Optional.empty();
    }
  }

  /**
   * A platform with what it serves.
   *
   * @param registration the registration (its deployments as stored)
   * @param configured whether it comes from the operator's configuration (else registered
   *     dynamically)
   * @param serving which school it serves
   */
  public record Listed(PlatformRegistration registration, boolean configured, Serving serving) {}

  /**
   * Every platform, in the registrations' order, with what it serves.
   *
   * @return every platform
   */
  public List<Listed> all() {
    List<School> all = schools.list();
    List<Listed> out = new ArrayList<>();
    for (PlatformRegistration listed : registrations.all()) {
      PlatformRegistration r =
          registrations.find(listed.issuer(), listed.clientId()).orElse(listed);
      boolean isConfigured = configured.test(r.issuer(), r.clientId());
      Optional<SchoolId> bound = directory.schoolOf(r.issuer(), r.clientId());
      Serving serving;
      if (bound.isPresent()) {
        serving = new Serving.Bound(bound.get());
      } else if (isConfigured && all.size() == 1) {
        serving = new Serving.OnlySchool(all.get(0).id());
      } else {
        serving = new Serving.Pending();
      }
      out.add(new Listed(r, isConfigured, serving));
    }
    return out;
  }

  /**
   * Binds (or re-binds) a platform to the school it serves. Only a network administrator may: an
   * administrator of one school would otherwise open it to any platform.
   *
   * @param actor who binds: needs {@code ADMIN} of the network
   * @param issuer the platform's issuer
   * @param clientId the client id the platform gave the tool
   * @param school the school
   * @throws TremplinException {@code ACCESS_DENIED} for anyone else; {@code SCHOOL_NOT_FOUND} for
   *     an unknown school
   */
  public void bind(Actor actor, String issuer, String clientId, SchoolId school) {
    TremplinException.required(actor, "actor");
    TremplinException.requiredText(issuer, "issuer");
    TremplinException.requiredText(clientId, "client id");
    if (!isNetworkAdministrator(actor)) {
      throw new TremplinException(
          ErrorCode.ACCESS_DENIED, "binding a platform to a school needs ADMIN of the network");
    }
    schools.get(school);
    directory.bindSchool(issuer, clientId, school);
  }

  /**
   * Whether the actor administers the whole network (binds platforms, sees every school).
   *
   * @param actor the actor
   * @return whether one of its grants is {@code ADMIN} of the network
   */
  public static boolean isNetworkAdministrator(Actor actor) {
    for (Grant g : actor.grants()) {
      if (g.role() == Role.ADMIN && g.scope() instanceof Scope.Network) {
        return true;
      }
    }
    return false;
  }
}
