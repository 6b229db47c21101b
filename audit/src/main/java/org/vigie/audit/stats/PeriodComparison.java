package org.vigie.audit.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * ANEF's dysfunctions in two periods of the same length, before and after a day: did things change
 * once the Conseil d'État's deadline had passed (or any other day the federation watches)? Anonymous
 * as {@link FederationStats}: no case or association id, each figure counting fewer distinct cases
 * than {@code minCases} is suppressed (null), and so is, for each figure and period, the smallest
 * other department that would let it be recomputed from the total.
 *
 * <p>Events are often recorded weeks after they happened: the last weeks of the later period may
 * still grow as volunteers catch up, which makes it look better than it will.
 *
 * @param pivot first day of the later period
 * @param before the period before the pivot, as long as {@code after}
 * @param after from the pivot to the end of the comparison (at most {@code asOf})
 * @param asOf the day the comparison was computed at
 * @param events events read (duplicates included)
 * @param cases distinct cases seen
 * @param total every department together
 * @param departments one row per department with a figure in either period ({@code ?}: unknown)
 */
public record PeriodComparison(
    LocalDate pivot,
    Span before,
    Span after,
    LocalDate asOf,
    int minCases,
    long events,
    int cases,
    Row total,
    List<Row> departments) {

  /**
   * The end of the six months the Conseil d'État gave the Interior ministry, on 5 May 2026, to correct
   * ANEF's dysfunctions: the default pivot of a comparison.
   */
  public static final LocalDate CONSEIL_ETAT_DEADLINE = LocalDate.of(2026, 11, 5);
  /** Longest period compared, in days. */
  public static final int MAX_DAYS = 366;

  public PeriodComparison {
    departments = List.copyOf(departments);
  }

  /** Days from {@code from} to {@code to}, both included. */
  public record Span(LocalDate from, LocalDate to) {
    public int days() {
      return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    boolean contains(LocalDate day) {
      return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
  }

  /**
   * The two periods compared: the later one starts on {@code pivot} and lasts {@code days} (fewer when
   * {@code asOf} comes first), the earlier one ends the day before the pivot and lasts as long.
   *
   * @throws IllegalArgumentException when the pivot is after {@code asOf} or {@code days} is not
   *     between 1 and {@link #MAX_DAYS}
   */
  public static Span[] spans(LocalDate pivot, int days, LocalDate asOf) {
    if (pivot.isAfter(asOf)) {
      throw new IllegalArgumentException("the pivot " + pivot + " is after " + asOf);
    }
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
    }
    LocalDate end = pivot.plusDays(days - 1L);
    Span after = new Span(pivot, end.isAfter(asOf) ? asOf : end);
    Span before = new Span(pivot.minusDays(after.days()), pivot.minusDays(1));
    return new Span[] {before, after};
  }

  /** The days from the pivot to {@code asOf}, at most {@link #MAX_DAYS}: the default length of the periods. */
  public static int daysUpTo(LocalDate pivot, LocalDate asOf) {
    return (int) Math.max(1, Math.min(MAX_DAYS, ChronoUnit.DAYS.between(pivot, asOf) + 1));
  }

  /** A department (or every department) in both periods. */
  public record Row(String department, Figures before, Figures after) {}

  /** What happened to the cases in one period. */
  public record Figures(
      Count blockagesReported,
      Delays blockagesResolved,
      Count daysWithoutApi,
      Delays decisions,
      Ccc cccAttempts,
      Delays firstApis) {}

  /**
   * A count over distinct cases: blockages reported ({@code count}: reports), or days without a valid
   * API ({@code count}: days in the period during which a case had an expired permit, a pending
   * submission and no API).
   */
  public record Count(Integer cases, Integer count, boolean suppressed) {}

  /**
   * Things that ended in the period and how long they took: blockages resolved (days from the report),
   * decisions received (days from the first submission), or the first API of a renewal (days from its
   * filing); {@code count} of them over {@code cases}.
   */
  public record Delays(Integer cases, Integer count, Integer medianDays, boolean suppressed) {}

  /** Attempts to reach the CCC in the period, and the share with no answer or only an automated reply. */
  public record Ccc(Integer cases, Integer attempts, Double unansweredShare, boolean suppressed) {}
}
