/**
 * Shared internals of core (JSON, database setup, transactions). Not API: may change at any time.
 */
@NullMarked
package org.tremplin.core.internal;

import org.jspecify.annotations.NullMarked;
