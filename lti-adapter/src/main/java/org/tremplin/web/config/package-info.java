/**
 * The tool's configuration (ARCHITECTURE.md, "Configuration keys"): MicroProfile Config read once
 * into immutable records. A missing or malformed value fails at startup with a {@link
 * org.tremplin.web.config.ConfigurationException} naming the key.
 */
@NullMarked
package org.tremplin.web.config;

import org.jspecify.annotations.NullMarked;
