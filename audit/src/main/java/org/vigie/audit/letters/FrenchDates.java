package org.vigie.audit.letters;

import java.time.LocalDate;

/** Dates as a French letter writes them: "1er mars 2026", "12 mars 2026". */
final class FrenchDates {
  private static final String[] MONTHS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"};

  private FrenchDates() {}

  static String of(LocalDate date) {
    int day = date.getDayOfMonth();
    return (day == 1 ? "1er" : String.valueOf(day)) + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /** "3 mois", "1 mois", or "12 jours" under a month: how long since {@code from}, as of {@code today}. */
  static String elapsed(LocalDate from, LocalDate today) {
    long months = java.time.temporal.ChronoUnit.MONTHS.between(from, today);
    if (months >= 1) {
      return months + " mois";
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(from, today);
    return days + (days > 1 ? " jours" : " jour");
  }
}
