/**
 * JMH benchmarks of the LTI launch validation pipeline next to the raw RS256 verification of the
 * same tokens. Built and run only with the {@code bench} Maven profile; see {@code
 * docs/benchmarks.md}. Not API.
 */
@NullMarked
package org.tremplin.lti.bench;

import org.jspecify.annotations.NullMarked;
