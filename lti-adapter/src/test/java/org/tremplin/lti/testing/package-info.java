/**
 * The adapter's test database: core's and the adapter's tables on a shared test database of {@code
 * org.tremplin.testing} (module {@code test-support}).
 */
@NullMarked
package org.tremplin.lti.testing;

import org.jspecify.annotations.NullMarked;
