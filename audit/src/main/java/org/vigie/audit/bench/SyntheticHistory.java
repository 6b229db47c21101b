package org.vigie.audit.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.EventSource;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/**
 * Seeded, plausible case histories for tests and benchmarks: a case opens, its permit expires, a
 * renewal is filed (or not), ANEF blocks, the CCC does not answer, APIs are issued or not, a
 * decision comes (or not), half the refusals are contested. Events are recorded the day they occur or up to two weeks later, and a
 * case's events are returned in recording order, as intake would append them. Ids are drawn from
 * the seed, so the same seed gives the same log. Optionally a share of the events is later found
 * recorded in error and corrected: replaced (another date or content of the same kind) two times in
 * three, withdrawn otherwise (an opening is always replaced); a correction may itself be corrected.
 */
public final class SyntheticHistory {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String[] DEPARTMENTS = {"93", "75", "94", "92", "13", "69", "59", "33", "31", "67"};
  private static final BlockageKind[] BLOCKAGES = BlockageKind.values();
  private static final AppealKind[] APPEALS = {AppealKind.COURT_APPEAL, AppealKind.SUSPENSION_REFERRAL,
      AppealKind.ADMINISTRATIVE_APPEAL};
  private final Random random;
  private final LocalDate start;
  private final int days;
  private final int meanEvents;
  private final int correctionPercent;

  /**
   * @param start first day a case can open
   * @param days length of the period cases open in (their events may run later)
   * @param meanEvents the average number of events per case (at least 4)
   */
  public SyntheticHistory(long seed, LocalDate start, int days, int meanEvents) {
    this(seed, start, days, meanEvents, 0);
  }

  /**
   * @param correctionPercent the share of events (0 to 50 percent) corrected later, corrections included;
   *     with 0 the log is the same as without corrections
   */
  public SyntheticHistory(long seed, LocalDate start, int days, int meanEvents, int correctionPercent) {
    if (correctionPercent < 0 || correctionPercent > 50) {
      throw new IllegalArgumentException("correctionPercent must be between 0 and 50");
    }
    this.random = new Random(seed);
    this.start = start;
    this.days = days;
    this.meanEvents = Math.max(4, meanEvents);
    this.correctionPercent = correctionPercent;
  }

  /** The next case of {@code associationId}, its events in recording order. */
  public List<CaseEvent> nextCase(String associationId) {
    String caseId = uuid();
    String volunteer = "vol-" + random.nextInt(50);
    List<CaseEvent> events = new ArrayList<>();
    LocalDate opened = start.plusDays(random.nextInt(days));
    LocalDate expiry = opened.plusDays(random.nextInt(240) - 30);
    boolean employed = random.nextInt(3) > 0;
    events.add(event(caseId, associationId, volunteer, opened, CaseOpened.newBuilder()
        .setPermitKind(pick(new PermitKind[] {PermitKind.CARTE_TEMPORAIRE, PermitKind.CARTE_PLURIANNUELLE,
            PermitKind.CARTE_RESIDENT, PermitKind.VLS_TS}))
        .setPermitExpiresOn(expiry).setProcedure(Procedure.RENEWAL).setDepartment(pick(DEPARTMENTS))
        .setAssignedVolunteerId(volunteer).setEmployed(employed).setReceivesBenefits(random.nextBoolean()).build()));
    int budget = Math.max(3, meanEvents - 3 + random.nextInt(7)) - 1;
    LocalDate submitted = null;
    if (random.nextInt(10) < 8 && budget-- > 0) {
      submitted = max(opened, expiry.minusDays(random.nextInt(150)));
      events.add(event(caseId, associationId, volunteer, submitted, SubmissionRecorded.newBuilder()
          .setProcedure(Procedure.RENEWAL).setComplete(random.nextInt(5) > 0)
          .setReceiptMentionsAppealRoutes(random.nextInt(5) > 0).build()));
    }
    LocalDate decided = null;
    if (submitted != null && random.nextInt(3) == 0 && budget-- > 0) {
      decided = submitted.plusDays(30 + random.nextInt(300));
      Decision decision = pick(Decision.values());
      events.add(event(caseId, associationId, volunteer, decided, DecisionReceived.newBuilder()
          .setDecision(decision).setNewPermitExpiresOn(decided.plusYears(1)).build()));
      if (decision != Decision.GRANTED && random.nextBoolean() && budget-- > 0) {
        // half the refusals contested: before the court (ending the time to appeal) or at the prefecture
        events.add(event(caseId, associationId, volunteer, decided.plusDays(1 + random.nextInt(25)),
            SituationUpdated.newBuilder().setAppeal(pick(APPEALS)).build()));
      }
    }
    LocalDate end = decided != null ? decided : opened.plusDays(400);
    while (budget-- > 0) {
      LocalDate on = opened.plusDays(random.nextInt((int) Math.max(1, end.toEpochDay() - opened.toEpochDay())));
      events.add(event(caseId, associationId, volunteer, on, randomPayload(on, submitted != null)));
    }
    if (random.nextInt(20) == 0) {
      events.add(event(caseId, associationId, volunteer, end.plusDays(1 + random.nextInt(30)),
          random.nextInt(4) == 0 ? CaseErased.newBuilder().build() : CaseClosed.newBuilder().build()));
    }
    if (random.nextInt(10) == 0) {
      // handed over to another volunteer of the association
      LocalDate on = opened.plusDays(random.nextInt((int) Math.max(1, end.toEpochDay() - opened.toEpochDay())));
      events.add(event(caseId, associationId, volunteer, on, new VolunteerAssigned("vol-" + random.nextInt(50))));
    }
    if (correctionPercent > 0) {
      // a correction appended here may be corrected in turn, further down the same loop
      for (int i = 0; i < events.size(); i++) {
        CaseEvent original = events.get(i);
        // as intake: neither an erasure nor an assignment is corrected
        if (!(original.getPayload() instanceof CaseErased) && !(original.getPayload() instanceof VolunteerAssigned)
            && random.nextInt(100) < correctionPercent) {
          events.add(correction(original));
        }
      }
    }
    events.sort(Comparator.comparing(CaseEvent::getRecordedAt).thenComparing(CaseEvent::getEventId));
    return events;
  }

