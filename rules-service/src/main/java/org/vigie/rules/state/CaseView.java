package org.vigie.rules.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.BlockageResolutionFact;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.DatedFact;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.SituationFact;
import org.vigie.schemas.SubmissionFact;

/**
 * A case as known on a given day: facts dated after {@code today} have not happened yet and are
 * ignored (their dates are reported by {@link #nextFactDate()} so the engine wakes up then).
 *
 * <p>The current cycle: a decision ends the instruction it answers. Submissions and APIs dated
 * after the latest decision belong to the current cycle; older ones are history. A granted
 * decision with a new expiry date replaces the permit being watched.
 */
public final class CaseView {
  /** Cards kept valid three months after expiry when renewal was requested before it (CESEDA L.433-3). */
  public static final Set<PermitKind> TOLERANCE_KINDS =
      EnumSet.of(PermitKind.CARTE_PLURIANNUELLE, PermitKind.CARTE_RESIDENT, PermitKind.CARTE_RESIDENT_UE);
  /** The appeals that seize the administrative court: an annulment action, a référé-suspension (which goes with one). */
  private static final Set<AppealKind> COURT = EnumSet.of(AppealKind.COURT_APPEAL, AppealKind.SUSPENSION_REFERRAL);
  /** An appeal to the prefecture: recours gracieux or hiérarchique. */
  private static final Set<AppealKind> PREFECTURE = EnumSet.of(AppealKind.ADMINISTRATIVE_APPEAL);

  private final CaseState state;
  private final LocalDate today;
  private final DecisionFact decision;
  private final List<SubmissionFact> cycleSubmissions = new ArrayList<>();
  private final List<ApiFact> cycleApis = new ArrayList<>();
  private final ByDays<List<LocalDate[]>> coverageCache = new ByDays<>();
  private List<BlockageFact> openBlockages;
  private List<CccAttemptFact> cccAttempts;
  private List<DatedFact> employerRefusals;
  private final ByDays<Optional<LocalDate>> nextLapseCache = new ByDays<>();

  private CaseView(CaseState state, LocalDate today) {
    this.state = state;
    this.today = today;
    DecisionFact d = state.getDecision();
    this.decision = d != null && !d.getDecidedOn().isAfter(today) ? d : null;
    for (SubmissionFact s : state.getSubmissions()) {
      if (known(s.getSubmittedOn()) && inCycle(s.getSubmittedOn())) {
        cycleSubmissions.add(s);
      }
    }
    for (ApiFact a : state.getApis()) {
      if (known(a.getIssuedOn()) && inCycle(a.getIssuedOn())) {
        cycleApis.add(a);
      }
    }
  }

  public static CaseView of(CaseState state, LocalDate today) {
    return new CaseView(state, today);
  }

  private boolean known(LocalDate date) {
    return !date.isAfter(today);
  }

  private boolean inCycle(LocalDate date) {
    return decision == null || date.isAfter(decision.getDecidedOn());
  }

  public LocalDate today() {
    return today;
  }

  public CaseState state() {
    return state;
  }

  public String caseId() {
    return state.getCaseId();
  }

  /** False when erased or closed on or before today: a case that is not watched raises nothing. */
  public boolean watched() {
    return !state.getErased() && (state.getClosed() == null || state.getClosed().getOn().isAfter(today));
  }

  public Optional<DecisionFact> decision() {
    return Optional.ofNullable(decision);
  }

  /** The permit being watched: the one granted by the latest decision, else the one the case opened with. */
  public Optional<LocalDate> permitExpiresOn() {
    if (decision != null && decision.getDecision() == Decision.GRANTED) {
      return Optional.ofNullable(decision.getNewPermitExpiresOn());
    }
    return Optional.ofNullable(state.getPermitExpiresOn());
  }

  public PermitKind permitKind() {
    if (decision != null && decision.getDecision() == Decision.GRANTED && decision.getNewPermitKind() != null) {
      return decision.getNewPermitKind();
    }
    return state.getPermitKind();
  }

  /** The latest decision refused the request and nothing was filed since. */
  public boolean refused() {
    return decision != null && decision.getDecision() != Decision.GRANTED && cycleSubmissions.isEmpty();
  }

  /** As {@link #refused()} on {@code today}, without building a view (null: a case not recorded yet). */
  public static boolean refused(CaseState state, LocalDate today) {
    DecisionFact d = state == null ? null : state.getDecision();
    if (d == null || d.getDecision() == Decision.GRANTED || d.getDecidedOn().isAfter(today)) {
      return false;
    }
    for (SubmissionFact s : state.getSubmissions()) {
      if (s.getSubmittedOn().isAfter(d.getDecidedOn()) && !s.getSubmittedOn().isAfter(today)) {
        return false;
      }
    }
    return true;
  }

  /** Submissions of the current cycle, oldest first. */
  public List<SubmissionFact> submissions() {
    return cycleSubmissions;
  }

  /** The first submission of the cycle: an instruction is pending when present. */
  public Optional<SubmissionFact> firstSubmission() {
    return cycleSubmissions.isEmpty() ? Optional.empty() : Optional.of(cycleSubmissions.get(0));
  }

