package org.vigie.intake.http;

import java.util.List;
import java.util.Locale;

/**
 * The language of the texts a caller reads (problem details, import reports): French unless the
 * caller's {@code Accept-Language} prefers English to French.
 */
public enum Language {
  FR("fr"),
  EN("en");

  private static final List<String> OFFERED = List.of("fr", "en");
  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  /** The best of French and English for an {@code Accept-Language} header; French when absent, malformed or neither. */
  public static Language negotiate(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return FR;
    }
    try {
      String best = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), OFFERED);
      return "en".equals(best) ? EN : FR;
    } catch (IllegalArgumentException malformed) {
      return FR;
    }
  }
}
