/**
 * Core's test fixtures named after the domain ({@link org.tremplin.core.testing.CohortFixture}), on
 * the shared test databases of {@code org.tremplin.testing} (module {@code test-support}).
 */
@NullMarked
package org.tremplin.core.testing;

import org.jspecify.annotations.NullMarked;
