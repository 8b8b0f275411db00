/**
 * The executable jar's command line ({@code tremplin.jar}): one picocli subcommand per operator or
 * newcomer task ({@code calendar}, {@code readiness}, {@code eligibility}, {@code exit}). Bad
 * arguments exit with code 2 and one line on stderr; French by default, English with {@code --lang
 * en} (ARCHITECTURE.md, examples).
 */
@NullMarked
package org.tremplin.examples.cli;

import org.jspecify.annotations.NullMarked;
