/**
 * Coaching (accompagnement socio-professionnel): the referent coach of each learner, meetings with
 * ordinary and confidential notes, barriers, action plans, referrals and company immersions
 * (DOMAIN.md, Coaching).
 */
@NullMarked
package org.tremplin.api.coaching;

import org.jspecify.annotations.NullMarked;