  /** An event correcting {@code original}, recorded up to three weeks after it. */
  private CaseEvent correction(CaseEvent original) {
    // as intake: an opening is replaced, never withdrawn
    boolean withdraws = random.nextInt(3) == 0 && !(original.getPayload() instanceof CaseOpened);
    LocalDate on = withdraws ? original.getOccurredOn() : original.getOccurredOn().plusDays(random.nextInt(21) - 10);
    Object payload = withdraws ? original.getPayload() : corrected(original.getPayload(), on);
    Instant recorded = original.getRecordedAt().plus(Duration.ofMinutes(1 + random.nextInt(21 * 24 * 60)));
    return CaseEvent.newBuilder(event(original.getCaseId(), original.getAssociationId(), original.getRecordedBy(), on,
            payload, recorded))
        .setSchemaVersion(3)
        .setCorrection(new Correction(original.getEventId(), withdraws ? CorrectionKind.WITHDRAWS : CorrectionKind.REPLACES))
        .build();
  }

  /** Another content of the same kind as {@code payload}, as the volunteer meant to record it. */
  private Object corrected(Object payload, LocalDate on) {
    if (payload instanceof CaseOpened opened) {
      return CaseOpened.newBuilder(opened).setDepartment(pick(DEPARTMENTS)).setAssignedVolunteerId(null).build();
    }
    if (payload instanceof SubmissionRecorded submission) {
      return SubmissionRecorded.newBuilder(submission).setComplete(!submission.getComplete()).build();
    }
    if (payload instanceof DecisionReceived) {
      return DecisionReceived.newBuilder().setDecision(pick(Decision.values())).setNewPermitExpiresOn(on.plusYears(1)).build();
    }
    if (payload instanceof CaseClosed) {
      return payload;
    }
    if (payload instanceof SituationUpdated situation && situation.getAppeal() != null) {
      return SituationUpdated.newBuilder().setAppeal(pick(APPEALS)).build(); // as intake: an appeal replaced by an appeal
    }
    Object other;
    do {
      other = randomPayload(on, true);
    } while (other.getClass() != payload.getClass());
    return other;
  }

  private Object randomPayload(LocalDate on, boolean submitted) {
    int what = random.nextInt(submitted ? 10 : 7);
    return switch (what) {
      case 0, 1 -> BlockageReported.newBuilder().setBlockage(pick(BLOCKAGES)).build();
      case 2 -> BlockageResolved.newBuilder().setBlockage(pick(BLOCKAGES)).build();
      case 3, 4 -> CccContactAttempted.newBuilder().setChannel(pick(CccChannel.values()))
          .setOutcome(pick(CccOutcome.values())).setWaitMinutes(random.nextInt(120)).build();
      case 5 -> SituationUpdated.newBuilder().setEmployed(random.nextBoolean()).build();
      case 6 -> EmployerRefusedApi.newBuilder().build();
      case 7, 8 -> ApiIssued.newBuilder().setValidUntil(on.plusDays(30 + random.nextInt(61))).build();
      default -> ApiExpiryRecorded.newBuilder().build();
    };
  }

  private CaseEvent event(String caseId, String associationId, String volunteer, LocalDate on, Object payload) {
    int lag = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(14);
    Instant recorded = on.plusDays(lag).atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60), random.nextInt(60)))
        .atZone(PARIS).toInstant();
    return event(caseId, associationId, volunteer, on, payload, recorded);
  }

  private CaseEvent event(String caseId, String associationId, String volunteer, LocalDate on, Object payload,
      Instant recorded) {
    return CaseEvent.newBuilder().setEventId(uuid()).setCaseId(caseId).setAssociationId(associationId)
        .setOccurredOn(on).setRecordedAt(recorded).setRecordedBy(volunteer).setSchemaVersion(2)
        .setPayload(payload).setSource(EventSource.API).build();
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
