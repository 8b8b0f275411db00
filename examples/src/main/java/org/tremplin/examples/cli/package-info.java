/**
 * The executable jar's command line ({@code tremplin.jar}): one picocli subcommand per operator or
 * newcomer task ({@code calendar}, {@code readiness}, {@code eligibility}, {@code exit}, {@code
 * serve}, {@code demo}) and the operator's set-up ({@code school}, {@code token}, {@code platform},
 * {@code bind-school}). Bad arguments exit with code 2 and one line on stderr; French by default,
 * English with {@code --lang en} (ARCHITECTURE.md, examples).
 */
@NullMarked
package org.tremplin.examples.cli;

import org.jspecify.annotations.NullMarked;
