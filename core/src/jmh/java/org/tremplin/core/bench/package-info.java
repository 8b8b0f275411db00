/**
 * JMH benchmarks of the core engine on a real PostgreSQL started from embedded binaries. Built and
 * run only with the {@code bench} Maven profile; see {@code docs/benchmarks.md}. Not API.
 */
@NullMarked
package org.tremplin.core.bench;

import org.jspecify.annotations.NullMarked;
