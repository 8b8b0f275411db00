/**
 * Texts received from platforms made safe to store and show (issue 10, item 3): free texts cleaned
 * of control and bidirectional characters and bounded, identifiers checked. Used by login, launch
 * and, later, roster sync.
 */
@NullMarked
package org.tremplin.lti.text;

import org.jspecify.annotations.NullMarked;
