/**
 * The stored insertion path: eligibility profiles and diagnoses, CDDI and PASS IAE with their
 * amendments, exits and their six-month follow-up (DOMAIN.md, The insertion path; Exits).
 */
@NullMarked
package org.tremplin.core.insertion;

import org.jspecify.annotations.NullMarked;
