package org.tremplin.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.tremplin.api.ErrorCode;
import org.tremplin.api.TremplinException;
import org.tremplin.api.exit.ExitClassification;
import org.tremplin.api.exit.ExitRules;
import org.tremplin.api.exit.ExitSituation;
import org.tremplin.core.exit.ReferenceExitRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin exit}: the category funders count an exit situation in (durable employment,
 * transition employment, positive exit, other exit, neutralised) and whether it is a dynamic exit;
 * CDD and INTERIM need the contract's length. Needs no database. Not thread-safe (picocli fills its
 * fields).
 */
@Command(
    name = "exit",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class ExitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--situation", required = true, paramLabel = "CODE")
  ExitSituation situation = ExitSituation.CDI;

  @Option(names = "--months", paramLabel = "N")
  @Nullable String months;

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text")
  OutputFormat format = OutputFormat.TEXT;

  @Override
  public Integer call() throws JsonProcessingException {
    Messages m = lang.messages();
    ExitRules rules = new ReferenceExitRules();
    Integer length = months == null ? null : months(months, m);
    ExitClassification exit;
    try {
      exit = length == null ? rules.classify(situation) : rules.classify(situation, length);
    } catch (TremplinException e) {
      if (e.code() == ErrorCode.EXIT_CONTRACT_LENGTH_REQUIRED) {
        throw new UsageException(m.get("error.monthsRequired", situation.name()));
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(json(exit));
    } else {
      out.println(text(exit, length, m));
    }
    out.flush();
    return 0;
  }

  private static int months(String text, Messages m) {
    int n;
    try {
      n = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(m.get("error.months", text, ReferenceExitRules.MAX_MONTHS));
    }
    if (n < 1 || n > ReferenceExitRules.MAX_MONTHS) {
      throw new UsageException(m.get("error.months", text, ReferenceExitRules.MAX_MONTHS));
    }
    return n;
  }

  private static String json(ExitClassification exit) throws JsonProcessingException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("category", exit.category().name());
    doc.put("dynamic", exit.dynamic());
    doc.put("situation", exit.situation().name());
    doc.put("rulesVersion", exit.rulesVersion());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
  }

  private static String text(ExitClassification exit, @Nullable Integer months, Messages m) {
    String situation = m.get("exit.situation." + exit.situation().name());
    if (months != null) {
      situation = m.get("exit.withMonths", situation, months);
    }
    return m.get(
        "exit.line",
        situation,
        m.get("exit.category." + exit.category().name()),
        m.get(exit.dynamic() ? "exit.dynamic" : "exit.notDynamic"),
        exit.rulesVersion());
  }
}
