package org.vigie.schemas.wording;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The event model's codes in words, in one language (codes_fr.properties, codes_en.properties beside
 * this class): BlockageKind.ACCOUNT_LOCKED is "compte bloqué" / "account locked", RuleId.EMPLOYMENT_AT_RISK
 * "emploi menacé" / "employment at risk". One wording for what users read: the rules' alert texts, the
 * notifier's e-mails and the timelines.
 */
public final class CodeWording {
  public static final CodeWording FRENCH = new CodeWording(Locale.FRENCH);
  public static final CodeWording ENGLISH = new CodeWording(Locale.ENGLISH);

  private final ResourceBundle words;

  private CodeWording(Locale locale) {
    this.words = ResourceBundle.getBundle(CodeWording.class.getPackageName() + ".codes", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The code in words; its name when it has none. */
  public String of(Enum<?> code) {
    String key = key(code);
    return words.containsKey(key) ? words.getString(key) : code.name();
  }

  /** Whether this language has words for {@code code} (a test checks that every code has). */
  public boolean has(Enum<?> code) {
    return words.containsKey(key(code));
  }

  private static String key(Enum<?> code) {
    return code.getDeclaringClass().getSimpleName() + "." + code.name();
  }
}
