package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class LanguageTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "en|EN",
      "en-GB|EN",
      "en-US,en;q=0.9,fr;q=0.8|EN",
      "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7|FR",
      "en;q=0.5,fr;q=0.9|FR",
      "de-DE,en;q=0.5|EN",
      "de|FR",
      "*|FR",
      "fr|FR",
      "a;;;q=x|FR"})
  void englishOnlyWhenPreferredToFrench(String header, Language expected) {
    assertThat(Language.negotiate(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void frenchWithoutAHeader(String header) {
    assertThat(Language.negotiate(header)).isEqualTo(Language.FR);
  }
}
