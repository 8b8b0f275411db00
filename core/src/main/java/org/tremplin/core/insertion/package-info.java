/**
 * The stored insertion path (DOMAIN.md, The insertion path; Exits), one service and one store per
 * part: eligibility profiles and diagnoses ({@link org.tremplin.core.insertion.EligibilityLedger}),
 * the CDDI with its amendments ({@link org.tremplin.core.insertion.ContractLedger}), the PASS IAE
 * ({@link org.tremplin.core.insertion.PassLedger}), exits and their six-month follow-up ({@link
 * org.tremplin.core.insertion.ExitLedger}); {@link org.tremplin.core.insertion.InsertionPathLedger}
 * is the {@code InsertionPathService} over them.
 */
@NullMarked
package org.tremplin.core.insertion;

import org.jspecify.annotations.NullMarked;
