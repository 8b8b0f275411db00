/**
 * The coach's pages (issue 13, item 2; UI.md, the coach's first screen; DOMAIN.md, Coaching and The
 * insertion path): {@code /app/caseload}, the coach's caseload ordered by what needs them, and
 * {@code /app/coach/learners/{id}}, a learner's file — eligibility, contract and PASS IAE,
 * barriers, action plan, meetings with their confidential notes, immersions, exit, alerts — with
 * the forms a coach writes it with. A manager of the learner's school reads the same file and
 * writes what they may; a confidential note reaches only the HTML of whoever core shows it to. Core
 * checks every call (ADR 0003).
 */
@NullMarked
package org.tremplin.web.coach;

import org.jspecify.annotations.NullMarked;
