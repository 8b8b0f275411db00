/**
 * The LTI launch load driver: full login → launch round trips against {@code tremplin.jar serve} in
 * a separate process. Built and run only with the {@code bench} Maven profile; see {@code
 * docs/benchmarks.md}. Not API.
 */
@NullMarked
package org.tremplin.examples.bench;

import org.jspecify.annotations.NullMarked;
