/**
 * API tokens: issued with a random secret shown once, stored as a SHA-256 hash, checked in constant
 * time, revoked or expired by the injected clock (docs/adr/0011).
 */
@NullMarked
package org.tremplin.core.token;

import org.jspecify.annotations.NullMarked;
