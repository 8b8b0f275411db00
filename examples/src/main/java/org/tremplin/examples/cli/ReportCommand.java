package org.tremplin.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin report}: funders' reports on the configured database, one subcommand per report
 * ({@code yearly}, {@code gen}, {@code attendance}, {@code network}). Without a subcommand it is a
 * usage error naming them. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      YearlyReportCommand.class,
      GenReportCommand.class,
      AttendanceReportCommand.class,
      NetworkReportCommand.class,
      ProjectsReportCommand.class
    })
public final class ReportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Override
  public void run() {
    throw lang.noSubcommand(spec);
  }
}
