package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast date paths agree with java.time's strict parsers wherever they answer, and answer for every real date. */
class DateTextTest {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

  @Test
  void everyRealDateIsReadAsJavaTimeReadsIt() {
    for (LocalDate d = LocalDate.of(1899, 12, 25); d.isBefore(LocalDate.of(2101, 1, 5)); d = d.plusDays(1)) {
      assertThat(DateText.iso(d.toString())).isEqualTo(d);
      assertThat(DateText.french(d.format(FRENCH))).isEqualTo(d);
    }
  }

  @Test
  void randomTextIsEitherTheSameDateOrLeftToJavaTime() {
    Random random = new Random(7);
    String alphabet = "0123456789-/ +a";
    for (int i = 0; i < 200_000; i++) {
      char[] c = new char[8 + random.nextInt(4)];
      for (int k = 0; k < c.length; k++) {
        c[k] = random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10));
      }
      if (c.length == 10 && random.nextBoolean()) {
        c[4] = '-';
        c[7] = '-';
      } else if (c.length == 10 && random.nextBoolean()) {
        c[2] = '/';
        c[5] = '/';
      }
      String s = new String(c);
      LocalDate iso = DateText.iso(s);
      if (iso != null) {
        assertThat(LocalDate.parse(s)).as(s).isEqualTo(iso);
      } else {
        assertThat(strictIso(s)).as(s).isNull();
      }
      LocalDate french = DateText.french(s);
      if (french != null) {
        assertThat(LocalDate.parse(s, FRENCH)).as(s).isEqualTo(french);
      } else {
        assertThat(strict(s, FRENCH)).as(s).isNull();
      }
    }
  }

  @Test
  void impossibleDatesAreRefused() {
    assertThat(DateText.iso("2026-02-29")).isNull();
    assertThat(DateText.iso("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(DateText.iso("2026-13-01")).isNull();
    assertThat(DateText.iso("2026-00-10")).isNull();
    assertThat(DateText.iso("2026-1-010")).isNull();
    assertThat(DateText.french("31/04/2026")).isNull();
    assertThat(DateText.french("1/4/2026")).isNull();
  }

  /** What the strict ISO parser makes of a 10-character yyyy-mm-dd text (the only shape the fast path reads). */
  private static LocalDate strictIso(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalDate strict(String s, DateTimeFormatter f) {
    try {
      return LocalDate.parse(s, f);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
