/** {@code GET /health}: liveness as JSON (ARCHITECTURE.md, "External contract"). */
@NullMarked
package org.tremplin.web.health;

import org.jspecify.annotations.NullMarked;
