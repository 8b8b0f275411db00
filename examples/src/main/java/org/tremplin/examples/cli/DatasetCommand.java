package org.tremplin.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tremplin.api.TremplinException;
import org.tremplin.core.dataset.DatasetProgress;
import org.tremplin.core.dataset.DatasetShape;
import org.tremplin.core.dataset.DatasetSize;
import org.tremplin.core.dataset.DatasetSummary;
import org.tremplin.core.dataset.SyntheticDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tremplin dataset --size demo|network|national --seed N}: writes a synthetic data set (ADR
 * 0014) into the configured database ({@code tremplin.datasource.*}, as {@code serve} reads it). On
 * a terminal it draws a progress bar on one line; otherwise (a pipe, a file, a CI log) it prints a
 * plain line every tenth of the way. Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    versionProvider = TremplinCli.Version.class)
public final class DatasetCommand implements Callable<Integer> {
  /** Width of the progress bar, in characters. */
  static final int BAR = 30;

  @Spec CommandSpec spec;

  @Mixin LanguageOption lang = new LanguageOption();

  @Option(names = "--size", required = true, paramLabel = "demo|network|national")
  String size = "";

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1")
  String seed = "1";

  @Option(names = "--config", paramLabel = "FILE", defaultValue = "tremplin.properties")
  Path configFile = Path.of("tremplin.properties");

  @Override
  public Integer call() {
    Messages m = lang.messages();
    DatasetSize chosen = size(size, m);
    long n = seed(seed, m);
    Installation installation = Installation.open(configFile, m);
    DatasetShape shape = DatasetShape.of(chosen);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        m.get(
            "dataset.start",
            chosen.name().toLowerCase(Locale.ROOT),
            String.valueOf(n),
            shape.departements().size(),
            shape.cohorts()));
    out.flush();
    long start = System.nanoTime();
    DatasetSummary summary;
    try {
      summary =
          SyntheticDataset.on(installation.tremplin())
              .generate(shape, n, progress(out, m, start, System.console() != null));
    } catch (TremplinException e) {
      if (e.code().kind() == org.tremplin.api.ErrorCode.Kind.INVALID) {
        throw new UsageException(m.get("dataset.present", String.valueOf(n)));
      }
      throw e;
    }
    long seconds = Math.round((System.nanoTime() - start) / 1e9);
    out.println(
        m.get(
            "dataset.done",
            m.number(summary.schools()),
            m.number(summary.cohorts()),
            m.number(summary.learners()),
            m.number(summary.attendanceMarks()),
            m.number(summary.evidence()),
            m.number(summary.meetings()),
            m.number(summary.exits()),
            m.number(summary.testAccounts()),
            m.number(seconds)));
    out.flush();
    return 0;
  }

  /**
   * A bar redrawn on one line on a terminal (carriage returns, a new line at the end); else a plain
   * line at every tenth of the way and at the end.
   */
  static DatasetProgress progress(PrintWriter out, Messages m, long start, boolean terminal) {
    int[] lastTenth = {0};
    return (done, total, rows) -> {
      long seconds = Math.round((System.nanoTime() - start) / 1e9);
      int percent = (int) (100L * done / total);
      if (terminal) {
        int filled = BAR * done / total;
        out.print(
            "\r["
                + "#".repeat(filled)
                + ".".repeat(BAR - filled)
                + "] "
                + m.get(
                    "dataset.progress",
                    percent,
                    m.number(done),
                    m.number(total),
                    m.number(rows),
                    m.number(seconds)));
        if (done == total) {
          out.println();
        }
        out.flush();
      } else if (10 * done / total > lastTenth[0] || done == total) {
        lastTenth[0] = 10 * done / total;
        out.println(
            m.get(
                "dataset.progress",
                percent,
                m.number(done),
                m.number(total),
                m.number(rows),
                m.number(seconds)));
        out.flush();
      }
    };
  }

  private static DatasetSize size(String text, Messages m) {
    for (DatasetSize s : DatasetSize.values()) {
      if (s.name().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new UsageException(m.get("dataset.badSize", text));
  }

  private static long seed(String text, Messages m) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageException(m.get("dataset.badSeed", text));
    }
  }
}
