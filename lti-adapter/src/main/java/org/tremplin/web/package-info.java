/**
 * The web side of Tremplin: {@link org.tremplin.web.TremplinFeature} registers every resource so a
 * JAX-RS host adds one line. Resources extract, call, map (STYLE.md, pac4j anchor).
 */
@NullMarked
package org.tremplin.web;

import org.jspecify.annotations.NullMarked;
