package org.vigie.audit.timeline;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Text as a PDF draws it, glyph after glyph from left to right, which neither joins letters nor reorders them.
 * {@link #shaped}: Arabic letters in the form their place in the word gives them (initial, medial, final or
 * isolated, lām-alif as its ligature), as they are written, rather than each drawn apart. {@link #visual}: the runs
 * written right to left (a name in Arabic or Hebrew within a French sentence) reversed, their paired punctuation
 * mirrored (an opening parenthesis in a right-to-left run is drawn as ')' on its right side), the runs in visual
 * order (Unicode's bidirectional algorithm, the line's base direction left to right). A line with nothing right to
 * left is returned as it is by both.
 */
final class RightToLeft {
  private static final int LETTERS = ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK
      | ArabicShaping.TEXT_DIRECTION_LOGICAL;

  private RightToLeft() {}

  /** The text, in logical order, with its Arabic letters in their joined forms (Unicode's presentation forms). */
  static String shaped(String text) {
    if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
      return text;
    }
    try {
      return new ArabicShaping(LETTERS).shape(text);
    } catch (ArabicShapingException e) {
      return text; // not raised with LENGTH_GROW_SHRINK; the letters drawn apart rather than nothing
    }
  }

  /** The line in the order it is drawn, left to right. */
  static String visual(String line) {
    if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
      return line;
    }
    Bidi bidi = new Bidi(line, Bidi.LTR);
    return bidi.writeReordered(Bidi.DO_MIRRORING);
  }
}
