package org.vigie.audit.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One table of the statistics as CSV (RFC 4180, header row); a suppressed figure is an empty field. */
public final class StatsCsv {
  /** The tables of {@link FederationStats}. */
  public enum Table {
    BLOCKAGES("department", "month", "kind", "cases", "reports", "suppressed"),
    BLOCKAGES_PER_MONTH("month", "cases", "reports", "suppressed"),
    DAYS_WITHOUT_API("department", "month", "cases", "days", "suppressed"),
    TIME_TO_DECISION("department", "cases", "mean_days", "median_days", "p90_days", "suppressed"),
    CCC_ATTEMPTS("department", "cases", "attempts", "mean_per_case", "median_per_case", "unanswered_share", "suppressed"),
    API_DELAY("department", "renewals", "with_api", "median_days_to_api", "p90_days_to_api", "waiting", "median_days_waiting",
        "suppressed"),
    AWAITING_DECISION("department", "waiting", "median_days_waiting", "p90_days_waiting", "implicit_rejections",
        "suppressed"),
    DECISIONS("department", "decided", "granted", "refused", "refused_with_oqtf", "contested", "suppressed",
        "recorded_after_time");

    private final String[] header;

    Table(String... header) {
      this.header = header;
    }

    public List<String> header() {
      return List.of(header);
    }

    /** The table named as users write it ({@code days-without-api}, {@code blockages}, any case). */
    public static java.util.Optional<Table> parse(String name) {
      String wanted = name.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
      return java.util.Arrays.stream(values()).filter(t -> t.name().equals(wanted)).findFirst();
    }
  }

  /** Columns of a {@link PeriodComparison}: a line per department (and {@code all}) and period. */
  public static final List<String> COMPARISON_HEADER = List.of("department", "period", "from", "to",
      "blockage_cases", "blockage_reports", "resolution_cases", "resolutions", "resolution_median_days",
      "api_gap_cases", "days_without_api", "decisions", "decision_median_days",
      "ccc_cases", "ccc_attempts", "ccc_unanswered_share", "first_apis", "first_api_median_days");

  private StatsCsv() {}

  public static String toCsv(FederationStats stats, Table table) {
    StringBuilder out = new StringBuilder();
    write(stats, table, out);
    return out.toString();
  }

  public static void write(FederationStats stats, Table table, Appendable out) {
    switch (table) {
      case BLOCKAGES -> print(out, table, stats.blockages(),
          c -> row(c.department(), c.month(), c.kind(), c.cases(), c.reports(), c.suppressed()));
      case BLOCKAGES_PER_MONTH -> print(out, table, stats.blockagesPerMonth(),
          c -> row(c.month(), c.cases(), c.reports(), c.suppressed()));
      case DAYS_WITHOUT_API -> print(out, table, stats.daysWithoutApi(),
          c -> row(c.department(), c.month(), c.cases(), c.days(), c.suppressed()));
      case TIME_TO_DECISION -> print(out, table, stats.timeToDecision(),
          c -> row(c.department(), c.cases(), c.meanDays(), c.medianDays(), c.p90Days(), c.suppressed()));
      case CCC_ATTEMPTS -> print(out, table, stats.cccAttempts(),
          c -> row(c.department(), c.cases(), c.attempts(), c.meanPerCase(), c.medianPerCase(), c.unansweredShare(),
              c.suppressed()));
      case API_DELAY -> print(out, table, stats.apiDelays(),
          c -> row(c.department(), c.renewals(), c.withApi(), c.medianDaysToApi(), c.p90DaysToApi(), c.waiting(),
              c.medianDaysWaiting(), c.suppressed()));
      case AWAITING_DECISION -> print(out, table, stats.awaitingDecision(),
          c -> row(c.department(), c.waiting(), c.medianDaysWaiting(), c.p90DaysWaiting(), c.implicitRejections(),
              c.suppressed()));
      case DECISIONS -> print(out, table, stats.decisions(),
          // recorded_after_time came later: last, so that a script reading the columns by position still reads the others
          c -> row(c.department(), c.decided(), c.granted(), c.refused(), c.refusedWithOqtf(), c.contested(), c.suppressed(),
              c.recordedAfterTime()));
    }
  }

  /** A comparison, every department together first ({@code all}); a suppressed figure is empty. */
  public static String toCsv(PeriodComparison comparison) {
    StringBuilder out = new StringBuilder();
    List<PeriodComparison.Row> rows = new ArrayList<>();
    rows.add(new PeriodComparison.Row("all", comparison.total().before(), comparison.total().after()));
    rows.addAll(comparison.departments());
    List<List<Object>> lines = new ArrayList<>();
    for (PeriodComparison.Row r : rows) {
      lines.add(line(r.department(), "before", comparison.before(), r.before()));
      lines.add(line(r.department(), "after", comparison.after(), r.after()));
    }
    print(out, COMPARISON_HEADER, lines, line -> line);
    return out.toString();
  }

  private static List<Object> line(String department, String period, PeriodComparison.Span span, PeriodComparison.Figures f) {
    return row(department, period, span.from(), span.to(),
        f.blockagesReported().cases(), f.blockagesReported().count(),
        f.blockagesResolved().cases(), f.blockagesResolved().count(), f.blockagesResolved().medianDays(),
        f.daysWithoutApi().cases(), f.daysWithoutApi().count(),
        f.decisions().count(), f.decisions().medianDays(),
        f.cccAttempts().cases(), f.cccAttempts().attempts(), f.cccAttempts().unansweredShare(),
        f.firstApis().count(), f.firstApis().medianDays());
  }

  private static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>(values.length);
    for (Object v : values) {
      row.add(v == null ? "" : v);
    }
    return row;
  }

  private static <T> void print(Appendable out, Table table, List<T> rows, Function<T, List<Object>> toRow) {
    print(out, table.header(), rows, toRow);
  }

  private static <T> void print(Appendable out, List<String> header, List<T> rows, Function<T, List<Object>> toRow) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      for (T row : rows) {
        printer.printRecord(toRow.apply(row));
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
