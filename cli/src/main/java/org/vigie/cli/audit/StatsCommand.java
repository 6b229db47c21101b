package org.vigie.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.vigie.audit.kafka.EventLog;
import org.vigie.audit.output.JsonOutput;
import org.vigie.audit.stats.BlockageChartSvg;
import org.vigie.audit.stats.FederationStats;
import org.vigie.audit.stats.FederationStatsCollector;
import org.vigie.audit.stats.PeriodComparison;
import org.vigie.audit.stats.StatsCsv;
import org.vigie.platform.config.Config;
import org.vigie.cli.UserErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie stats}: the federation's anonymous statistics over the whole event log (no case or
 * association id; cells of fewer than --min-cases cases suppressed), as JSON or one CSV table, and
 * optionally an SVG chart of blockages per month.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Statistiques anonymes de la fédération. / Anonymous federation statistics (JSON, CSV, SVG chart).")
public final class StatsCommand implements Callable<Integer> {
  private final Config config;
  @Mixin KafkaOptions kafka;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Output formats. */
  enum Format { json, csv }

  @Option(names = "--association", paramLabel = "ID", description = "One association (default: all).")
  String association;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Day the statistics are computed at (default: today, Paris).")
  LocalDate asOf;

  @Option(names = "--min-cases", defaultValue = "" + FederationStats.DEFAULT_MIN_CASES,
      description = "Smallest published cell, in cases (default ${DEFAULT-VALUE}).")
  int minCases;

  @Option(names = "--format", defaultValue = "json", description = "json or csv (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--table", defaultValue = "blockages", description = "CSV table: blockages, blockages-per-month, "
      + "days-without-api, time-to-decision, ccc-attempts, api-delay, awaiting-decision, decisions (default ${DEFAULT-VALUE}).")
  String table;

  @Option(names = "--chart", paramLabel = "FILE.svg", description = "Also write the chart of blockages per month.")
  Path chart;

  @Option(names = "--compare", paramLabel = "DATE", arity = "0..1", fallbackValue = "2026-11-05",
      description = "Instead of the tables: the figures from DATE to --as-of and in as many days before DATE "
          + "(without DATE: 2026-11-05, the end of the Conseil d'État's six months).")
  LocalDate compare;

  @Option(names = "--days", paramLabel = "N", description = "With --compare: length of each period, 1 to 366 "
      + "(default: from DATE to --as-of).")
  Integer days;

  public StatsCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws Exception {
    return kafka.run(spec, config, this::execute);
  }

  private Integer execute() throws IOException {
    UserErrors.atLeast(spec, "--min-cases", minCases, 1);
    UserErrors.writable(spec, "--chart", chart);
    StatsCsv.Table csvTable = table();
    LocalDate day = asOf != null ? asOf : LocalDate.now(ReplayCommand.PARIS);
    int length = days != null ? days : compare == null ? 1 : PeriodComparison.daysUpTo(compare, day);
    if (compare != null) {
      try {
        PeriodComparison.spans(compare, length, day);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--compare/--days : périodes impossibles / "
            + "impossible periods: " + e.getMessage());
      }
    }
    FederationStatsCollector collector = new FederationStatsCollector(association);
    new EventLog(kafka.settings(config)).forEach(collector);
    FederationStats s = collector.compute(day, minCases);
    PrintWriter out = spec.commandLine().getOut();
    if (compare != null) {
      PeriodComparison comparison = collector.compare(compare, length, day, minCases);
      if (format == Format.csv) {
        out.print(StatsCsv.toCsv(comparison));
      } else {
        JsonOutput.write(comparison, out);
        out.println();
      }
    } else if (format == Format.csv) {
      StatsCsv.write(s, csvTable, out);
    } else {
      JsonOutput.write(s, out);
      out.println();
    }
    out.flush();
    if (chart != null) {
      Files.writeString(chart, BlockageChartSvg.render(s), StandardCharsets.UTF_8);
    }
    return 0;
  }

  private StatsCsv.Table table() {
    return StatsCsv.Table.parse(table)
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--table inconnue / unknown --table: "
            + table + " (blockages, blockages-per-month, days-without-api, time-to-decision, ccc-attempts, api-delay, "
            + "awaiting-decision, decisions)"));
  }
}
