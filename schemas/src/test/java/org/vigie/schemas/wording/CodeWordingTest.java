package org.vigie.schemas.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

class CodeWordingTest {
  private static final List<Class<? extends Enum<?>>> CODES = List.of(BlockageKind.class, RuleId.class,
      Severity.class, PermitKind.class, Procedure.class, BenefitKind.class, CccChannel.class, CccOutcome.class,
      Decision.class, OqtfTerms.class, AppealKind.class, NotificationChannel.class, NotificationKind.class, NotificationState.class);

  @Test
  void everyCodeHasItsWordsInFrenchAndInEnglish() {
    List<Enum<?>> codes = CODES.stream().<Enum<?>>flatMap(c -> Stream.of(c.getEnumConstants())).toList();
    for (CodeWording language : List.of(CodeWording.FRENCH, CodeWording.ENGLISH)) {
      assertThat(codes).allSatisfy(code -> assertThat(language.has(code)).as("words for %s", code).isTrue());
    }
    assertThat(codes).filteredOn(code -> CodeWording.FRENCH.of(code).equals(CodeWording.ENGLISH.of(code)))
        .as("the same words in both languages").extracting(Enum::name)
        .containsOnly("INFO", "VLS_TS", "CAF", "FRANCE_TRAVAIL", "WEBHOOK");
  }

  @Test
  void saysTheCodesUsersMeet() {
    assertThat(CodeWording.FRENCH.of(BlockageKind.ACCOUNT_LOCKED)).isEqualTo("compte bloqué");
    assertThat(CodeWording.ENGLISH.of(BlockageKind.ACCOUNT_LOCKED)).isEqualTo("account locked");
    assertThat(CodeWording.FRENCH.of(RuleId.EMPLOYMENT_AT_RISK)).isEqualTo("emploi menacé");
    assertThat(CodeWording.ENGLISH.of(RuleId.EMPLOYMENT_AT_RISK)).isEqualTo("employment at risk");
  }
}
