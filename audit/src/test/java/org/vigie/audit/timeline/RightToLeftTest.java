package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RightToLeftTest {

  @Test
  void aLineWithoutRightToLeftTextIsDrawnAsWritten() {
    assertThat(RightToLeft.visual("Nom : Zoë (née Koné) « Ami »")).isEqualTo("Nom : Zoë (née Koné) « Ami »");
  }

  @Test
  void anArabicRunIsDrawnReversedWithItsParenthesesFacingTheirWords() {
    // « أمينة (علي) سلمى »: drawn left to right, the last word first; the parentheses still open towards « علي »
    assertThat(RightToLeft.visual("Nom : أمينة (علي) سلمى")).isEqualTo("Nom : ىملس (يلع) ةنيمأ");
    assertThat(RightToLeft.visual("סבתא [רחל]")).isEqualTo("[לחר] אתבס");
  }
}
