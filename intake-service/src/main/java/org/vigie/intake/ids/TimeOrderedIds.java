package org.vigie.intake.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the creation time in milliseconds in the first 48 bits, then 74 random
 * bits. Ids of rows written at a high rate (cases, events) then land at the end of their indexes
 * instead of on a random page of a large index: far fewer pages read and dirtied per insert. They are
 * as unguessable as random UUIDs for anyone who does not know the millisecond (74 random bits from
 * a SecureRandom) and reveal only when the row was created, which the row itself records.
 */
public final class TimeOrderedIds {
  private final Clock clock;
  private final SecureRandom random;

  public TimeOrderedIds(Clock clock) {
    this(clock, new SecureRandom());
  }

  TimeOrderedIds(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  public UUID next() {
    byte[] r = new byte[10];
    random.nextBytes(r);
    long randA = ((r[0] & 0xFFL) << 4 | (r[1] & 0xF0L) >>> 4) & 0xFFFL;
    long randB = 0;
    for (int i = 2; i < 10; i++) {
      randB = randB << 8 | (r[i] & 0xFFL);
    }
    long msb = (clock.millis() & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
    long lsb = 0x8000_0000_0000_0000L | randB & 0x3FFF_FFFF_FFFF_FFFFL;
    return new UUID(msb, lsb);
  }

  /** The creation time of a version 7 id, in milliseconds since the epoch. */
  public static long millis(UUID id) {
    return id.getMostSignificantBits() >>> 16;
  }
}
