/**
 * What funders count about a learner, stored (DOMAIN.md, Reports): facts declared at entry,
 * certification results, test accounts; with their personal-data section for export and erasure.
 */
@NullMarked
package org.tremplin.core.funder;

import org.jspecify.annotations.NullMarked;
