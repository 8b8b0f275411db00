package org.tremplin.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The members of the demo course: its learners, trainer, coach and manager. Immutable.
 *
 * @param learners the learners, in the order the demo LMS lists them
 * @param trainer the trainer
 * @param coach the coach, mentor of every learner
 * @param manager the school's manager
 * @param admin the network's administrator
 * @param contextId the course's context id at the demo LMS (it follows the demo cohort)
 * @param inactive the {@code sub}s of the learners who left the cohort (NRPS status {@code
 *     Inactive})
 */
public record DemoRoster(
    List<DemoUser> learners,
    DemoUser trainer,
    DemoUser coach,
    DemoUser manager,
    DemoUser admin,
    String contextId,
    Set<String> inactive) {
  /** The demo's network administrator, when none is given. */
  public static final DemoUser ADMIN =
      new DemoUser("demo-admin", "Sophie", "Lambert", DemoRole.ADMIN);

  /** Copies the list. */
  public DemoRoster {
    learners = List.copyOf(learners);
    inactive = Set.copyOf(inactive);
    if (learners.isEmpty()) {
      throw new IllegalArgumentException("the demo course has learners");
    }
    if (contextId.isBlank()) {
      throw new IllegalArgumentException("the demo course has a context id");
    }
  }

  /** The members of a course, with the demo's network administrator ({@link #ADMIN}). */
  public DemoRoster(
      List<DemoUser> learners,
      DemoUser trainer,
      DemoUser coach,
      DemoUser manager,
      String contextId,
      Set<String> inactive) {
    this(learners, trainer, coach, manager, ADMIN, contextId, inactive);
  }

  /** The members of the reference course ({@link DemoPlatform#CONTEXT_ID}). */
  public DemoRoster(List<DemoUser> learners, DemoUser trainer, DemoUser coach, DemoUser manager) {
    this(learners, trainer, coach, manager, DemoPlatform.CONTEXT_ID, Set.of());
  }

  /** Everyone, learners first. */
  public List<DemoUser> members() {
    List<DemoUser> all = new ArrayList<>(learners);
    all.add(trainer);
    all.add(coach);
    all.add(manager);
    all.add(admin);
    return List.copyOf(all);
  }

  /** The member with this {@code sub}. */
  public Optional<DemoUser> find(String sub) {
    return members().stream().filter(u -> u.sub().equals(sub)).findFirst();
  }

  /** The first member holding this role (for a learner: the first learner listed). */
  public DemoUser first(DemoRole role) {
    return switch (role) {
      case LEARNER -> learners.get(0);
      case TRAINER -> trainer;
      case COACH -> coach;
      case MANAGER -> manager;
      case ADMIN -> admin;
    };
  }

  /** The learners' {@code sub}s: the coach's {@code role_scope_mentor}. */
  public List<String> learnerSubs() {
    return learners.stream().map(DemoUser::sub).toList();
  }
}
