/**
 * API tokens: server-to-server credentials, each one grant (a role in a school or the whole
 * network), shown once when issued and stored only as a hash (docs/adr/0011, DOMAIN.md People and
 * roles).
 */
@NullMarked
package org.tremplin.api.token;

import org.jspecify.annotations.NullMarked;
