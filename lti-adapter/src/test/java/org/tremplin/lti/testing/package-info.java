/** Test support for the LTI stores: the two databases (H2 and PostgreSQL), a settable clock. */
@NullMarked
package org.tremplin.lti.testing;

import org.jspecify.annotations.NullMarked;
