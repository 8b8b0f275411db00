package org.tremplin.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code tremplin} command ({@code java -jar tremplin.jar}). Exit codes: 0 on success, 2 for a
 * bad argument (one line on stderr naming it, no usage dump), 1 for an internal failure (one line).
 * Every run speaks one language, for its messages, its output and its usage help ({@code --help},
 * from the resource bundle {@code org/tremplin/examples/cli/help}): the one named by {@code
 * --lang}, else the system locale's when it is French or English, else French.
 *
 * <p>Each call of {@link #execute} builds its own picocli command, so it is safe to call from
 * several threads.
 */
@Command(
    name = "tremplin",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    subcommands = {
      CalendarCommand.class,
      ReadinessCommand.class,
      EligibilityCommand.class,
      ExitCommand.class,
      ReportCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      BindSchoolCommand.class,
      SchoolCommand.class,
      TokenCommand.class,
      PlatformCommand.class,
      CohortCommand.class,
      ImportCommand.class,
      PrivacyCommand.class,
      DatasetCommand.class
    })
public final class TremplinCli implements Runnable {
  /** Exit code of a bad argument. */
  public static final int USAGE = 2;

  /** Exit code of an internal failure. */
  public static final int FAILURE = 1;

  /** The system property of the address H2's automatic mixed mode listens on. */
  static final String H2_BIND_ADDRESS = "h2.bindAddress";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  private final Messages messages;

  private TremplinCli(Messages messages) {
    this.messages = messages;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      // The libraries' INFO lines (Flyway migrations) are noise on a command line.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      // H2's automatic mixed mode (ADR 0011) serves the database file to the set-up subcommands
      // over TCP: on this machine only, unless the operator says otherwise.
      System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line on these streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    String language = languageOf(args);
    Messages m = Messages.of(language);
    CommandLine cli = commandLine(language);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, arguments) -> {
          err.println(prefix(ex.getCommandLine()) + describe(ex, arguments, m));
          err.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = exitCode(ex);
          String text = oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage());
          if (code == FAILURE) {
            text = m.get("error.internal", ex.getClass().getSimpleName() + ": " + text);
          }
          err.println(prefix(commandLine) + text);
          err.flush();
          return code;
        });
    return cli.execute(args);
  }

  /**
   * The picocli command of a run in this language: its usage help and its default {@code --lang}.
   */
  static CommandLine commandLine(String language) {
    Messages m = Messages.of(language);
    CommandLine cli = new CommandLine(new TremplinCli(m));
    // After the subcommands are added, so that the bundle and the default reach every one of them.
    cli.setResourceBundle(m.help());
    cli.setDefaultValueProvider(
        arg -> arg instanceof OptionSpec o && o.longestName().equals("--lang") ? language : null);
    return cli;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        messages.get("error.noSubcommand", subcommandNames(spec.commandLine())));
  }

  private static int exitCode(Exception ex) {
    if (ex instanceof UsageException) {
      return USAGE;
    }
    if (ex instanceof TremplinException t) {
      ErrorCode.Kind kind = t.code().kind();
      return kind == ErrorCode.Kind.INVALID || kind == ErrorCode.Kind.NOT_FOUND ? USAGE : FAILURE;
    }
    return FAILURE;
  }

  private static String prefix(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName() + ": ";
  }

  /**
   * The language of the run, read before parsing so that parsing errors and the usage help speak
   * it: the one asked for with {@code --lang} if the command line speaks it, else {@link
   * Messages#systemLanguage()}.
   */
  static String languageOf(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String asked = null;
      if (args[i].equals("--lang") && i + 1 < args.length) {
        asked = args[i + 1];
      } else if (args[i].startsWith("--lang=")) {
        asked = args[i].substring("--lang=".length());
      }
      if (asked != null && Messages.LANGUAGES.contains(asked)) {
        return asked;
      }
    }
    return Messages.systemLanguage();
  }

  /** One precise line for a picocli parsing error, in the user's language. */
  private static String describe(ParameterException ex, String[] args, Messages m) {
    CommandLine cl = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      if (first.startsWith("-")) {
        return m.get("error.unknownOption", first);
      }
      if (!cl.getSubcommands().isEmpty()) {
        return m.get("error.unknownSubcommand", first, subcommandNames(cl));
      }
      return m.get("error.unexpectedArgument", first);
    }
    if (ex instanceof MissingParameterException missing) {
      List<String> names =
          missing.getMissing().stream().map(TremplinCli::name).collect(Collectors.toList());
      boolean given = names.stream().anyMatch(n -> Arrays.asList(args).contains(n));
      return given
          ? m.get("error.missingValue", String.join(", ", names))
          : m.get("error.missingOption", String.join(", ", names));
    }
    ArgSpec arg = ex.getArgSpec();
    String value = ex.getValue();
    if (arg != null && value != null && arg.type().isEnum()) {
      String expected =
          Arrays.stream(arg.type().getEnumConstants())
              .map(c -> c.toString().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      return m.get("error.badChoice", name(arg), value, expected);
    }
    if (ex instanceof OverwrittenOptionException o) {
      return m.get("error.repeated", name(o.getOverwritten()));
    }
    if (arg != null && value != null) {
      return m.get("error.badValue", name(arg), value);
    }
    return oneLine(ex.getMessage());
  }

  private static String subcommandNames(CommandLine cl) {
    return String.join(", ", cl.getSubcommands().keySet());
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** The version of the jar, from the Maven properties packed into it. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in =
          TremplinCli.class.getResourceAsStream(
              "/META-INF/maven/org.tremplin/tremplin-examples/pom.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {"tremplin " + props.getProperty("version", "(development build)")};
    }
  }
}
