package org.vigie.intake.http;

/** A text users read, in French and in English. */
public record Detail(String fr, String en) {
  public Detail {
    if (fr == null || en == null) {
      throw new IllegalArgumentException("a detail needs its French and its English text");
    }
  }

  public String in(Language language) {
    return language == Language.EN ? en : fr;
  }

  /** Both texts with {@code from} replaced by {@code to} (a field name quoted in them, say). */
  public Detail replace(String from, String to) {
    return new Detail(fr.replace(from, to), en.replace(from, to));
  }
}
