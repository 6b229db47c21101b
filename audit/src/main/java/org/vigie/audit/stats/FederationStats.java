package org.vigie.audit.stats;

import java.time.LocalDate;
import java.util.List;
import org.vigie.schemas.BlockageKind;

/**
 * Anonymous federation statistics: no case id, no association id, and every cell counting fewer
 * distinct cases than {@code minCases} is suppressed (its figures are null), as are the cells that
 * would let a suppressed one be recomputed from a published total.
 *
 * @param asOf last day counted (days without API of cases still pending run up to it)
 * @param minCases smallest number of distinct cases a published cell may count
 * @param events events read (duplicates included)
 * @param cases distinct cases seen
 */
public record FederationStats(
    LocalDate asOf,
    int minCases,
    long events,
    int cases,
    List<BlockageCell> blockages,
    List<MonthlyBlockages> blockagesPerMonth,
    List<ApiGapCell> daysWithoutApi,
    List<DecisionDelayCell> timeToDecision,
    List<CccCell> cccAttempts,
    List<ApiDelayCell> apiDelays,
    List<AwaitingDecisionCell> awaitingDecision,
    List<DecisionCell> decisions) {

  /** Department of a case whose opening was never recorded. */
  public static final String UNKNOWN_DEPARTMENT = "?";
  public static final int DEFAULT_MIN_CASES = 5;

  public FederationStats {
    blockages = List.copyOf(blockages);
    blockagesPerMonth = List.copyOf(blockagesPerMonth);
    daysWithoutApi = List.copyOf(daysWithoutApi);
    timeToDecision = List.copyOf(timeToDecision);
    cccAttempts = List.copyOf(cccAttempts);
    apiDelays = List.copyOf(apiDelays);
    awaitingDecision = List.copyOf(awaitingDecision);
    decisions = List.copyOf(decisions);
  }

  /** Blockages reported in a month (yyyy-MM, by occurrence date) in a department, of one kind. */
  public record BlockageCell(String department, String month, BlockageKind kind, Integer cases, Integer reports,
      boolean suppressed) {}

  /** All blockages reported in a month, every department and kind together (the chart's bars). */
  public record MonthlyBlockages(String month, Integer cases, Integer reports, boolean suppressed) {}

  /**
   * Days in a month during which a case of the department had an expired permit, a pending
   * submission and no valid API (the person is without proof of the right to stay).
   */
  public record ApiGapCell(String department, String month, Integer cases, Integer days, boolean suppressed) {}

  /** Days from the first submission to the decision, for cases decided, by department. */
  public record DecisionDelayCell(String department, Integer cases, Double meanDays, Integer medianDays,
      Integer p90Days, boolean suppressed) {}

  /**
   * Attempts to reach the CCC per case, by department, over the cases with at least one attempt;
   * {@code unansweredShare} is the share of attempts with no answer or only an automated reply.
   */
  public record CccCell(String department, Integer cases, Integer attempts, Double meanPerCase, Integer medianPerCase,
      Double unansweredShare, boolean suppressed) {}

  /**
   * The API owed during a renewal, by department (the department's renewals filed by {@code asOf}, not
   * decided before an API): how long until the first API ({@code withApi} of them, median and 90th
   * percentile days from the filing), and how many still wait for one with no decision yet, for how
   * long (median days so far). Suppressed when the renewals counted are fewer than the threshold.
   */
  public record ApiDelayCell(String department, Integer renewals, Integer withApi, Integer medianDaysToApi,
      Integer p90DaysToApi, Integer waiting, Integer medianDaysWaiting, boolean suppressed) {}

  /**
   * The requests still waiting for a decision on {@code asOf}, by department: filed (first submission) by
   * then, not decided, still followed. {@code timeToDecision} counts only the cases decided, so the
   * longest waits are missing from it; they are here: how many wait, for how long (median and 90th
   * percentile days since the filing), and how many have waited 4 months or more
   * ({@code implicitRejections}: the silence after which a complete request is implicitly rejected, CESEDA
   * R.432-1; the implicit-rejection rule's default {@code silenceMonths}). Suppressed when the requests
   * waiting are fewer than the threshold.
   */
  public record AwaitingDecisionCell(String department, Integer waiting, Integer medianDaysWaiting,
      Integer p90DaysWaiting, Integer implicitRejections, boolean suppressed) {}

  /**
   * The prefecture's answers, by department: the requests whose first decision (on or after the first
   * submission) came by {@code asOf}, how many were granted and refused, the refusals with an obligation to
   * leave France (OQTF), and the refusals contested before the administrative court (an annulment action
   * or a référé-suspension filed since the refusal), and the refusals recorded after their time to contest ended
   * ({@code recordedAfterTime}: the person reached the help desk too late, as the law's times count it from the day
   * recorded as the notification; a decision notified through an ANEF account the person cannot open is one way).
   * Suppressed as a whole under the threshold of decisions; within a published cell a null figure is hidden: a
   * count under the threshold, and any other that would let it be recomputed (granted and refused add up to the
   * decisions; a refusal is with or without an OQTF, contested or not, recorded in time or not).
   */
  public record DecisionCell(String department, Integer decided, Integer granted, Integer refused,
      Integer refusedWithOqtf, Integer contested, Integer recordedAfterTime, boolean suppressed) {}
}
