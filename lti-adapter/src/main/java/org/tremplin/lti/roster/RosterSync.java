package org.tremplin.lti.roster;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tremplin.api.CohortId;
import org.tremplin.api.LearnerId;
import org.tremplin.api.TremplinException;
import org.tremplin.api.access.Actor;
import org.tremplin.api.access.Role;
import org.tremplin.api.access.Scope;
import org.tremplin.api.cohort.Cohort;
import org.tremplin.api.learner.Enrolment;
import org.tremplin.api.learner.EnrolmentEvent;
import org.tremplin.api.learner.Learner;
import org.tremplin.api.learner.LearnerName;
import org.tremplin.api.learner.LearnerService;
import org.tremplin.core.Tremplin;
import org.tremplin.lti.LtiErrorCode;
import org.tremplin.lti.LtiException;
import org.tremplin.lti.flow.CourseRosters;
import org.tremplin.lti.identity.Landing;
import org.tremplin.lti.identity.LaunchIdentities;
import org.tremplin.lti.identity.LtiDirectory;
import org.tremplin.lti.launch.CourseContext;
import org.tremplin.lti.registration.PlatformRegistration;
import org.tremplin.lti.registration.Registrations;
import org.tremplin.lti.roles.MappedRoles;
import org.tremplin.lti.roles.RoleMapper;
import org.tremplin.lti.services.CourseServices;
import org.tremplin.lti.services.ServiceEndpoints;

/**
 * Brings a linked course's cohort to match the course's roster at the platform (LTI.md §6; issue 11
 * item 1). One sync reads every page of the memberships first (or only the changes, through the
 * {@code differences} link the platform offered, within {@link #FULL_READ_INTERVAL} of the last
 * complete read), then applies them in one transaction, the course's roster row locked so that two
 * nodes never sync one course at once:
 *
 * <ul>
 *   <li>a learner listed active gets a learner record of the cohort's school: the one their
 *       platform user is linked to, else the one learner of the school some roster lists with the
 *       same e-mail (any platform) or {@code lis_person_sourcedid} (same platform), else a new one
 *       named as the platform shares (a neutral placeholder when it shares no name); then joins the
 *       cohort (or re-enters it) while there is room, from today or the cohort's first day: those
 *       left out are reported and flagged waiting;
 *   <li>a learner listed inactive or deleted, or no longer listed by a complete read, is flagged
 *       so, and their enrolment is closed (a {@code LEFT} event: the history and every record stay;
 *       they re-enter when they come back);
 *   <li>trainers, mentors and other members are recorded with their roles (their grants come from
 *       their launches' roles, LTI.md §3); test users are ignored;
 *   <li>e-mail and sourcedid are stored only as the platform shares them, for matching.
 * </ul>
 *
 * A failed read or a refused change writes nothing but the attempt ({@link RosterOutcome.Failed}).
 * Core's changes are recorded under the actor {@value #ACTOR_ID} (a manager of the cohort's
 * school). Thread-safe.
 */
public final class RosterSync implements CourseRosters {
  private static final Logger LOG = LoggerFactory.getLogger(RosterSync.class);

  /** A trainer's launch syncs the course's roster at most this often. */
  public static final Duration TRAINER_INTERVAL = Duration.ofMinutes(10);

  /** A learner's launches into a course whose roster was never read try at most this often. */
  public static final Duration LEARNER_INTERVAL = Duration.ofMinutes(1);

  /** Within this time of a complete read, the {@code differences} link is read instead. */
  public static final Duration FULL_READ_INTERVAL = Duration.ofHours(24);

  /** The actor id recorded in enrolment histories for the sync's changes. */
  public static final String ACTOR_ID = "tremplin-lti-roster";

  /**
   * The reason recorded when a learner leaves the cohort because the course no longer lists them.
   */
  public static final String GONE_REASON = "Liste du cours LMS : ne figure plus dans le cours";

  /** The reason recorded when the course lists a learner as inactive or deleted. */
  public static final String INACTIVE_REASON = "Liste du cours LMS : inscription inactive";

  /** Given name of a learner the platform shares no name of. */
  public static final String UNNAMED = "Apprenant·e";

