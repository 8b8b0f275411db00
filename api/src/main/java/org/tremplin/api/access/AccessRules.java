package org.tremplin.api.access;

/**
 * Decides whether an actor may perform an operation on a target. Implementations are immutable and
 * thread-safe.
 */
public interface AccessRules {
  /**
   * Whether any of the actor's grants allows the operation on the target.
   *
   * @param actor who calls, checked against the access rules
   * @param operation the operation
   * @param target the target
   * @return whether any of the actor's grants allows the operation on the target
   */
  boolean allows(Actor actor, Operation operation, Target target);

  /**
   * Throws when not allowed.
   *
   * @param actor who calls, checked against the access rules
   * @param operation the operation
   * @param target the target
   * @throws org.tremplin.api.TremplinException {@code ACCESS_DENIED}, naming the actor id, the
   *     operation and the scope refused (never personal data)
   */
  void check(Actor actor, Operation operation, Target target);
}
