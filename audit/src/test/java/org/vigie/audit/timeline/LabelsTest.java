package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.AlertMessage;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

class LabelsTest {
  private static final List<Class<? extends Enum<?>>> CODES = List.of(Labels.Phrase.class, BlockageKind.class,
      RuleId.class, Severity.class, PermitKind.class, Procedure.class, BenefitKind.class, CccChannel.class,
      CccOutcome.class, Decision.class, NotificationChannel.class, NotificationKind.class, NotificationState.class);

  @Test
  void everyCodeAndPhraseHasItsWordsInFrenchAndInEnglish() {
    List<Enum<?>> codes = CODES.stream().<Enum<?>>flatMap(c -> Stream.of(c.getEnumConstants())).toList();
    for (Labels language : List.of(Labels.FRENCH, Labels.ENGLISH)) {
      assertThat(codes).allSatisfy(code -> assertThat(language.has(code)).as("words for %s", code).isTrue());
    }
    assertThat(codes).filteredOn(code -> !(code instanceof Labels.Phrase))
        .filteredOn(code -> Labels.FRENCH.of(code).equals(Labels.ENGLISH.of(code)))
        .as("the same words in both languages").extracting(Enum::name)
        .containsOnly("INFO", "VLS_TS", "CAF", "FRANCE_TRAVAIL", "WEBHOOK");
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
