/**
 * The pages' frame: the one layout every HTML page of Tremplin is rendered into ({@code
 * src/main/jte/page/layout.jte}: {@code lang}, viewport, title, the stylesheet, a skip link, a
 * header with the school's name, one {@code <main id="main">}), the precompiled jte templates
 * ({@link org.tremplin.web.page.Templates}) and the stylesheet served from the jar ({@code GET
 * /assets/tremplin.css}). UI.md, "Conventions".
 */
@NullMarked
package org.tremplin.web.page;

import org.jspecify.annotations.NullMarked;
