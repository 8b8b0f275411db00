/**
 * Tremplin's engine: the {@link org.tremplin.core.Tremplin} entry point that wires every service on
 * a DataSource and a Clock.
 */
@NullMarked
package org.tremplin.core;

import org.jspecify.annotations.NullMarked;
