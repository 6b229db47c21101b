package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.BlockageKind;

class LabelsTest {
  @Test
  void everyPhraseHasItsWordsInFrenchAndInEnglish() {
    for (Labels language : List.of(Labels.FRENCH, Labels.ENGLISH)) {
      assertThat(Labels.Phrase.values()).allSatisfy(p -> assertThat(language.has(p)).as("words for %s", p).isTrue());
    }
  }

  @Test
  void codesAreSaidInTheirLanguage() {
    assertThat(Labels.FRENCH.of(BlockageKind.ACCOUNT_LOCKED)).isEqualTo("compte bloqué");
    assertThat(Labels.ENGLISH.of(BlockageKind.ACCOUNT_LOCKED)).isEqualTo("account locked");
  }

  @Test
  void eachLanguageHasItsDatesYesNoAndAlertMessage() {
    LocalDate day = LocalDate.of(2026, 3, 12);
    AlertMessage message = new AlertMessage("Le titre a expiré.", "The permit expired.");

    assertThat(List.of(Labels.FRENCH.date(day), Labels.FRENCH.yesNo(true), Labels.FRENCH.message(message),
        Labels.FRENCH.phrase(Labels.Phrase.LIST_SEPARATOR))).containsExactly("12/03/2026", "oui", "Le titre a expiré.", " ; ");
    assertThat(List.of(Labels.ENGLISH.date(day), Labels.ENGLISH.yesNo(false), Labels.ENGLISH.message(message),
        Labels.ENGLISH.phrase(Labels.Phrase.LIST_SEPARATOR))).containsExactly("12 March 2026", "no", "The permit expired.", "; ");
    assertThat(Labels.ENGLISH.date(null)).isEmpty();
  }
}
