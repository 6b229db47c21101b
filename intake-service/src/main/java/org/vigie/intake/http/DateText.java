package org.vigie.intake.http;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Fast paths of the two date shapes intake reads most (yyyy-mm-dd in JSON, dd/mm/yyyy in CSV): the
 * digits are read directly instead of through a DateTimeFormatter. Null when the text is not exactly
 * that shape or not a real date; callers then use java.time's parser, for its errors and rarer forms.
 */
public final class DateText {
  private DateText() {}

  /** {@code yyyy-mm-dd}, exactly 10 characters, a real date; else null. */
  public static LocalDate iso(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    return date(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  }

  /** {@code dd/mm/yyyy}, exactly 10 characters, a real date; else null. */
  public static LocalDate french(String s) {
    if (s.length() != 10 || s.charAt(2) != '/' || s.charAt(5) != '/') {
      return null;
    }
    return date(digits(s, 6, 4), digits(s, 3, 2), digits(s, 0, 2));
  }

  private static int digits(String s, int at, int n) {
    int v = 0;
    for (int i = at; i < at + n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static LocalDate date(int year, int month, int day) {
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }
}
