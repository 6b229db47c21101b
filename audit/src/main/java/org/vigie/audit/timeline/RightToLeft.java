package org.vigie.audit.timeline;

import java.text.Bidi;

/**
 * A line of text in the order it is drawn, left to right: the runs written right to left (a name in Arabic or
 * Hebrew within a French sentence) reversed, the runs in visual order (Unicode bidirectional algorithm, the
 * line's base direction left to right). A line with nothing right to left is returned as it is.
 */
final class RightToLeft {
  private RightToLeft() {}

  static String visual(String line) {
    char[] chars = line.toCharArray();
    if (!Bidi.requiresBidi(chars, 0, chars.length)) {
      return line;
    }
    Bidi bidi = new Bidi(line, Bidi.DIRECTION_LEFT_TO_RIGHT);
    int runs = bidi.getRunCount();
    byte[] levels = new byte[runs];
    String[] texts = new String[runs];
    for (int i = 0; i < runs; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
      texts[i] = levels[i] % 2 == 1 ? new StringBuilder(run).reverse().toString() : run;
    }
    Bidi.reorderVisually(levels, 0, texts, 0, runs);
    return String.join("", texts);
  }
}
