package org.vigie.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.UUID;
import org.vigie.schemas.RuleId;

/**
 * Deterministic alert ids: the same case, rule and episode start (and count of the alerts of that rule and start
 * resolved on the case before) always give the same id, so a replay does too. The id is
 * {@link UUID#nameUUIDFromBytes} of "case|RULE|episodeStart" (an MD5 name-based UUID), computed from a cloned
 * digest: looking the algorithm up on every alert cost more than the digest itself.
 */
public final class AlertIds {
  private static final MessageDigest MD5 = md5();

  private AlertIds() {}

  public static String of(String caseId, RuleId rule, LocalDate episodeStart) {
    return of(caseId, rule, episodeStart, 0);
  }

  /**
   * The id of an alert of {@code rule} and {@code episodeStart} raised on the case after {@code resolvedBefore}
   * alerts of that rule and start were resolved there: "case|RULE|episodeStart|n" for n &gt; 0, so that a condition
   * that comes back after its alert was resolved, even with the same episode start, is a new alert; the first one's
   * id is as before.
   */
  public static String of(String caseId, RuleId rule, LocalDate episodeStart, int resolvedBefore) {
    String name = caseId + "|" + rule.name() + "|" + episodeStart + (resolvedBefore == 0 ? "" : "|" + resolvedBefore);
    byte[] md5 = digest().digest(name.getBytes(StandardCharsets.UTF_8));
    md5[6] &= 0x0f; // version 3, name-based with MD5
    md5[6] |= 0x30;
    md5[8] &= 0x3f; // IETF variant
    md5[8] |= (byte) 0x80;
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (md5[i] & 0xff);
    }
    for (int i = 8; i < 16; i++) {
      lsb = (lsb << 8) | (md5[i] & 0xff);
    }
    return new UUID(msb, lsb).toString();
  }

  /** A fresh digest: the shared prototype is never used itself, only cloned. */
  private static MessageDigest digest() {
    try {
      return (MessageDigest) MD5.clone();
    } catch (CloneNotSupportedException e) {
      return md5();
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
