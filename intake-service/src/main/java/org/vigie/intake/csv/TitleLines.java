package org.vigie.intake.csv;

/**
 * The lines a spreadsheet has above its table (a title, "Suivi des dossiers 2026", a note, an empty row):
 * the header is the first of its first ten lines naming at least two known columns, and the lines above
 * it are left out, each line below keeping its number in the file.
 */
public final class TitleLines {
  private static final int LOOKED_AT = 10;

  private TitleLines() {}

  /** How many lines come before the header; 0 when none of the first lines names two known columns. */
  public static int before(String text) {
    int index = 0;
    for (String line : text.lines().limit(LOOKED_AT).toList()) {
      if (knownColumns(line) >= 2) {
        return index;
      }
      index++;
    }
    return 0;
  }

  /** The text from its line {@code lines} on (0: all of it). */
  public static String dropped(String text, int lines) {
    int at = 0;
    for (int i = 0; i < lines; i++) {
      int next = text.indexOf('\n', at);
      if (next < 0) {
        return "";
      }
      at = next + 1;
    }
    return text.substring(at);
  }

  private static long knownColumns(String line) {
    return java.util.Arrays.stream(line.split("[;,]")).map(c -> c.replace("\"", "").strip())
        .filter(c -> !c.isEmpty() && CsvColumns.match(c).isPresent()).count();
  }
}
