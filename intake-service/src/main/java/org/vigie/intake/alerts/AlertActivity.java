package org.vigie.intake.alerts;

import java.util.List;

/**
 * What an association's alerts amounted to, from the alerts read model: how many were raised, on how
 * many cases, how many were taken in hand (on the page, through the API or an e-mail's link) and how
 * soon. Months are those the alerts were raised in, in the service's zone.
 *
 * @param medianHoursToAcknowledge from raising to taking in hand, over the alerts taken in hand; null when none was
 * @param escalated alerts the coordination was told about, nobody having taken them in hand in time
 */
public record AlertActivity(int raised, int cases, int acknowledged, Double medianHoursToAcknowledge, int escalated,
    List<Month> byMonth) {

  public AlertActivity {
    byMonth = List.copyOf(byMonth);
  }

  /**
   * One rule's alerts raised in a month (yyyy-MM); {@code resolved}: those resolved since, the situation having
   * ended; {@code escalated}: those the coordination was told about, nobody having taken them in hand;
   * {@code lapsed}: those closed because their deadline passed with nothing recorded that would have resolved them;
   * {@code closed}: those closed without their situation having ended: by a refusal, by the court appeal they called
   * for, by the case no longer followed or by their rule disabled.
   */
  public record Month(String month, String rule, int raised, int cases, int acknowledged, int resolved, int escalated,
      int lapsed, int closed) {}
}
