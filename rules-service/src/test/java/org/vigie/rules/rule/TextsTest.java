package org.vigie.rules.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void datesReadAsTheLongFrenchAndEnglishForms() {
    DateTimeFormatter fr = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    DateTimeFormatter en = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    for (LocalDate d = LocalDate.of(2020, 1, 1); d.isBefore(LocalDate.of(2031, 1, 1)); d = d.plusDays(1)) {
      assertThat(Texts.fr(d)).isEqualTo(d.format(fr));
      assertThat(Texts.en(d)).isEqualTo(d.format(en));
    }
    assertThat(Texts.fr(LocalDate.of(2026, 8, 1))).isEqualTo("1 août 2026");
  }
}
