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
 * role lands on the item page ({@code /app/item}, which shows the item and leads to the role's
 * home); when a role gets a page of its own for a kind of item (the trainer's competency grid, the
 * learner's path), point that (role, kind) to it here. Stateless.
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
   * Where a launch of this session lands.
   *
   * @param roles the roles the session grants
   * @param custom the launch's {@code custom} claim
   * @return where a launch of this session lands
   */
  public static Target resolve(Set<Role> roles, Map<String, String> custom) {
    Optional<ItemRef> item =
        Optional.ofNullable(custom.get(ItemRef.CUSTOM_KEY)).flatMap(ItemRef::parse);
    if (item.isEmpty() || roles.isEmpty()) {
      return new Target(FlowOutcome.Page.HOME, null);
    }
    // every role sees the item page until its own pages exist; e.g. later:
    // if (roles.contains(Role.LEARNER) && item.get().kind() == ItemRef.Kind.COMPETENCY) ...
    return new Target(FlowOutcome.Page.ITEM, item.get());
  }
}