  private final Tremplin tremplin;
  private final LtiDirectory directory;
  private final Registrations registrations;
  private final ServiceEndpoints endpoints;
  private final MembershipReader reader;
  private final RoleMapper defaultRoles;
  private final JdbiRosters rosters;
  private final Clock clock;

  /**
   * On this engine (its unit of work holds the adapter's tables), reading with {@code reader} the
   * endpoints remembered in {@code endpoints}.
   *
   * @param tremplin the engine
   * @param directory the directory
   * @param registrations the registrations
   * @param endpoints the endpoints
   * @param reader the reader
   * @param defaultRoles the default roles
   * @param clock the clock read for "now"
   */
  public RosterSync(
      Tremplin tremplin,
      LtiDirectory directory,
      Registrations registrations,
      ServiceEndpoints endpoints,
      MembershipReader reader,
      RoleMapper defaultRoles,
      Clock clock) {
    this.tremplin = tremplin;
    this.directory = directory;
    this.registrations = registrations;
    this.endpoints = endpoints;
    this.reader = reader;
    this.defaultRoles = defaultRoles;
    this.rosters = new JdbiRosters(tremplin.transactions());
    this.clock = clock;
  }

  /**
   * Syncs this course's roster now.
   *
   * @param course the course
   * @param trigger the trigger
   * @return how it ended; never throws for a platform's failure or a refused change
   */
  public RosterOutcome sync(CourseContext course, RosterTrigger trigger) {
    Optional<CohortId> cohort = directory.cohortOf(course);
    if (cohort.isEmpty()) {
      return new RosterOutcome.NotLinked(course);
    }
    Instant now = clock.instant();
    rosters.ensure(course, cohort.get(), now);
    Optional<URI> memberships = endpoints.of(course).flatMap(CourseServices::memberships);
    if (memberships.isEmpty()) {
      rosters.recordAttempt(course, now, RosterState.Kind.NO_SERVICE, null);
      LOG.debug("roster not offered by the platform ({})", trigger);
      return new RosterOutcome.NotOffered(course);
    }
    Optional<PlatformRegistration> registration =
        registrations.find(course.issuer(), course.clientId());
    if (registration.isEmpty()) {
      return failed(
          course,
          now,
          new LtiException(LtiErrorCode.LTI_SERVICE_NOT_OFFERED, "the platform is not registered"));
    }
    try {
      Memberships read = read(registration.get(), course, memberships.get(), now);
      RosterOutcome.Synced synced = apply(course, cohort.get(), registration.get(), read, now);
      LOG.debug(
          "roster synced ({}): {} member(s), {} joined, {} left out, {} closed",
          trigger,
          synced.members(),
          synced.joined(),
          synced.leftOut().size(),
          synced.inactive());
      return synced;
    } catch (LtiException e) {
      return failed(course, now, e);
    } catch (TremplinException e) {
      return failed(
          course,
          now,
          new LtiException(
              LtiErrorCode.LTI_ROSTER_REFUSED, e.code().name() + ": " + e.getMessage(), e));
    }
  }

  /**
   * Syncs every course linked to this cohort now (a trainer's demand).
   *
   * @param cohort the cohort
   * @param trigger the trigger
   * @return one outcome per course, oldest link first; empty when no course is linked
   */
  public List<RosterOutcome> syncCohort(CohortId cohort, RosterTrigger trigger) {
    return rosters.coursesOf(cohort).stream().map(c -> sync(c, trigger)).toList();
  }

  /**
   * Syncs this course when its last attempt is at least {@link #TRAINER_INTERVAL} old (several
   * nodes: one wins).
   *
   * @param course the course
   * @return the outcome, or empty when it was not due or the course is not linked
   */
  public Optional<RosterOutcome> syncIfDue(CourseContext course) {
    return syncIfOlder(course, TRAINER_INTERVAL, RosterTrigger.TRAINER_LAUNCH);
  }

  @Override
  public void trainerLaunched(CourseContext course) {
    try {
      syncIfDue(course);
    } catch (RuntimeException e) { // a launch never fails because of the roster
      LOG.info("roster sync at a trainer's launch failed: {}", e.getClass().getSimpleName());
    }
  }

