package org.vigie.schemas.wording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellTest {

  @Test
  void aTextASpreadsheetWouldReadAsAFormulaIsMarkedAsText() {
    assertThat(SpreadsheetCell.text("=HYPERLINK(\"http://example.org\")")).isEqualTo("'=HYPERLINK(\"http://example.org\")");
    assertThat(SpreadsheetCell.text("+33 6 12 34 56 78")).isEqualTo("'+33 6 12 34 56 78");
    assertThat(SpreadsheetCell.text("-2+3")).isEqualTo("'-2+3");
    assertThat(SpreadsheetCell.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SpreadsheetCell.text("\t=1")).isEqualTo("'\t=1");
  }

  @Test
  void anyOtherTextIsLeftAsItIs() {
    assertThat(SpreadsheetCell.text("Amina Diallo")).isEqualTo("Amina Diallo");
    assertThat(SpreadsheetCell.text("06 12 34 56 78")).isEqualTo("06 12 34 56 78");
    assertThat(SpreadsheetCell.text("Jean-Pierre = ami")).isEqualTo("Jean-Pierre = ami");
    assertThat(SpreadsheetCell.text("")).isEmpty();
    assertThat(SpreadsheetCell.text(null)).isNull();
  }
}
