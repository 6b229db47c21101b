package org.vigie.schemas.wording;

/**
 * A text put in a CSV file that spreadsheet software opens. A cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is read as a formula: a name typed as {@code =HYPERLINK(…)} would become a
 * link on the coordinator's screen. Such a text gets a leading apostrophe, which spreadsheets take as "this is
 * text"; any other text is left as it is. For the texts people type freely (names): a phone number, whose
 * characters are checked, keeps its {@code +33}.
 */
public final class SpreadsheetCell {
  private SpreadsheetCell() {}

  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
      default -> value;
    };
  }
}