  @Override
  public boolean readForLearner(CourseContext course) {
    try {
      Optional<RosterState> state = rosters.state(course);
      if (state.isPresent() && state.get().readAt() != null) {
        return false;
      }
      return syncIfOlder(course, LEARNER_INTERVAL, RosterTrigger.LEARNER_FIRST_LAUNCH)
          .filter(RosterOutcome.Synced.class::isInstance)
          .isPresent();
    } catch (RuntimeException e) { // a launch never fails because of the roster
      LOG.info("roster sync at a learner's launch failed: {}", e.getClass().getSimpleName());
      return false;
    }
  }

  @Override
  public Landing.Reason whyNotOnRoster(CourseContext course, String sub) {
    if (endpoints.of(course).flatMap(CourseServices::memberships).isEmpty()) {
      return Landing.Reason.ROSTER_NOT_SHARED;
    }
    return waiting(course, sub) ? Landing.Reason.COHORT_FULL : Landing.Reason.NOT_ON_ROSTER;
  }

  @Override
  public boolean waiting(CourseContext course, String sub) {
    return rosters.waiting(course, sub);
  }

  /**
   * The course's roster as last read, if a sync was ever attempted.
   *
   * @param course the course
   * @return the course's roster as last read, if a sync was ever attempted
   */
  public Optional<RosterState> state(CourseContext course) {
    return rosters.state(course);
  }

  /**
   * The rosters of every course linked to this cohort, oldest link first.
   *
   * @param cohort the cohort
   * @return the rosters of every course linked to this cohort, oldest link first
   */
  public List<RosterState> states(CohortId cohort) {
    return rosters.coursesOf(cohort).stream().flatMap(c -> rosters.state(c).stream()).toList();
  }

  /**
   * Whether the platform offers the roster of at least one course linked to this cohort.
   *
   * @param cohort the cohort
   * @return whether the platform offers the roster of at least one course linked to this cohort
   */
  public boolean offered(CohortId cohort) {
    return rosters.coursesOf(cohort).stream()
        .anyMatch(c -> endpoints.of(c).flatMap(CourseServices::memberships).isPresent());
  }

