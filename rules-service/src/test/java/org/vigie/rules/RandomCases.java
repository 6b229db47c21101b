package org.vigie.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.PermitKind;

/** Seeded random event histories of one case, around a permit expiry, with every event kind (a hand-over too). */
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
        case 8 -> {
          int which = random.nextInt(3);
          events.add(which == 0 ? e.employerRefusal(on)
              : which == 1 ? e.situation(on, random.nextBoolean() ? null : random.nextBoolean(), random.nextBoolean())
              : e.appeal(on, pick(AppealKind.values())));
        }
        case 9 -> {
          int which = random.nextInt(4);
          // a refusal with the last day to contest it, as the decision states it; an OQTF with its terms
          CaseEvent decision = which == 0
              ? e.refusal(on, random.nextBoolean() ? Decision.REFUSED : Decision.REFUSED_WITH_OQTF, on.plusDays(2 + random.nextInt(60)))
              : which == 1 ? e.oqtf(on, pick(org.vigie.schemas.OqtfTerms.values()))
              : e.decision(on, pick(Decision.values()), on.plusYears(1 + random.nextInt(3)));
          // often recorded days or weeks after it was received, sometimes after its time to contest ended
          events.add(random.nextBoolean() ? Events.recordedOn(on.plusDays(random.nextInt(90)), decision) : decision);
        }
        case 10 -> events.add(e.closed(on));
        default -> events.add(e.erased(on));
      }
    }
    if (random.nextInt(3) == 0) {
      // handed over to another volunteer, at any point of the history
      events.add(e.volunteer(around(expiry, 150), "vol-" + (2 + random.nextInt(2))));
    }
    addCorrections(e, events);
    events.sort((a, b) -> a.getOccurredOn().compareTo(b.getOccurredOn()));
    return targetsFirst(events);
  }

  /**
   * {@code events} with every correction moved after the event it corrects, the one constraint on a
   * recording order: intake records a correction only of an event it already holds.
   */
  public static List<CaseEvent> targetsFirst(List<CaseEvent> events) {
    List<CaseEvent> ordered = new ArrayList<>(events);
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int i = 0; i < ordered.size() && !moved; i++) {
        CaseEvent c = ordered.get(i);
        if (c.getCorrection() == null) {
          continue;
        }
        int target = lastIndexOf(ordered, c.getCorrection().getEventId());
        if (target > i) {
          ordered.remove(i);
          ordered.add(target, c);
          moved = true;
        }
      }
    }
    return ordered;
  }

  private static int lastIndexOf(List<CaseEvent> events, String eventId) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).getEventId().equals(eventId)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Up to two corrections of earlier events, as intake allows them: any event but an assignment or
   * an erasure can be replaced (by the same content on another day, or another API validity), any
   * but the opening can be withdrawn; a correction can itself be corrected.
   */
  private void addCorrections(Events e, List<CaseEvent> events) {
    int corrections = random.nextInt(3);
    for (int i = 0; i < corrections; i++) {
      CaseEvent target = events.get(random.nextInt(events.size()));
      Object payload = target.getPayload();
      if (payload instanceof org.vigie.schemas.VolunteerAssigned || payload instanceof org.vigie.schemas.CaseErased) {
        continue;
      }
      if (random.nextBoolean() || payload instanceof org.vigie.schemas.CaseOpened) {
        LocalDate on = around(target.getOccurredOn(), 20);
        Object corrected = payload instanceof org.vigie.schemas.ApiIssued
            ? new org.vigie.schemas.ApiIssued(on.plusDays(30 + random.nextInt(61))) : payload;
        events.add(e.replacing(target, on, corrected));
      } else {
        events.add(e.withdrawing(target));
      }
    }
  }

  /** A day in the case's interesting range. */
  public LocalDate someDay() {
    return around(BASE.plusDays(150), 400);
  }
}
