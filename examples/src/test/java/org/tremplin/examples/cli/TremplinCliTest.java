package org.tremplin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class TremplinCliTest {
  private static List<CommandSpec> everyCommand(String language) {
    CommandLine root = TremplinCli.commandLine(language);
    List<CommandSpec> specs = new ArrayList<>();
    specs.add(root.getCommandSpec());
    addSubcommands(root, specs);
    return specs;
  }

  private static void addSubcommands(CommandLine parent, List<CommandSpec> specs) {
    for (CommandLine c : parent.getSubcommands().values()) {
      specs.add(c.getCommandSpec());
      addSubcommands(c, specs);
    }
  }

  private static String text(String[] lines) {
    return String.join(" ", lines).strip();
  }

  @Test
  void everyCommandAndOptionIsDescribedInFrenchAndInEnglish() {
    List<CommandSpec> french = everyCommand("fr");
    List<CommandSpec> english = everyCommand("en");

    assertThat(french)
        .hasSize(39); // the root, 15 subcommands, 6 of school, token and platform, 5 of report,
    // cohort open|list, import learners|attendance|exits, privacy export|audit|erase|staff, staff
    // find|export|erase
    for (int i = 0; i < french.size(); i++) {
      CommandSpec fr = french.get(i);
      CommandSpec en = english.get(i);
      String name = fr.qualifiedName();
      assertThat(text(fr.usageMessage().description())).as(name).isNotEmpty();
      assertThat(text(fr.usageMessage().description()))
          .as(name)
          .isNotEqualTo(text(en.usageMessage().description()));
      assertThat(fr.optionsMap()).as(name).containsKeys("--help", "--lang");
      for (int j = 0; j < fr.options().size(); j++) {
        OptionSpec frOption = fr.options().get(j);
        OptionSpec enOption = en.options().get(j);
        String option = name + " " + frOption.longestName();
        assertThat(text(frOption.description())).as(option).isNotEmpty();
        assertThat(text(enOption.description())).as(option).isNotEmpty();
        if (!frOption.longestName().equals("--format")) {
          assertThat(text(frOption.description()))
              .as(option)
              .isNotEqualTo(text(enOption.description()));
        }
      }
    }
  }

  @Test
  void aRunWithoutLangSpeaksTheSystemLanguageWhenItIsFrenchOrEnglishElseFrench() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.ENGLISH);
      assertThat(TremplinCli.languageOf(new String[] {"calendar"})).isEqualTo("en");
      assertThat(TremplinCli.languageOf(new String[] {"calendar", "--lang", "fr"})).isEqualTo("fr");
      java.util.Locale.setDefault(java.util.Locale.GERMAN);
      assertThat(TremplinCli.languageOf(new String[] {"calendar"})).isEqualTo("fr");
      assertThat(TremplinCli.languageOf(new String[] {"calendar", "--lang=en"})).isEqualTo("en");
      assertThat(TremplinCli.languageOf(new String[] {"calendar", "--lang", "de"})).isEqualTo("fr");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
