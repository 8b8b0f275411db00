/** Using the Tremplin library directly from Java, without a server or a command line. */
@NullMarked
package org.tremplin.examples.embed;

import org.jspecify.annotations.NullMarked;
