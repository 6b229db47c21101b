package org.vigie.schemas.wording;

import java.util.Locale;

/**
 * A short, non-identifying reference of a case for humans: the last 8 hexadecimal digits of its
 * pseudonymous id. Not the first: intake's case ids are time-ordered (UUID version 7), so the first
 * digits are the creation time and every case opened within the same minute or so would share them.
 * E-mails, the volunteers' page and the exported case list show the same reference.
 */
public final class CaseReference {
  private CaseReference() {}

  public static String of(String caseId) {
    String compact = caseId.replace("-", "");
    return compact.substring(Math.max(0, compact.length() - 8)).toUpperCase(Locale.ROOT);
  }
}
