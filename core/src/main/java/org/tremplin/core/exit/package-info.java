/** Exit classification from the versioned rules {@code exit-rules.json} (DOMAIN.md, Exits). */
@NullMarked
package org.tremplin.core.exit;

import org.jspecify.annotations.NullMarked;
