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
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code tremplin} command ({@code java -jar tremplin.jar}). Exit codes: 0 on success, 2 for a
 * bad argument (one line on stderr naming it, no usage dump), 1 for an internal failure (one line).
 * Texts are French by default and English with {@code --lang en}.
 *
 * <p>Each call of {@link #execute} builds its own picocli command, so it is safe to call from
 * several threads.
 */
@Command(
    name = "tremplin",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class,
    description = "Tremplin: cohorts, attendance and certification readiness for digital schools.",
    subcommands = {
      CalendarCommand.class,
      ReadinessCommand.class,
      EligibilityCommand.class,
      ExitCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      BindSchoolCommand.class
    })
public final class TremplinCli implements Runnable {
  /** Exit code of a bad argument. */
  public static final int USAGE = 2;

  /** Exit code of an internal failure. */
  public static final int FAILURE = 1;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

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
    Messages m = Messages.of(languageOf(args));
    CommandLine cli = new CommandLine(new TremplinCli(m));
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

  /** The language asked for with {@code --lang}, read before parsing for the error messages. */
  static String languageOf(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lang") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--lang=")) {
        return args[i].substring("--lang=".length());
      }
    }
    return "fr";
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
