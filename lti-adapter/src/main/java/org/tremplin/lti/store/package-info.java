/**
 * The LTI tool's shared state in Tremplin's database, so that several nodes can serve one launch:
 * login states (LTI.md §1.5), used nonces (§2.8), the tool's signing keys (§8), the app sessions a
 * launch opens (§3, last bullet), and the platform registrations and deployment ids learnt by
 * Dynamic Registration and launches (§7, §2.10). The tables belong to core's migrations ({@code
 * V9__lti.sql}, {@code V10__lti_registrations.sql}); these stores only read and write them through
 * Jdbi.
 */
@NullMarked
package org.tremplin.lti.store;

import org.jspecify.annotations.NullMarked;
