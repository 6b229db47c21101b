package org.vigie.audit.timeline;

import com.ibm.icu.text.Transliterator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A minimal flowing layout on A4 pages: wrapped text lines and table rows, a new page when the
 * current one is full (with a callback to repeat headers). The text is in DejaVu Sans, embedded (only the
 * characters used): the people's names keep their letters in Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew or
 * Arabic script, Arabic letters joined and a right-to-left run laid out right to left ({@link RightToLeft}); the
 * letters of a script the font lacks (Chinese, Japanese, Korean, the Indian scripts, Ethiopic, Thai) are written in
 * Latin letters, as ICU transliterates them ({@link #transliterated}); another character it lacks is one '?'.
 */
public final class PdfLayout implements AutoCloseable {
  public static final float MARGIN = 50;
  public static final float TOP = PDRectangle.A4.getHeight() - 72;
  public static final float BOTTOM = 60;
  public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  public final PDFont regular;
  public final PDFont bold;
  private final PDDocument document;
  private final Runnable onNewPage;
  private final Map<PDFont, Map<Integer, Boolean>> encodable = new HashMap<>();
  /** The runs of characters the font lacks, as {@link #flushMissing} writes them in Latin letters. */
  private final Map<String, String> inLatin = new HashMap<>();
  private Transliterator latin;
  private boolean transliterated;
  private PDPageContentStream content;
  private float y;

  public PdfLayout(PDDocument document, Runnable onNewPage) throws IOException {
    this.document = document;
    this.onNewPage = onNewPage;
    this.regular = PDType0Font.load(document, new ByteArrayInputStream(PdfFonts.REGULAR));
    this.bold = PDType0Font.load(document, new ByteArrayInputStream(PdfFonts.BOLD));
  }

  PDDocument document() {
    return document;
  }

  public void newPage() throws IOException {
    closeContent();
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = TOP;
    onNewPage.run();
  }

  /** Starts a new page unless {@code height} points still fit on this one. */
  public void ensureRoom(float height) throws IOException {
    if (content == null || y - height < BOTTOM) {
      newPage();
    }
  }

  public void skip(float points) {
    y -= points;
  }

  /** A paragraph wrapped to the full width. */
  public void paragraph(String text, PDFont font, float size) throws IOException {
    for (String line : wrap(text, font, size, WIDTH)) {
      ensureRoom(size * 1.35f);
      y -= size * 1.35f;
      text(MARGIN, y, line, font, size);
    }
  }

  /** A table row: each cell wrapped to its column; the row never splits across pages. */
  public void row(float[] widths, String[] cells, PDFont font, float size, boolean rule) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> wrapped = wrap(cells[i], font, size, widths[i] - 6);
      lines.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    float leading = size * 1.3f;
    ensureRoom(height * leading + 6);
    float x = MARGIN;
    for (int i = 0; i < cells.length; i++) {
      float ly = y;
      for (String line : lines.get(i)) {
        ly -= leading;
        text(x, ly, line, font, size);
      }
      x += widths[i];
    }
    y -= height * leading + 4;
    if (rule) {
      line(MARGIN, y, MARGIN + WIDTH, y, 0.8f);
    }
    y -= 2;
  }

  void text(float x, float baseline, String text, PDFont font, float size) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(RightToLeft.visual(safe(text, font)));
    content.endText();
  }

  void line(float x1, float y1, float x2, float y2, float gray) throws IOException {
    content.setStrokingColor(gray, gray, gray);
    content.setLineWidth(0.5f);
    content.moveTo(x1, y1);
    content.lineTo(x2, y2);
    content.stroke();
    content.setStrokingColor(0f, 0f, 0f);
  }

  float width(String text, PDFont font, float size) throws IOException {
    return shownWidth(safe(text, font), font, size);
  }

  /** The width of a text already as the font shows it ({@link #safe}): not shaped and checked again. */
  private static float shownWidth(String shown, PDFont font, float size) throws IOException {
    return font.getStringWidth(shown) / 1000 * size;
  }

  List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : safe(text, font).split(" ")) {
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (shownWidth(candidate, font, size) <= maxWidth) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (!current.isEmpty()) {
        lines.add(current.toString());
        current.setLength(0);
      }
      // A word longer than the column (an id) is cut where it must be.
      String rest = word;
      while (shownWidth(rest, font, size) > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && shownWidth(rest.substring(0, cut), font, size) > maxWidth) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      current.append(rest);
    }
    if (!current.isEmpty() || lines.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  /**
   * The text as the font can show it: Arabic letters joined ({@link RightToLeft#shaped}), a joined form the font
   * lacks drawn as its letter alone, a run of letters it lacks written in Latin letters ({@link #inLatin}: a
   * Chinese, Korean, Tamil or Tigrinya name keeps its sound rather than becoming question marks), any other
   * character it lacks as one '?' (an emoji included).
   */
  private String safe(String text, PDFont font) {
    StringBuilder out = new StringBuilder(text.length());
    StringBuilder missing = new StringBuilder();
    RightToLeft.shaped(text).codePoints().forEach(c -> {
      int ch = Character.isWhitespace(c) ? ' ' : c;
      if (shows(font, ch)) {
        flushMissing(missing, out, font);
        out.appendCodePoint(ch);
      } else if (isPresentationForm(ch)) {
        flushMissing(missing, out, font);
        Normalizer.normalize(new String(Character.toChars(ch)), Normalizer.Form.NFKC).codePoints()
            .forEach(letter -> out.appendCodePoint(shows(font, letter) ? letter : '?'));
      } else {
        missing.appendCodePoint(ch);
      }
    });
    flushMissing(missing, out, font);
    return out.toString();
  }

  /** Appends a run of characters the font lacks as {@link #inLatin} writes it, or one '?' each; empties the run. */
  private void flushMissing(StringBuilder missing, StringBuilder out, PDFont font) {
    if (missing.isEmpty()) {
      return;
    }
    String run = missing.toString();
    missing.setLength(0);
    String latin = inLatin.computeIfAbsent(run, r -> transliterator().transliterate(r));
    if (latin.equals(run)) {
      run.codePoints().forEach(c -> out.append('?')); // no Latin spelling (an emoji, a script ICU does not write)
      return;
    }
    transliterated = true;
    latin.codePoints().forEach(c -> {
      if (shows(font, c)) {
        out.appendCodePoint(c);
      } else {
        // an accented letter the font lacks: its letter and the marks the font has, else '?'
        String decomposed = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        out.appendCodePoint(shows(font, base) ? base : '?');
        decomposed.codePoints().skip(1).filter(mark -> shows(font, mark)).forEach(out::appendCodePoint);
      }
    });
  }

  /** ICU's transliteration of any script into Latin letters, each word capitalised, made when first needed. */
  private Transliterator transliterator() {
    if (latin == null) {
      latin = Transliterator.getInstance("Any-Latin; Title");
    }
    return latin;
  }

  /** Whether some text was written in Latin letters because the font lacks its script ({@link #safe}). */
  public boolean transliterated() {
    return transliterated;
  }

  private boolean shows(PDFont font, int c) {
    return encodable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(c, k -> canEncode(font, k));
  }

  /** Arabic Presentation Forms-A and -B, the joined letters {@link RightToLeft#shaped} writes. */
  private static boolean isPresentationForm(int c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
  }

  private static boolean canEncode(PDFont font, int c) {
    try {
      font.encode(new String(Character.toChars(c)));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private void closeContent() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeContent();
  }
}
