package org.vigie.audit.letters;

import java.time.LocalDate;
import java.util.List;
import org.vigie.schemas.wording.LetterKind;

/**
 * A draft, in French (its readers are French administrations, employers and courts): to whom, its
 * subject, and its paragraphs; a paragraph starting with {@link #BULLET} is an item of a list. What the
 * volunteer must still fill in is written between square brackets and listed in {@code toComplete}.
 */
public record Letter(LetterKind kind, String reference, LocalDate writtenOn, String recipient, String subject,
    List<String> paragraphs, List<String> toComplete) {
  public static final String BULLET = "– ";

  public Letter {
    paragraphs = List.copyOf(paragraphs);
    toComplete = List.copyOf(toComplete);
  }

  /** The draft as plain text, to paste into a web form or an e-mail. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Objet : ").append(subject).append("\n\n");
    String previous = null;
    for (String p : paragraphs) {
      boolean item = p.startsWith(BULLET);
      if (previous != null) {
        out.append(item && previous.startsWith(BULLET) ? "\n" : "\n\n");
      }
      out.append(p);
      previous = p;
    }
    return out.append('\n').toString();
  }
}
