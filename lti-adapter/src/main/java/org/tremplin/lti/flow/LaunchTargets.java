package org.tremplin.lti.flow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.access.Role;
import org.tremplin.lti.deeplinking.ItemRef;

/**
 * Where a resource link launch lands, in one place: a plain launch on the home page of the
 * session's roles; a launch of a deep-linked activity (its {@code custom} claim names a programme
 * item, {@value ItemRef#CUSTOM_KEY}) on the page of that item for the user's roles. Today every
 * kind of item lands where the role has a page for it: a learner on their path at the competency or
 * phase, a trainer of a linked course on the cohort's grid at the competency's column or on its
 * calendar at the phase; the rest (units, in-training assessments, other roles) on the item page
 * ({@code /app/item}, which shows the item and leads to the role's home). Stateless.
 */
public final class LaunchTargets {
  private LaunchTargets() {}

  /**
   * A page to land on.
   *
   * @param page the page
   * @param item the item it shows, for {@link FlowOutcome.Page#ITEM}
   */
  public record Target(FlowOutcome.Page page, @Nullable ItemRef item) {
    /**
     * The page is required.
     *
     * @param page the page
     * @param item the item
     */
    public Target {
      Objects.requireNonNull(page, "page");
    }
  }

  /**
   * Where a launch of this session lands, when no cohort is known (the item page for any item).
   *
   * @param roles the roles the session grants
   * @param custom the launch's {@code custom} claim
   * @return where a launch of this session lands
   */
  public static Target resolve(Set<Role> roles, Map<String, String> custom) {
    return resolve(roles, false, custom);
  }

  /**
   * Where a launch of this session lands.
   *
   * @param roles the roles the session grants
   * @param cohort whether the session names the course's cohort (its trainer pages exist)
   * @param custom the launch's {@code custom} claim
   * @return where a launch of this session lands
   */
  public static Target resolve(Set<Role> roles, boolean cohort, Map<String, String> custom) {
    Optional<ItemRef> found =
        Optional.ofNullable(custom.get(ItemRef.CUSTOM_KEY)).flatMap(ItemRef::parse);
    if (found.isEmpty() || roles.isEmpty()) {
      return new Target(FlowOutcome.Page.HOME, null);
    }
    ItemRef item = found.get();
    boolean onPath = item.kind() == ItemRef.Kind.COMPETENCY || item.kind() == ItemRef.Kind.PHASE;
    if (roles.contains(Role.TRAINER) && cohort && onPath) {
      return new Target(
          item.kind() == ItemRef.Kind.COMPETENCY
              ? FlowOutcome.Page.COHORT_GRID
              : FlowOutcome.Page.COHORT_CALENDAR,
          item);
    }
    if (roles.equals(Set.of(Role.LEARNER)) && onPath) {
      return new Target(FlowOutcome.Page.PATH, item);
    }
    return new Target(FlowOutcome.Page.ITEM, item);
  }
}
