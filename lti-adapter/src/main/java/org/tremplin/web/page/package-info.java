/**
 * What every server-built page of the web side shares (for now, HTML escaping), so that the feature
 * packages ({@code web.app}, {@code web.lti}, the error pages) depend on it rather than on each
 * other.
 */
@NullMarked
package org.tremplin.web.page;

import org.jspecify.annotations.NullMarked;
