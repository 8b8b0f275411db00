package org.tremplin.api.access;

/**
 * Decides whether an actor may perform an operation on a target. Implementations are immutable and
 * thread-safe.
 */
public interface AccessRules {
  /** Whether any of the actor's grants allows the operation on the target. */
  boolean allows(Actor actor, Operation operation, Target target);

  /**
   * Throws when not allowed.
   *
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}, naming the actor id, the
   *     operation and the scope refused (never personal data)
   */
  void check(Actor actor, Operation operation, Target target);
}
