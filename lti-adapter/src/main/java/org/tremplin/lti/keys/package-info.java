/**
 * Platform public keys (LTI.md §2.6, §8): lookup by {@code kid} in the platform's JWKS, cached with
 * a bounded time to live, re-fetched once on a miss (rate-limited, concurrent fetches coalesced). A
 * platform whose keyset cannot be fetched fails alone. The tool's own signing keys come from a
 * {@link org.tremplin.lti.keys.ToolKeySource}; {@link org.tremplin.lti.keys.JdbiToolKeys} keeps
 * them in the database so that every node signs and publishes the same keys.
 */
@NullMarked
package org.tremplin.lti.keys;

import org.jspecify.annotations.NullMarked;
