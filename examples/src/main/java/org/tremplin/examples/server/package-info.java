/**
 * The HTTP server of {@code tremplin serve}: Jersey on Grizzly with {@link
 * org.tremplin.web.TremplinFeature}, configured by SmallRye Config.
 */
@NullMarked
package org.tremplin.examples.server;

import org.jspecify.annotations.NullMarked;
