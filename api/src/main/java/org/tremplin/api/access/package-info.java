/**
 * Who may do what: roles narrowed by scope (network → school → cohort → learner), checked inside
 * the core services for every call (DOMAIN.md, People and roles).
 */
@NullMarked
package org.tremplin.api.access;

import org.jspecify.annotations.NullMarked;
