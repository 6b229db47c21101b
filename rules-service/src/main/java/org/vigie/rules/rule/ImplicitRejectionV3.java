package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.SubmissionFact;

/**
 * Version 3 of IMPLICIT_REJECTION: as version 2 ({@link ImplicitRejectionV2}), and once the time to contest the
 * rejection before the administrative court has ended with no appeal recorded, the alert says so. Version 2 kept
 * telling the volunteer to seize the court and to ask for a référé-suspension months or years after that time was
 * over (APPEAL_DEADLINE, which counts it, had closed as lapsed): a volunteer following it would prepare an appeal
 * the court rejects as late, instead of what remains possible. The time is counted as APPEAL_DEADLINE counts it:
 * {@code appealMonths} (2, CJA R.421-2) after the rejection, {@code appealMonthsWithoutRoutes} (12) when the
 * filing receipt did not state the appeal routes and times (CJA R.421-5; a year at most, CE 13 July 2016 Czabaj
 * n°387763), or as interrupted by an appeal to the prefecture filed within it (CRPA L.411-2, {@link
 * AppealDeadlineV4#interrupted}). From the day after its last day the alert stays open and HIGH, its deadline that
 * last day: the changed deadline emits it again, an update the volunteers' page, the reminders and the timeline show,
 * saying the rejection has become final and what to do (a lawyer or a legal help desk, a new request, the Défenseur
 * des droits; record an appeal filed in time and the prefecture's decision if it answers).
 */
public final class ImplicitRejectionV3 extends ImplicitRejectionV2 {
  public ImplicitRejectionV3() {
    super("3", new RuleDoc(CONDITION_V2 + " Once the time to contest it has ended with no appeal filed, says the "
        + "rejection became final.", TIMING + " From the day after the last day to contest it (as APPEAL_DEADLINE "
        + "counts it: + appealMonths, appealMonthsWithoutRoutes when the receipt lacked the appeal routes, or as "
        + "interrupted by an appeal to the prefecture), HIGH, its deadline that last day.", SEVERITY));
  }

  /**
   * The time to contest an implicit rejection: the day it arose, the last day to seize the court, the appeal to the
   * prefecture that interrupted it if one did, and whether the filing receipt stated the appeal routes.
   */
  public record TimeToContest(LocalDate rejection, LocalDate lastDay, Optional<LocalDate> appealedToPrefecture,
      boolean routesStated) {}

  /**
   * Where a request awaiting its decision stands as to its implicit rejection, on the view's day: not arisen (or no
   * complete submission), arisen and contestable, contested before the court, or final (its time to contest ended).
   * The next steps of the ruptures of such a request follow it ({@link Texts#pending}).
   */
  public enum Stage { NONE, ARISEN, CONTESTED, FINAL }

  /** The case's {@link Stage}, on the view's day. */
  public static Stage stage(CaseView view, RuleSettings settings) {
    return stage(view, timeToContest(view, settings));
  }

  static Stage stage(CaseView view, Optional<TimeToContest> time) {
    if (time.isEmpty() || view.today().isBefore(time.get().rejection())) {
      return Stage.NONE;
    }
    if (view.courtAppealFiledSince(time.get().rejection())) {
      return Stage.CONTESTED;
    }
    return view.today().isAfter(time.get().lastDay()) ? Stage.FINAL : Stage.ARISEN;
  }

  /** The time to contest the case's implicit rejection as APPEAL_DEADLINE counts it; empty if none can arise. */
  public static Optional<TimeToContest> timeToContest(CaseView view, RuleSettings settings) {
    Optional<SubmissionFact> submission = view.firstCompleteSubmission();
    Optional<LocalDate> arises = arises(view, settings);
    if (submission.isEmpty() || arises.isEmpty()) {
      return Optional.empty();
    }
    boolean routes = submission.get().getReceiptMentionsAppealRoutes();
    Optional<AppealDeadlineV4.Interrupted> interrupted = AppealDeadlineV4.interrupted(view, settings)
        .filter(i -> !i.refusal());
    if (interrupted.isPresent()) {
      return Optional.of(new TimeToContest(arises.get(), interrupted.get().deadline(),
          Optional.of(interrupted.get().appealed()), routes));
    }
    int months = settings.threshold(RuleId.APPEAL_DEADLINE, routes ? "appealMonths" : "appealMonthsWithoutRoutes");
    return Optional.of(new TimeToContest(arises.get(), arises.get().plusMonths(months), Optional.empty(), routes));
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<Condition> c = super.evaluate(view, settings);
    if (c.isEmpty() || view.today().isBefore(c.get().deadline())) {
      return c; // none, or the rejection still to arise
    }
    TimeToContest time = timeToContest(view, settings).orElseThrow();
    if (!view.today().isAfter(time.lastDay())) {
      return c;
    }
    Condition arisen = c.get();
    return Optional.of(new Condition(id(), arisen.severity(), arisen.episodeStart(), time.lastDay(),
        () -> timeOver(time)));
  }

