/**
 * JMH benchmarks of the app's pages, server-side: the resource method called as JAX-RS would call
 * it, on an in-memory H2 behind a pool, template rendering included (issue 12, item 5; see
 * docs/benchmarks.md). Compiled and run only with {@code -Pbench}.
 */
@NullMarked
package org.tremplin.web.bench;

import org.jspecify.annotations.NullMarked;