  public Optional<SubmissionFact> firstCompleteSubmission() {
    for (SubmissionFact s : cycleSubmissions) {
      if (s.getComplete()) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** APIs of the current cycle, by issue date. */
  public List<ApiFact> apis() {
    return cycleApis;
  }

  public Optional<ApiFact> latestApi() {
    return cycleApis.isEmpty() ? Optional.empty() : Optional.of(cycleApis.get(cycleApis.size() - 1));
  }

  /** Last day an API is valid: its valid-until, or the day before a recorded lapse after its issue. */
  public LocalDate apiEnd(ApiFact api) {
    LocalDate end = api.getValidUntil();
    for (DatedFact lapse : state.getApiExpiries()) {
      LocalDate on = lapse.getOn();
      if (known(on) && !on.isBefore(api.getIssuedOn()) && on.minusDays(1).isBefore(end)) {
        end = on.minusDays(1);
      }
    }
    return end;
  }

  /** A lapse was recorded for this API before its valid-until date. */
  public boolean apiLapseRecorded(ApiFact api) {
    return apiEnd(api).isBefore(api.getValidUntil());
  }

  public boolean employed() {
    return situation().employed;
  }

  public boolean receivesBenefits() {
    return situation().benefits;
  }

  private Situation situation() {
    Situation s = new Situation();
    for (SituationFact f : state.getSituations()) {
      if (!known(f.getOn())) {
        break;
      }
      if (f.getEmployed() != null) {
        s.employed = f.getEmployed();
      }
      if (f.getReceivesBenefits() != null) {
        s.benefits = f.getReceivesBenefits();
      }
    }
    return s;
  }

  /** The appeals filed by today (situation facts carrying one), oldest first. */
  public List<SituationFact> appeals() {
    List<SituationFact> appeals = new ArrayList<>();
    for (SituationFact f : state.getSituations()) {
      if (!known(f.getOn())) {
        break;
      }
      if (f.getAppeal() != null) {
        appeals.add(f);
      }
    }
    return appeals;
  }

  /**
   * Whether a rejection was contested before the administrative court on or after {@code day}, by today: an
   * annulment action, or a référé-suspension (which goes with one).
   */
  public boolean courtAppealFiledSince(LocalDate day) {
    return firstAppeal(COURT, day, LocalDate.MAX) != null;
  }

  /** The day of the first such appeal ({@link #courtAppealFiledSince}) filed on or after {@code day}, by today. */
  public Optional<LocalDate> courtAppealFiledOn(LocalDate day) {
    return Optional.ofNullable(firstAppeal(COURT, day, LocalDate.MAX));
  }

  /**
   * The day of the first appeal to the prefecture (recours gracieux or hiérarchique) filed from {@code from} to
   * {@code to} (both included), by today.
   */
  public Optional<LocalDate> administrativeAppealFiled(LocalDate from, LocalDate to) {
    return Optional.ofNullable(firstAppeal(PREFECTURE, from, to));
  }

  /** The day of the first appeal of one of these kinds filed from {@code from} to {@code to}, by today; null if none. */
  private LocalDate firstAppeal(Set<AppealKind> kinds, LocalDate from, LocalDate to) {
    for (SituationFact f : state.getSituations()) {
      if (!known(f.getOn())) {
        break;
      }
      if (f.getAppeal() != null && kinds.contains(f.getAppeal()) && !f.getOn().isBefore(from) && !f.getOn().isAfter(to)) {
        return f.getOn();
      }
    }
    return null;
  }

  private static final class Situation {
    boolean employed;
    boolean benefits;
  }

  /** Blockages reported on or before today and not resolved by today, oldest first. */
  public List<BlockageFact> openBlockages() {
    if (openBlockages != null) {
      return openBlockages;
    }
    List<BlockageFact> open = new ArrayList<>();
    for (BlockageFact b : state.getBlockages()) {
      if (known(b.getReportedOn()) && (b.getResolvedOn() == null || b.getResolvedOn().isAfter(today))) {
        open.add(b);
      }
    }
    openBlockages = open;
    return open;
  }

  public List<CccAttemptFact> cccAttempts() {
    if (cccAttempts == null) {
      List<CccAttemptFact> known = new ArrayList<>();
      for (CccAttemptFact c : state.getCccAttempts()) {
        if (known(c.getAttemptedOn())) {
          known.add(c);
        }
      }
      cccAttempts = known;
    }
    return cccAttempts;
  }

  /** Employer refusals of the API in the current cycle. */
  public List<DatedFact> employerRefusals() {
    if (employerRefusals == null) {
      List<DatedFact> refusals = new ArrayList<>();
      for (DatedFact r : state.getEmployerRefusals()) {
        if (known(r.getOn()) && inCycle(r.getOn())) {
          refusals.add(r);
        }
      }
      employerRefusals = refusals;
    }
    return employerRefusals;
  }

  /**
   * Whether the three-month tolerance of CESEDA L.433-3 covers the days after expiry: a card of
   * an eligible kind whose renewal was requested before it expired.
   */
  public boolean toleranceApplies() {
    Optional<LocalDate> expiry = permitExpiresOn();
    return expiry.isPresent() && TOLERANCE_KINDS.contains(permitKind())
        && firstSubmission().map(s -> !s.getSubmittedOn().isAfter(expiry.get())).orElse(false);
  }

  /**
   * The start of the current period without a document (permit, extended by {@code extraDays}
   * after expiry, or a valid API) when today falls in one; empty when today is covered or the
   * person never had a document.
   */
  public Optional<LocalDate> uncoveredSince(int extraDays) {
    List<LocalDate[]> intervals = coverage(extraDays);
    LocalDate start = null;
    for (LocalDate[] i : intervals) {
      if (i[0] != null && i[0].isAfter(today)) {
        continue;
      }
      if (!i[1].isBefore(today)) {
        return Optional.empty();
      }
      LocalDate after = i[1].plusDays(1);
      if (start == null || after.isAfter(start)) {
        start = after;
      }
    }
    return Optional.ofNullable(start);
  }

  /** The first day, today or later, without a document as known today; empty when no document. */
  public Optional<LocalDate> nextLapse(int extraDays) {
    Optional<LocalDate> cached = nextLapseCache.get(extraDays);
    if (cached == null) {
      cached = computeNextLapse(extraDays);
      nextLapseCache.put(extraDays, cached);
    }
    return cached;
  }

  private Optional<LocalDate> computeNextLapse(int extraDays) {
    List<LocalDate[]> intervals = coverage(extraDays);
    if (intervals.isEmpty()) {
      return Optional.empty();
    }
    LocalDate day = today;
    boolean moved = true;
    while (moved) {
      moved = false;
      for (LocalDate[] i : intervals) {
        if ((i[0] == null || !i[0].isAfter(day)) && !i[1].isBefore(day)) {
          day = i[1].plusDays(1);
          moved = true;
        }
      }
    }
    return Optional.of(day);
  }

  /** Covered periods, inclusive: [null, permit expiry + extraDays] and each API of the cycle. */
  private List<LocalDate[]> coverage(int extraDays) {
    List<LocalDate[]> cached = coverageCache.get(extraDays);
    if (cached == null) {
      cached = computeCoverage(extraDays);
      coverageCache.put(extraDays, cached);
    }
    return cached;
  }

  private List<LocalDate[]> computeCoverage(int extraDays) {
    List<LocalDate[]> intervals = new ArrayList<>();
    permitExpiresOn().ifPresent(e -> intervals.add(new LocalDate[] {null, e.plusDays(extraDays)}));
    for (ApiFact api : cycleApis) {
      LocalDate end = apiEnd(api);
      if (!end.isBefore(api.getIssuedOn())) {
        intervals.add(new LocalDate[] {api.getIssuedOn(), end});
      }
    }
    return intervals;
  }

  /** The first day after today on which a known fact happens: the view changes then. */
  public Optional<LocalDate> nextFactDate() {
    NextDay next = new NextDay(today);
    state.getSubmissions().forEach(f -> next.offer(f.getSubmittedOn()));
    state.getApis().forEach(f -> next.offer(f.getIssuedOn()));
    state.getApiExpiries().forEach(f -> next.offer(f.getOn()));
    state.getBlockages().forEach(f -> next.offer(f.getReportedOn()));
    state.getBlockageResolutions().forEach(f -> next.offer(f.getResolvedOn()));
    state.getCccAttempts().forEach(f -> next.offer(f.getAttemptedOn()));
    state.getEmployerRefusals().forEach(f -> next.offer(f.getOn()));
    state.getSituations().forEach(f -> next.offer(f.getOn()));
    if (state.getDecision() != null) {
      next.offer(state.getDecision().getDecidedOn());
    }
    if (state.getClosed() != null) {
      next.offer(state.getClosed().getOn());
    }
    return next.result();
  }

  /** The earliest of the days offered that come after a given day. */
  public static final class NextDay {
    private final LocalDate after;
    private LocalDate best;

    public NextDay(LocalDate after) {
      this.after = after;
    }

    public void offer(LocalDate day) {
      if (day != null && day.isAfter(after) && (best == null || day.isBefore(best))) {
        best = day;
      }
    }

    public Optional<LocalDate> result() {
      return Optional.ofNullable(best);
    }
  }

  /** A memo keyed by a day count: a view is asked for two or three counts, so a scan beats hashing boxed keys. */
  private static final class ByDays<T> {
    private int[] keys = new int[4];
    private Object[] values = new Object[4];
    private int size;

    @SuppressWarnings("unchecked")
    T get(int days) {
      for (int i = 0; i < size; i++) {
        if (keys[i] == days) {
          return (T) values[i];
        }
      }
      return null;
    }

    void put(int days, T value) {
      if (size == keys.length) {
        keys = java.util.Arrays.copyOf(keys, size * 2);
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      keys[size] = days;
      values[size++] = value;
    }
  }
}
