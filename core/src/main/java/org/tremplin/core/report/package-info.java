/**
 * Funders' reports as read-side SQL over a whole school (DOMAIN.md, Reports; Exits): the yearly
 * review. Test accounts are left out in the queries themselves.
 */
@NullMarked
package org.tremplin.core.report;

import org.jspecify.annotations.NullMarked;
