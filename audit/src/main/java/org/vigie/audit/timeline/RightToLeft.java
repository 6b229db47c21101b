package org.vigie.audit.timeline;

import java.text.Bidi;

/**
 * A line of text in the order it is drawn, left to right: the runs written right to left (a name in Arabic or
 * Hebrew within a French sentence) reversed, their paired punctuation mirrored (an opening parenthesis in a
 * right-to-left run is drawn as ')' on its right side, Unicode's Bidi_Mirrored property), the runs in visual order
 * (Unicode bidirectional algorithm, the line's base direction left to right). A line with nothing right to left is
 * returned as it is.
 */
final class RightToLeft {
  /** Pairs of characters each drawn as the other in a right-to-left run (the ones names and notes use). */
  private static final String MIRRORED = "()[]{}<>«»‹›";

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
      texts[i] = levels[i] % 2 == 1 ? mirrored(new StringBuilder(run).reverse()) : run;
    }
    Bidi.reorderVisually(levels, 0, texts, 0, runs);
    return String.join("", texts);
  }

  /** The characters of a reversed right-to-left run, each paired one replaced by its mirror image. */
  private static String mirrored(StringBuilder reversed) {
    for (int i = 0; i < reversed.length(); i++) {
      int at = MIRRORED.indexOf(reversed.charAt(i));
      if (at >= 0) {
        reversed.setCharAt(i, MIRRORED.charAt(at ^ 1));
      }
    }
    return reversed.toString();
  }
}
