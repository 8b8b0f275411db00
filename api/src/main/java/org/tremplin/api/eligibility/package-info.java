/**
 * IAE eligibility: administrative criteria (dated versions of the 1 Sept 2021 list and its 4 Sept
 * 2025 revision), diagnoses, proofs and their validity, and criteria suggested from a learner's
 * profile (DOMAIN.md, The insertion path).
 */
@NullMarked
package org.tremplin.api.eligibility;

import org.jspecify.annotations.NullMarked;
