package org.tremplin.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --lang fr|en} option every subcommand shares (a picocli mixin). */
public final class LanguageOption {
  @Option(
      names = "--lang",
      paramLabel = "fr|en",
      defaultValue = "fr",
      description = "Language of the text output and messages: fr (default) or en.")
  String language = "fr";

  /** The texts in the chosen language. */
  Messages messages() {
    if (!Messages.LANGUAGES.contains(language)) {
      throw new UsageException(
          Messages.of("fr").get("error.lang", language, String.join(", ", Messages.LANGUAGES)));
    }
    return Messages.of(language);
  }
}
