package org.tremplin.examples.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --lang fr|en} option every command shares (a picocli mixin). Without it, a run speaks
 * the language {@link TremplinCli} chose for the whole run (the system locale if it is French or
 * English, else French), which {@link TremplinCli#execute} gives as the option's default value.
 */
public final class LanguageOption {
  @Option(names = "--lang", paramLabel = "fr|en")
  @Nullable String language;

  /** The texts in the chosen language, or a usage error naming an unknown one. */
  Messages messages() {
    String chosen = language == null ? Messages.systemLanguage() : language;
    if (!Messages.LANGUAGES.contains(chosen)) {
      throw new UsageException(
          Messages.of(Messages.systemLanguage())
              .get("error.lang", chosen, String.join(", ", Messages.LANGUAGES)));
    }
    return Messages.of(chosen);
  }

  /**
   * The usage error of a command group run without one of its subcommands, naming them, in the
   * chosen language.
   */
  ParameterException noSubcommand(CommandSpec spec) {
    return new ParameterException(
        spec.commandLine(),
        messages()
            .get(
                "error.noSubcommand",
                String.join(", ", spec.commandLine().getSubcommands().keySet())));
  }
}
