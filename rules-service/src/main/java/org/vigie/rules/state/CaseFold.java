package org.vigie.rules.state;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolutionFact;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;
import org.vigie.schemas.DatedFact;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.SituationFact;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionFact;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/**
 * Folds case events into a {@link CaseState}. The fold is idempotent (an event id already folded
 * changes nothing) and commutative (facts are kept sorted by occurredOn then eventId, and every
 * single-valued field keeps the value of its latest event by that same order), so events recorded
 * late or out of order give the same state as events recorded in order. Volunteers often record
 * last month's events today.
 *
 * <p>A correcting event ({@code CaseEvent.correction}) supersedes the earlier event it names: that
 * event's facts are removed, and it is never folded again should it arrive later. A replacement
 * then folds its own payload; a withdrawal folds nothing and is itself superseded. Either order of
 * arrival gives the same state. A volunteer assignment is not corrected this way (a new assignment
 * replaces it; {@link CaseEventCheck} refuses such corrections): the one a case opened with stays
 * when the opening is corrected, and a corrected opening assigns nobody.
 *
 * <p>Alert bookkeeping ({@code openAlerts}, {@code nextDueAt}) belongs to the processor and is kept
 * untouched. An erased case keeps no facts at all, whatever arrives after the erasure.
 *
 * <p>For speed the state given is updated in place (it is fresh from the store) and returned; pass
 * a copy to keep the original.
 */
public final class CaseFold {
  /** The zone of domain dates, in which a decision's recording day is counted. */
  public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final ZoneId zone;

  /** A fold counting recording days in Europe/Paris. */
  public CaseFold() {
    this(PARIS);
  }

  /** A fold counting recording days ({@code DecisionFact.recordedOn}) in {@code zone}. */
  public CaseFold(ZoneId zone) {
    this.zone = zone;
  }

