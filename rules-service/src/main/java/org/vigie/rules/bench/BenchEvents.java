package org.vigie.rules.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SubmissionRecorded;

/**
 * A realistic mix of case events: each case opens, files its renewal, gets (or not) APIs, meets
 * ANEF blockages and CCC attempts, sometimes a decision; cases interleave as at a real help desk.
 */
final class BenchEvents {
  private static final BlockageKind[] BLOCKAGES = BlockageKind.values();

  private BenchEvents() {}

  static List<CaseEvent> generate(int cases, int events, long seed) {
    Random random = new Random(seed);
    List<List<CaseEvent>> perCase = new ArrayList<>(cases);
    int perCaseTarget = Math.max(1, events / cases);
    LocalDate base = LocalDate.of(2026, 6, 1);
    for (int c = 0; c < cases; c++) {
      String caseId = new UUID(seed, c).toString();
      String association = "asso-" + (c % 50);
      List<CaseEvent> history = new ArrayList<>(perCaseTarget);
      LocalDate expiry = base.plusDays(random.nextInt(400) - 150);
      LocalDate day = expiry.minusDays(150);
      history.add(event(caseId, association, day, CaseOpened.newBuilder()
          .setPermitKind(PermitKind.values()[random.nextInt(5)]).setPermitExpiresOn(expiry)
          .setProcedure(Procedure.RENEWAL).setDepartment(String.valueOf(10 + random.nextInt(80)))
          .setAssignedVolunteerId("vol-" + (c % 500)).setEmployed(random.nextBoolean())
          .setReceivesBenefits(random.nextInt(3) == 0).setBenefitKinds(List.of(BenefitKind.CAF)).build(), random));
      while (history.size() < perCaseTarget) {
        day = day.plusDays(1 + random.nextInt(20));
        int kind = random.nextInt(10);
        Object payload = switch (kind) {
          case 0 -> new SubmissionRecorded(Procedure.RENEWAL, true, random.nextInt(10) > 0);
          case 1, 2 -> new ApiIssued(day.plusDays(90));
          case 3, 4 -> new BlockageReported(BLOCKAGES[random.nextInt(BLOCKAGES.length)], null);
          case 5 -> new BlockageResolved(BLOCKAGES[random.nextInt(BLOCKAGES.length)]);
          case 6, 7, 8 -> new CccContactAttempted(CccChannel.values()[random.nextInt(3)],
              CccOutcome.values()[random.nextInt(4)], random.nextInt(120));
          default -> new DecisionReceived(Decision.values()[random.nextInt(3)], day.plusYears(2), null, null, null);
        };
        history.add(event(caseId, association, day, payload, random));
      }
      perCase.add(history);
    }
    List<CaseEvent> all = new ArrayList<>(cases * perCaseTarget);
    int[] next = new int[cases];
    int remaining = cases * perCaseTarget;
    int cursor = 0;
    while (remaining > 0) {
      cursor = (cursor + 1 + random.nextInt(7)) % cases;
      while (next[cursor] >= perCase.get(cursor).size()) {
        cursor = (cursor + 1) % cases;
      }
      all.add(perCase.get(cursor).get(next[cursor]++));
      remaining--;
    }
    return all;
  }

  private static CaseEvent event(String caseId, String association, LocalDate on, Object payload, Random random) {
    return CaseEvent.newBuilder().setEventId(new UUID(random.nextLong(), random.nextLong()).toString())
        .setCaseId(caseId).setAssociationId(association).setOccurredOn(on)
        .setRecordedAt(Instant.parse("2026-06-01T08:00:00Z")).setRecordedBy("vol-1").setSchemaVersion(2)
        .setSource(EventSource.API).setPayload(payload).build();
  }
}
