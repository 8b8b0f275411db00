/**
 * Coaching (accompagnement socio-professionnel): the referent coach of each learner, and next
 * meetings, barriers, action plans, referrals and immersions (DOMAIN.md, Coaching).
 */
@NullMarked
package org.tremplin.api.coaching;

import org.jspecify.annotations.NullMarked;
