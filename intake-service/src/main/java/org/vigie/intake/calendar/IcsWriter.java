package org.vigie.intake.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * iCalendar text (RFC 5545): content lines ending in CRLF, text values escaped (backslash, semicolon,
 * comma, new line), lines longer than 75 octets folded without splitting a character.
 */
final class IcsWriter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;
  private final StringBuilder out = new StringBuilder();

  /** A property whose value is written as is (a keyword, a URI, a date). */
  IcsWriter raw(String name, String value) {
    return line(name + ":" + value);
  }

  /** A TEXT property, escaped. */
  IcsWriter text(String name, String value) {
    return line(name + ":" + escape(value));
  }

  /** A DATE property ({@code DTSTART;VALUE=DATE:20261217}). */
  IcsWriter date(String name, LocalDate day) {
    return line(name + ";VALUE=DATE:" + DATE.format(day));
  }

  /** A UTC DATE-TIME property ({@code DTSTAMP:20261127T093000Z}). */
  IcsWriter instant(String name, Instant at) {
    return line(name + ":" + STAMP.format(at));
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n");
  }

  private IcsWriter line(String line) {
    int octets = 0;
    int start = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // its UTF-8 octets
      // the first line holds 75 octets, each continuation a space and 74
      if (octets + width > MAX_OCTETS) {
        out.append(line, start, i).append("\r\n ");
        start = i;
        octets = 1;
      }
      octets += width;
      i += Character.charCount(cp);
    }
    out.append(line, start, line.length()).append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
