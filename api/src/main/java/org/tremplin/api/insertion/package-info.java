/**
 * The stored insertion path of a learner: eligibility profile and diagnoses, the insertion contract
 * (CDDI) and the PASS IAE with their amendments, exits and the follow-up six months after
 * (DOMAIN.md, The insertion path; Exits). The pure rules live in {@link
 * org.tremplin.api.eligibility}, {@link org.tremplin.api.contract} and {@link
 * org.tremplin.api.exit}.
 */
@NullMarked
package org.tremplin.api.insertion;

import org.jspecify.annotations.NullMarked;
