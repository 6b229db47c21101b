package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RightToLeftTest {

  @Test
  void aLineWithoutRightToLeftTextIsDrawnAsWritten() {
    assertThat(RightToLeft.visual("Nom : Zoë (née Koné) « Ami »")).isEqualTo("Nom : Zoë (née Koné) « Ami »");
    assertThat(RightToLeft.shaped("Nom : Zoë (née Koné) « Ami »")).isEqualTo("Nom : Zoë (née Koné) « Ami »");
  }

  @Test
  void anArabicRunIsDrawnReversedWithItsParenthesesFacingTheirWords() {
    // « أمينة (علي) سلمى »: drawn left to right, the last word first; the parentheses still open towards « علي »
    assertThat(RightToLeft.visual("Nom : أمينة (علي) سلمى")).isEqualTo("Nom : ىملس (يلع) ةنيمأ");
    assertThat(RightToLeft.visual("סבתא [רחל]")).isEqualTo("[לחר] אתבס");
  }

  @Test
  void arabicLettersTakeTheFormTheirPlaceInTheWordGivesThem() {
    // أمينة: alif alone (it never joins the next letter), mīm initial, yā' and nūn medial, tā' marbūṭa final
    assertThat(RightToLeft.shaped("Nom : أمينة")).isEqualTo("Nom : \uFE83\uFEE3\uFEF4\uFEE8\uFE94");
    // بلال: lām and alif are one ligature, joined to the bā' before it; the last lām alone
    assertThat(RightToLeft.shaped("بلال")).isEqualTo("\uFE91\uFEFC\uFEDD");
    // Hebrew has no joined forms
    assertThat(RightToLeft.shaped("סבתא")).isEqualTo("סבתא");
  }
}
