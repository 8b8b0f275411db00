package org.tremplin.api.dashboard;

/** What ends: the insertion contract (CDDI) or the PASS IAE. */
public enum EndingKind {
  /** The insertion contract, at its current end (last renewal). */
  CONTRACT,
  /** The PASS IAE, at its end with suspensions and prolongations. */
  PASS_IAE
}