  /**
   * An appeal before the court filed since the episode started: the day the alert's deadline names is the rejection's
   * while the time runs, its last day once over, and the episode starts {@code warnDays} before the rejection, when
   * no rejection exists to be contested yet.
   */
  @Override
  public Optional<LocalDate> appealEnding(CaseState state, LocalDate today, LocalDate episodeStart, LocalDate deadline) {
    return CaseView.of(state, today).courtAppealFiledOn(episodeStart);
  }

  private static Message timeOver(TimeToContest time) {
    String rejection = Texts.fr(time.rejection());
    String last = Texts.fr(time.lastDay());
    Message how = how(time);
    return Texts.withHint(Texts.message("Sans décision depuis le dépôt, la demande est implicitement rejetée depuis le "
            + rejection + " (CESEDA R.432-1). D'après les dates enregistrées, le délai pour contester ce rejet devant "
            + "le tribunal administratif a pris fin le " + last + how.fr() + ", sans recours enregistré : le rejet est "
            + "devenu définitif.",
        "Orienter vers un·e avocat·e ou une permanence juridique, qui dira ce qui reste possible, le plus souvent une "
            + "nouvelle demande de titre de séjour (notamment si la situation a changé). Saisir en parallèle le "
            + "Défenseur des droits.",
        "With no decision since filing, the request is implicitly rejected since " + Texts.en(time.rejection())
            + " (CESEDA R.432-1). As recorded, the time to contest this rejection before the administrative court "
            + "ended on " + Texts.en(time.lastDay()) + how.en() + ", with no appeal recorded: the rejection is final.",
        "Refer the person to a lawyer or a legal help desk, who will say what remains possible, most often a new "
            + "residence permit request (especially if the situation changed). In parallel, refer the case to the "
            + "Défenseur des droits."),
        "Si un recours a été déposé au tribunal dans le délai, l'enregistrer sur le dossier (« Recours déposé ») : "
            + "l'alerte se clôt. Si la préfecture répond par écrit, enregistrer sa décision.",
        "If an appeal was filed with the court in time, record it on the case (\"Appeal filed\"): the alert closes. If "
            + "the prefecture answers in writing, record its decision.");
  }

  /** How the time that ended was counted, for the message. */
  private static Message how(TimeToContest time) {
    if (time.appealedToPrefecture().isPresent()) {
      LocalDate appealed = time.appealedToPrefecture().get();
      return new Message(" (deux mois après le rejet implicite du recours gracieux ou hiérarchique du "
          + Texts.fr(appealed) + ", CRPA L.411-2)", " (two months after the implicit rejection of the appeal to the "
          + "prefecture of " + Texts.en(appealed) + ", CRPA L.411-2)");
    }
    if (time.routesStated()) {
      return new Message(" (deux mois, CJA R.421-2)", " (two months, CJA R.421-2)");
    }
    return new Message(" (un an, l'accusé de réception n'indiquant pas les voies et délais de recours : CJA R.421-5 ; "
        + "CE, 13 juillet 2016, n°387763)", " (a year, the filing receipt not stating the appeal routes and times: CJA "
        + "R.421-5; Conseil d'État, 13 July 2016, n°387763)");
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> days = new ArrayList<>(super.boundaries(view, settings));
    timeToContest(view, settings).ifPresent(t -> days.add(t.lastDay().plusDays(1)));
    return days;
  }
}
