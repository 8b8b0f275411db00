/**
 * Platform public keys (LTI.md §2.6, §8): lookup by {@code kid} in the platform's JWKS, cached with
 * a bounded time to live, re-fetched once on a miss (rate-limited, concurrent fetches coalesced). A
 * platform whose keyset cannot be fetched fails alone.
 */
@NullMarked
package org.tremplin.lti.keys;

import org.jspecify.annotations.NullMarked;
