/** Privacy: the audit trail, and next export, erasure and retention. */
@NullMarked
package org.tremplin.core.privacy;

import org.jspecify.annotations.NullMarked;