  private Optional<RosterOutcome> syncIfOlder(
      CourseContext course, Duration interval, RosterTrigger trigger) {
    Optional<CohortId> cohort = directory.cohortOf(course);
    if (cohort.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    rosters.ensure(course, cohort.get(), now);
    if (!rosters.claim(course, now, now.minus(interval))) {
      return Optional.empty();
    }
    return Optional.of(sync(course, trigger));
  }

  private Memberships read(
      PlatformRegistration registration, CourseContext course, URI memberships, Instant now) {
    Optional<Map.Entry<String, Instant>> differences = rosters.differences(course);
    if (differences.isPresent()
        && differences.get().getValue().plus(FULL_READ_INTERVAL).isAfter(now)) {
      try {
        return reader.read(registration, URI.create(differences.get().getKey()), false);
      } catch (LtiException e) {
        LOG.debug("roster differences unreadable ({}): complete read instead", e.code());
      }
    }
    return reader.read(registration, memberships, true);
  }

  private RosterOutcome failed(CourseContext course, Instant now, LtiException e) {
    LOG.info("roster sync failed: {}", e.code());
    LOG.debug("roster sync failure", e);
    String detail = e.getMessage() == null ? "" : e.getMessage();
    rosters.recordAttempt(course, now, RosterState.Kind.FAILED, e.code().name() + ": " + detail);
    return new RosterOutcome.Failed(course, e.code(), detail);
  }

  /** Applies a read in one transaction. */
  private RosterOutcome.Synced apply(
      CourseContext course,
      CohortId cohortId,
      PlatformRegistration registration,
      Memberships read,
      Instant now) {
    RoleMapper roles =
        registration.roleMapping().isEmpty()
            ? defaultRoles
            : RoleMapper.withOverrides(registration.roleMapping());
    LocalDate today = LocalDate.ofInstant(now, clock.getZone()); // the day core reads too
    return tremplin
        .transactions()
        .inTransaction(
            h -> {
              rosters.lock(h, course);
              Cohort cohort = LaunchIdentities.cohort(tremplin, cohortId);
              Actor actor = Actor.of(ACTOR_ID, Role.MANAGER, new Scope.OfSchool(cohort.school()));
              LearnerService learners = tremplin.learners();
              Map<LearnerId, Enrolment> enrolments = new HashMap<>();
              for (Enrolment e : learners.enrolments(actor, cohortId)) {
                enrolments.put(e.learner(), e);
              }
              Counter c = new Counter();
              c.places = enrolments.values().stream().filter(Enrolment::active).count();
              Map<String, JdbiRosters.Stored> stored = rosters.members(h, course);
              Map<String, JdbiRosters.Linked> linked =
                  rosters.linked(
                      h,
                      course.issuer(),
                      course.clientId(),
                      read.members().stream().map(RosterMember::userId).toList());
              Map<String, LearnerId> matches =
                  rosters.matches(
                      h,
                      cohort.school(),
                      course.issuer(),
                      read.members().stream()
                          .filter(m -> !linked.containsKey(m.userId()))
                          .toList());
              // learners never seen: registered at once (one write for the whole roster)
              List<RosterMember> unknown =
                  read.members().stream()
                      .filter(m -> m.status().active())
                      .filter(m -> !linked.containsKey(m.userId()))
                      .filter(m -> !matches.containsKey(m.userId()))
                      .filter(
                          m -> {
                            MappedRoles r = roles.map(m.roles());
                            return !r.testUser() && r.roles().contains(Role.LEARNER);
                          })
                      .toList();
              List<Learner> registered =
                  learners.registerAll(
                      actor, cohort.school(), unknown.stream().map(RosterSync::nameOf).toList());
              Map<String, LearnerId> fresh = new HashMap<>();
              for (int i = 0; i < unknown.size(); i++) {
                fresh.put(unknown.get(i).userId(), registered.get(i).id());
              }
              Map<String, LearnerId> newLinks = new LinkedHashMap<>();
              Map<String, JdbiRosters.Stored> saved = new LinkedHashMap<>(stored);
              Set<String> listed = new HashSet<>();
              Set<LearnerId> present = new HashSet<>();
              List<LearnerId> leftOut = new ArrayList<>();
              for (RosterMember m : read.members()) {
                MappedRoles mapped = roles.map(m.roles());
                if (mapped.testUser()) {
                  continue;
                }
                listed.add(m.userId());
                c.members++;
                JdbiRosters.Stored before = stored.get(m.userId());
                LearnerId learner = null;
                boolean waiting = false;
                boolean wasLearner = before != null && before.learner() != null;
                if (mapped.roles().contains(Role.LEARNER)
                    || (!m.status().active() && wasLearner)) { // a deleted member lists no roles
                  JdbiRosters.Linked link = linked.get(m.userId());
                  if (link != null) {
                    learner = link.school().equals(cohort.school()) ? link.learner() : null;
                  } else {
                    LearnerId match = matches.get(m.userId());
                    if (match != null) {
                      learner = match;
                      c.matched++;
                      newLinks.put(m.userId(), learner);
                    } else if (fresh.containsKey(m.userId())) {
                      learner = fresh.get(m.userId());
                      c.created++;
                      newLinks.put(m.userId(), learner);
                    }
                  }
                  if (learner != null) {
                    if (m.status().active()) {
                      present.add(learner);
                      c.learners++;
                      waiting = !enter(learners, actor, cohort, learner, enrolments, today, c);
                      if (waiting) {
                        leftOut.add(learner);
                      }
                    } else {
                      close(
                          learners, actor, cohort, learner, enrolments, today, INACTIVE_REASON, c);
                    }
                  }
                }
                saved.put(
                    m.userId(),
                    new JdbiRosters.Stored(
                        m.userId(),
                        m.roles().isEmpty() && before != null
                            ? before.roles()
                            : String.join(" ", m.roles()),
                        m.status(),
                        m.email(),
                        m.sourcedid(),
                        learner != null ? learner : before == null ? null : before.learner(),
                        waiting,
                        before == null ? now : before.firstSeen(),
                        now));
              }
              if (read.complete()) {
                for (JdbiRosters.Stored s : stored.values()) {
                  if (listed.contains(s.sub()) || s.status() == MemberStatus.GONE) {
                    continue;
                  }
                  if (s.learner() != null && !present.contains(s.learner())) {
                    // (a learner also listed under another platform account stays)
                    close(learners, actor, cohort, s.learner(), enrolments, today, GONE_REASON, c);
                  }
                  saved.put(
                      s.sub(),
                      new JdbiRosters.Stored(
                          s.sub(),
                          s.roles(),
                          MemberStatus.GONE,
                          s.email(),
                          s.sourcedid(),
                          s.learner(),
                          false,
                          s.firstSeen(),
                          s.lastSeen()));
                }
              }
              rosters.link(h, course.issuer(), course.clientId(), newLinks, now);
              rosters.saveMembers(h, course, saved.values());
              rosters.recordRead(
                  h,
                  course,
                  now,
                  read.differences() == null ? null : read.differences().toString(),
                  c.members,
                  c.learners,
                  c.joined,
                  leftOut.size(),
                  c.closed);
              return new RosterOutcome.Synced(
                  course,
                  now,
                  read.complete(),
                  c.members,
                  c.learners,
                  c.created,
                  c.matched,
                  c.joined,
                  leftOut,
                  c.closed);
            });
  }

  /** Counts of one sync. Confined to its transaction. */
  private static final class Counter {
    int members;
    int learners;
    int created;
    int matched;
    int joined;
    int closed;
    long places;
  }

  /**
   * Makes sure an active learner is enrolled: joins or re-enters while there is room and the cohort
   * is not over.
   *
   * @return whether the learner is enrolled now
   */
  private static boolean enter(
      LearnerService learners,
      Actor actor,
      Cohort cohort,
      LearnerId learner,
      Map<LearnerId, Enrolment> enrolments,
      LocalDate today,
      Counter c) {
    Enrolment current = enrolments.get(learner);
    if (current != null && current.active()) {
      return true;
    }
    LocalDate date = max(today, cohort.range().first());
    if (current != null) {
      date = max(date, last(current).date());
    }
    if (c.places >= cohort.capacity() || date.isAfter(cohort.range().last())) {
      return false;
    }
    Enrolment after =
        current == null
            ? learners.join(actor, cohort.id(), learner, date)
            : learners.reenter(actor, cohort.id(), learner, date);
    enrolments.put(learner, after);
    c.places++;
    c.joined++;
    return true;
  }

  /** Closes an active enrolment (a LEFT event), unless the cohort is over. */
  private static void close(
      LearnerService learners,
      Actor actor,
      Cohort cohort,
      LearnerId learner,
      Map<LearnerId, Enrolment> enrolments,
      LocalDate today,
      String reason,
      Counter c) {
    Enrolment current = enrolments.get(learner);
    if (current == null || !current.active()) {
      return;
    }
    LocalDate date = max(today, last(current).date().plusDays(1));
    if (date.isAfter(cohort.range().last())) {
      return; // the cohort is over: its history stays as it ended
    }
    enrolments.put(learner, learners.leave(actor, cohort.id(), learner, date, reason));
    c.places--;
    c.closed++;
  }

  /** The learner's name as the platform shares it, else a neutral placeholder. */
  private static LearnerName nameOf(RosterMember m) {
    String given = m.givenName();
    String family = m.familyName();
    if ((given == null || family == null) && m.name() != null) {
      String name = m.name().strip();
      int space = name.lastIndexOf(' ');
      given = given != null ? given : space > 0 ? name.substring(0, space).strip() : name;
      family = family != null ? family : space > 0 ? name.substring(space + 1).strip() : "—";
    }
    if (given == null || given.isBlank()) {
      given = UNNAMED;
    }
    if (family == null || family.isBlank()) {
      family = "LMS-" + UUID.randomUUID().toString().substring(0, 6);
    }
    return new LearnerName(cut(given), cut(family));
  }

  private static String cut(String name) {
    return name.length() <= 100 ? name : name.substring(0, 100).strip();
  }

  private static EnrolmentEvent last(Enrolment e) {
    return e.history().get(e.history().size() - 1);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