  /** An empty state for a case seen for the first time. */
  public CaseState initial(String caseId, String associationId) {
    // The schema's defaults, spelled out: the builder resolves (and deep-copies) each default on every call.
    return new CaseState(caseId, associationId, null, null, PermitKind.OTHER, null, null, null, false, false,
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>(), null, null, false, new ArrayList<>(), null, null, null, null, new ArrayList<>(),
        new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), List.of());
  }

  public CaseState apply(CaseState current, CaseEvent event) {
    CaseState base = current != null ? current : initial(event.getCaseId(), event.getAssociationId());
    if (base.getErased()) {
      return base;
    }
    Fields next = new Fields(base);
    LocalDate on = event.getOccurredOn();
    String id = event.getEventId();
    Object payload = event.getPayload();
    if (base.getLastEventOn() == null || on.isAfter(base.getLastEventOn())) {
      next.setLastEventOn(on);
    }
    Correction correction = event.getCorrection();
    if (payload instanceof CaseOpened opened && correction == null && opened.getAssignedVolunteerId() != null) {
      // the assignment a case opened with stays whatever corrects the opening (which assigns nobody)
      assignVolunteer(base, next, id, on, opened.getAssignedVolunteerId());
    }
    if (base.getSupersededEventIds().contains(id)) {
      // corrected or withdrawn before it arrived, or a withdrawal delivered again: its facts are not
      // folded, but what it corrects stays corrected
      if (correction != null) {
        supersede(base, next, correction.getEventId());
      }
      return base;
    }
    if (correction != null) {
      supersede(base, next, correction.getEventId());
      if (correction.getKind() == CorrectionKind.WITHDRAWS) {
        next.setSupersededEventIds(withId(base.getSupersededEventIds(), id));
        return base;
      }
    }
    if (payload instanceof CaseOpened opened) {
      openCase(base, next, id, on, opened);
    } else if (payload instanceof VolunteerAssigned assigned) {
      assignVolunteer(base, next, id, on, assigned.getVolunteerId());
    } else if (payload instanceof SubmissionRecorded s) {
      next.setSubmissions(added(base.getSubmissions(), SubmissionFact::getEventId, id, FactOrder.SUBMISSIONS,
          () -> new SubmissionFact(id, on, s.getProcedure(), s.getComplete(), s.getReceiptMentionsAppealRoutes())));
    } else if (payload instanceof BlockageReported b) {
      List<BlockageFact> blockages = added(base.getBlockages(), BlockageFact::getEventId, id, FactOrder.BLOCKAGES,
          () -> new BlockageFact(id, b.getBlockage(), on, null));
      next.setBlockages(withResolutions(blockages, base.getBlockageResolutions()));
    } else if (payload instanceof BlockageResolved r) {
      List<BlockageResolutionFact> resolutions = added(base.getBlockageResolutions(),
          BlockageResolutionFact::getEventId, id, FactOrder.RESOLUTIONS,
          () -> new BlockageResolutionFact(id, r.getBlockage(), on));
      next.setBlockageResolutions(resolutions);
      next.setBlockages(withResolutions(base.getBlockages(), resolutions));
    } else if (payload instanceof ApiIssued api) {
      next.setApis(added(base.getApis(), ApiFact::getEventId, id, FactOrder.APIS,
          () -> new ApiFact(id, on, api.getValidUntil())));
    } else if (payload instanceof ApiExpiryRecorded) {
      next.setApiExpiries(added(base.getApiExpiries(), DatedFact::getEventId, id, FactOrder.DATED,
          () -> new DatedFact(id, on)));
    } else if (payload instanceof CccContactAttempted c) {
      next.setCccAttempts(added(base.getCccAttempts(), CccAttemptFact::getEventId, id, FactOrder.CCC_ATTEMPTS,
          () -> new CccAttemptFact(id, on, c.getChannel(), c.getOutcome())));
    } else if (payload instanceof EmployerRefusedApi) {
      next.setEmployerRefusals(added(base.getEmployerRefusals(), DatedFact::getEventId, id, FactOrder.DATED,
          () -> new DatedFact(id, on)));
    } else if (payload instanceof DecisionReceived d) {
      setDecisions(next, added(decisions(base), DecisionFact::getEventId, id, FactOrder.DECISIONS,
          () -> new DecisionFact(id, on, d.getDecision(), d.getNewPermitExpiresOn(), d.getNewPermitKind(),
              d.getAppealDeadline(), d.getOqtfTerms(), LocalDate.ofInstant(event.getRecordedAt(), zone))));
    } else if (payload instanceof SituationUpdated u) {
      addSituation(base, next, new SituationFact(id, on, u.getEmployed(), u.getReceivesBenefits(), u.getBenefitKinds(),
          u.getAppeal()));
    } else if (payload instanceof CaseClosed) {
      setClosures(next, added(closures(base), DatedFact::getEventId, id, FactOrder.DATED, () -> new DatedFact(id, on)));
    } else if (payload instanceof CaseErased) {
      return erased(base);
    } else {
      throw new IllegalArgumentException("Unknown case event payload: "
          + (payload == null ? "null" : payload.getClass().getName()));
    }
    return base;
  }

  /** In-place setters over the generated record, which has none. */
  private static final class Fields {
    private final CaseState state;

    Fields(CaseState state) {
      this.state = state;
    }

    private Fields set(String field, Object value) {
      state.put(field, value);
      return this;
    }

    Fields setLastEventOn(LocalDate v) { return set("lastEventOn", v); }
    Fields setSubmissions(List<SubmissionFact> v) { return set("submissions", v); }
    Fields setBlockages(List<BlockageFact> v) { return set("blockages", v); }
    Fields setBlockageResolutions(List<BlockageResolutionFact> v) { return set("blockageResolutions", v); }
    Fields setApis(List<ApiFact> v) { return set("apis", v); }
    Fields setApiExpiries(List<DatedFact> v) { return set("apiExpiries", v); }
    Fields setCccAttempts(List<CccAttemptFact> v) { return set("cccAttempts", v); }
    Fields setEmployerRefusals(List<DatedFact> v) { return set("employerRefusals", v); }
    Fields setDecision(DecisionFact v) { return set("decision", v); }
    Fields setClosed(DatedFact v) { return set("closed", v); }
    Fields setOpenedOn(LocalDate v) { return set("openedOn", v); }
    Fields setOpenedEventId(String v) { return set("openedEventId", v); }
    Fields setPermitKind(PermitKind v) { return set("permitKind", v); }
    Fields setPermitExpiresOn(LocalDate v) { return set("permitExpiresOn", v); }
    Fields setProcedure(org.vigie.schemas.Procedure v) { return set("procedure", v); }
    Fields setDepartment(String v) { return set("department", v); }
    Fields setAssignedVolunteerId(String v) { return set("assignedVolunteerId", v); }
    Fields setVolunteerAssignment(DatedFact v) { return set("volunteerAssignment", v); }
    Fields setSituations(List<SituationFact> v) { return set("situations", v); }
    Fields setEmployed(boolean v) { return set("employed", v); }
    Fields setReceivesBenefits(boolean v) { return set("receivesBenefits", v); }
    Fields setBenefitKinds(List<BenefitKind> v) { return set("benefitKinds", v); }
    Fields setSupersededEventIds(List<String> v) { return set("supersededEventIds", v); }
    Fields setDecisions(List<DecisionFact> v) { return set("decisions", v); }
    Fields setClosures(List<DatedFact> v) { return set("closures", v); }
  }

  /**
   * Removes every fact of {@code eventId} and marks it superseded. Permit details set by a removed
   * CaseOpened are cleared (its replacement, folded next, sets them again); a volunteer assignment
   * stays.
   */
  private static void supersede(CaseState base, Fields next, String eventId) {
    if (base.getSupersededEventIds().contains(eventId)) {
      return;
    }
    next.setSupersededEventIds(withId(base.getSupersededEventIds(), eventId));
    next.setSubmissions(without(base.getSubmissions(), SubmissionFact::getEventId, eventId))
        .setApis(without(base.getApis(), ApiFact::getEventId, eventId))
        .setApiExpiries(without(base.getApiExpiries(), DatedFact::getEventId, eventId))
        .setCccAttempts(without(base.getCccAttempts(), CccAttemptFact::getEventId, eventId))
        .setEmployerRefusals(without(base.getEmployerRefusals(), DatedFact::getEventId, eventId));
    List<BlockageResolutionFact> resolutions =
        without(base.getBlockageResolutions(), BlockageResolutionFact::getEventId, eventId);
    next.setBlockageResolutions(resolutions);
    next.setBlockages(withResolutions(without(base.getBlockages(), BlockageFact::getEventId, eventId), resolutions));
    setSituations(next, without(base.getSituations(), SituationFact::getEventId, eventId));
    setDecisions(next, without(decisions(base), DecisionFact::getEventId, eventId));
    setClosures(next, without(closures(base), DatedFact::getEventId, eventId));
    if (eventId.equals(base.getOpenedEventId())) {
      next.setOpenedOn(null).setOpenedEventId(null).setPermitKind(PermitKind.OTHER).setPermitExpiresOn(null)
          .setProcedure(null).setDepartment(null);
    }
  }

  /**
   * The decision facts of a folded state, in order. The state keeps their list only when there are
   * several: a single decision is the {@code decision} field alone, which saves its copy in nearly
   * every decided case's state. Read them here, not from {@code getDecisions()}.
   */
  public static List<DecisionFact> decisions(CaseState base) {
    return base.getDecisions().isEmpty() && base.getDecision() != null ? List.of(base.getDecision()) : base.getDecisions();
  }

  /** The closure facts; as for decisions, a single closure is the {@code closed} field alone. */
  public static List<DatedFact> closures(CaseState base) {
    return base.getClosures().isEmpty() && base.getClosed() != null ? List.of(base.getClosed()) : base.getClosures();
  }

  private static void setDecisions(Fields next, List<DecisionFact> decisions) {
    next.setDecisions(decisions.size() > 1 ? decisions : new ArrayList<>())
        .setDecision(decisions.isEmpty() ? null : decisions.get(decisions.size() - 1));
  }

  private static void setClosures(Fields next, List<DatedFact> closures) {
    next.setClosures(closures.size() > 1 ? closures : new ArrayList<>()).setClosed(closures.isEmpty() ? null : closures.get(0));
  }

  private static void openCase(CaseState base, Fields next, String id, LocalDate on, CaseOpened opened) {
    if (FactOrder.isLater(on, id, base.getOpenedOn(), base.getOpenedEventId())) {
      next.setOpenedOn(on)
          .setOpenedEventId(id)
          .setPermitKind(opened.getPermitKind() == null ? PermitKind.OTHER : opened.getPermitKind())
          .setPermitExpiresOn(opened.getPermitExpiresOn())
          .setProcedure(opened.getProcedure())
          .setDepartment(opened.getDepartment());
    }
    addSituation(base, next, new SituationFact(id, on, opened.getEmployed(), opened.getReceivesBenefits(),
        new ArrayList<>(opened.getBenefitKinds()), null));
  }

  private static void assignVolunteer(CaseState base, Fields next, String id, LocalDate on, String volunteerId) {
    DatedFact stamp = base.getVolunteerAssignment();
    if (stamp == null || FactOrder.isLater(on, id, stamp.getOn(), stamp.getEventId())) {
      next.setAssignedVolunteerId(volunteerId).setVolunteerAssignment(new DatedFact(id, on));
    }
  }

  /** Employment and benefits are replayed from every situation fact in date order. */
  private static void addSituation(CaseState base, Fields next, SituationFact fact) {
    setSituations(next, added(base.getSituations(), SituationFact::getEventId, fact.getEventId(),
        FactOrder.SITUATIONS, () -> fact));
  }

  private static void setSituations(Fields next, List<SituationFact> facts) {
    boolean employed = false;
    boolean benefits = false;
    List<BenefitKind> kinds = new ArrayList<>();
    for (SituationFact f : facts) {
      if (f.getEmployed() != null) {
        employed = f.getEmployed();
      }
      if (f.getReceivesBenefits() != null) {
        benefits = f.getReceivesBenefits();
      }
      if (f.getBenefitKinds() != null) {
        kinds = new ArrayList<>(f.getBenefitKinds());
      }
    }
    next.setSituations(facts).setEmployed(employed).setReceivesBenefits(benefits).setBenefitKinds(kinds);
  }

  /** A blockage is resolved by the earliest resolution of its kind dated on or after its report. */
  private static List<BlockageFact> withResolutions(List<BlockageFact> blockages, List<BlockageResolutionFact> resolutions) {
    List<BlockageFact> result = new ArrayList<>(blockages.size());
    for (BlockageFact b : blockages) {
      LocalDate resolvedOn = null;
      for (BlockageResolutionFact r : resolutions) {
        if (r.getKind() == b.getKind() && !r.getResolvedOn().isBefore(b.getReportedOn())) {
          resolvedOn = r.getResolvedOn();
          break;
        }
      }
      result.add(new BlockageFact(b.getEventId(), b.getKind(), b.getReportedOn(), resolvedOn));
    }
    return result;
  }

  private static CaseState erased(CaseState base) {
    return CaseState.newBuilder()
        .setCaseId(base.getCaseId())
        .setAssociationId(base.getAssociationId())
        .setErased(true)
        .setOpenAlerts(new ArrayList<>(base.getOpenAlerts()))
        .setResolvedEpisodes(base.getResolvedEpisodes())
        .setNextDueAt(base.getNextDueAt())
        .build();
  }

  private static <T> List<T> without(List<T> facts, Function<T, String> eventId, String id) {
    for (int i = 0; i < facts.size(); i++) {
      if (eventId.apply(facts.get(i)).equals(id)) {
        List<T> result = new ArrayList<>(facts);
        result.remove(i);
        return result;
      }
    }
    return facts;
  }

  /** {@code ids} with {@code id}, kept sorted so that the state does not depend on the order of arrival. */
  private static List<String> withId(List<String> ids, String id) {
    List<String> result = new ArrayList<>(ids.size() + 1);
    result.addAll(ids);
    if (!result.contains(id)) {
      result.add(id);
      result.sort(null);
    }
    return result;
  }

  private static <T> List<T> added(List<T> facts, Function<T, String> eventId, String id,
      Comparator<T> order, java.util.function.Supplier<T> fact) {
    List<T> result = new ArrayList<>(facts.size() + 1);
    for (T f : facts) {
      if (eventId.apply(f).equals(id)) {
        return new ArrayList<>(facts);
      }
      result.add(f);
    }
    result.add(fact.get());
    result.sort(order);
    return result;
  }
}
