package org.tremplin.examples.cli;

/** How a subcommand prints its result. */
public enum OutputFormat {
  /** A readable summary or table, in the chosen language. */
  TEXT,
  /** JSON with stable, language-neutral field names. */
  JSON
}
