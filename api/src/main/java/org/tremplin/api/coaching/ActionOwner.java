package org.tremplin.api.coaching;

/** Who is responsible for carrying out an action. */
public enum ActionOwner {
  /** The learner. */
  LEARNER,
  /** The referent coach. */
  COACH,
  /** A partner organisation (see the referrals). */
  PARTNER
}
