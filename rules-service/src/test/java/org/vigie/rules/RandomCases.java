package org.vigie.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.PermitKind;

/** Seeded random event histories of one case, around a permit expiry, with every event kind. */
public final class RandomCases {
  public static final LocalDate BASE = LocalDate.of(2026, 6, 1);
  private final Random random;

  public RandomCases(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  private LocalDate around(LocalDate date, int spread) {
    return date.plusDays(random.nextInt(2 * spread + 1) - spread);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A history in occurredOn order; {@code closable} allows closing/erasing events. */
  public List<CaseEvent> history(String caseId, boolean closable) {
    Events e = new Events(caseId);
    List<CaseEvent> events = new ArrayList<>();
    LocalDate expiry = around(BASE.plusDays(150), 120);
    PermitKind kind = pick(new PermitKind[] {PermitKind.CARTE_TEMPORAIRE, PermitKind.CARTE_PLURIANNUELLE,
        PermitKind.CARTE_RESIDENT, PermitKind.VLS_TS});
    events.add(e.opened(around(BASE, 30), kind, expiry, random.nextBoolean(), random.nextBoolean()));
    int count = random.nextInt(10);
    BlockageKind[] blockages = {BlockageKind.ACCOUNT_LOCKED, BlockageKind.CANNOT_SUBMIT, BlockageKind.API_NOT_RENEWED};
    for (int i = 0; i < count; i++) {
      int what = random.nextInt(closable ? 12 : 10);
      LocalDate on = around(expiry, 150);
      switch (what) {
        case 0, 1 -> events.add(e.submission(on, random.nextInt(5) > 0, random.nextInt(5) > 0));
        case 2, 3 -> events.add(e.api(on, on.plusDays(30 + random.nextInt(61))));
        case 4 -> events.add(e.apiLapse(on));
        case 5 -> events.add(e.blockage(on, pick(blockages)));
        case 6 -> events.add(e.unblocked(on, pick(blockages)));
        case 7 -> {
          for (int k = 0; k < 1 + random.nextInt(3); k++) {
            events.add(e.ccc(on.plusDays(k * random.nextInt(20)), pick(CccOutcome.values())));
          }
        }
        case 8 -> events.add(random.nextBoolean() ? e.employerRefusal(on)
            : e.situation(on, random.nextBoolean() ? null : random.nextBoolean(), random.nextBoolean()));
        case 9 -> events.add(e.decision(on, pick(Decision.values()), on.plusYears(1 + random.nextInt(3))));
        case 10 -> events.add(e.closed(on));
        default -> events.add(e.erased(on));
      }
    }
    events.sort((a, b) -> a.getOccurredOn().compareTo(b.getOccurredOn()));
    return events;
  }

  /** A day in the case's interesting range. */
  public LocalDate someDay() {
    return around(BASE.plusDays(150), 400);
  }
}
