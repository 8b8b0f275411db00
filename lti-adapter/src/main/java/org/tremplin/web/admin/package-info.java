/**
 * {@code /app/admin}: the administrator's page of a school (the platforms and deployments that
 * serve it, its API tokens), reached by an institution administrator's launch (LTI.md §3, ADR
 * 0011). The full administrator pages (binding, templates) grow here.
 */
@NullMarked
package org.tremplin.web.admin;

import org.jspecify.annotations.NullMarked;
