package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * Version 2 of APPEAL_DEADLINE: the time left to contest a rejection, implicit as in version 1
 * ({@link AppealDeadline}), and now explicit too. A refusal is contested before the administrative
 * court within two months of its notification (CJA R.421-1); a refusal with an obligation to leave
 * France (OQTF) within the much shorter time the decision states (CESEDA L.614-1 and book IX, as
 * reformed by the law of 26 January 2024): a month with a voluntary departure period, days
 * without one or under house arrest, 48 hours in detention. The default ({@code oqtfAppealDays},
 * 30) is the longest of these; the alert is HIGH at once and tells the volunteer to check the
 * decision. The last {@code criticalDays} (7) of a refusal's time are CRITICAL: a time as short as a
 * week or two days must reach a coordinator within a day, not after the 72 hours of a HIGH alert. Version 1 raised nothing on an explicit refusal, the most urgent deadline of a case.
 *
 * <p>The delay runs from the notification: the decision's recorded date stands for it (the page
 * asks for the day the person received it), unless the volunteer recorded the last day the decision
 * states ({@code appealDeadline}, CaseEvent version 4), which is then the deadline. While the refusal's window runs it takes precedence; an
 * implicit rejection of a later request is watched as in version 1 once it is over.
 */
public class AppealDeadlineV2 extends BaseRule {
  private static final String OQTF_STEPS_FR = "Orienter sans attendre vers un·e avocat·e ou une permanence juridique "
      + "(aide juridictionnelle possible) : un recours gracieux ne prolonge pas ce délai. Saisir en parallèle le "
      + "Défenseur des droits.";
  private static final String OQTF_STEPS_EN = "Refer the person at once to a lawyer or a legal help desk (legal aid is "
      + "possible): an appeal to the prefecture does not extend this time. In parallel, refer the case to the "
      + "Défenseur des droits.";
  static final String REFUSAL_STEPS_FR = "Orienter vers un·e avocat·e ou une permanence juridique (aide "
      + "juridictionnelle possible) : recours en annulation et, en cas d'urgence, référé-suspension (CJA L.521-1). "
      + "Saisir en parallèle le Défenseur des droits.";
  static final String REFUSAL_STEPS_EN = "Refer the person to a lawyer or a legal help desk (legal aid is "
      + "possible): annulment action and, if urgent, a référé-suspension (CJA L.521-1). In parallel, refer the case "
      + "to the Défenseur des droits.";

  private final AppealDeadline implicit = new AppealDeadline();

  /** The timing both versions 2 and 3 follow, for the catalogue. */
  static final String TIMING = "Implicit rejection: from the day it arises to + appealMonths (appealMonthsWithoutRoutes "
      + "when the receipt lacked the appeal routes). Refusal: from the decision to the last day it states when recorded, "
      + "else + appealMonths, with an OQTF + oqtfAppealDays (the decision states the exact time, often shorter). HIGH "
      + "from the deadline − warnDays, and at once with an OQTF; a refusal's last criticalDays CRITICAL.";
  static final String SEVERITY = "WARNING → HIGH; HIGH with an OQTF; CRITICAL at the end of a refusal's";

  public AppealDeadlineV2() {
    this("2", new RuleDoc("A rejection can still be contested: an implicit rejection arose, or the prefecture refused the "
        + "request (with or without an OQTF).", TIMING, SEVERITY));
  }

  /** For a later version that changes what ends the condition, not how it is timed. */
  AppealDeadlineV2(String version, RuleDoc doc) {
    this(version, doc, "CJA R.421-1, R.421-2, R.421-5; CESEDA L.614-1, livre IX");
  }

  /** For a later version that also encodes other texts, and may have thresholds of its own after these. */
  AppealDeadlineV2(String version, RuleDoc doc, String reference, Object... moreThresholds) {
    super(RuleId.APPEAL_DEADLINE, reference, LegalTexts.CESEDA_2024, version, doc, thresholds(moreThresholds));
  }

  private static Object[] thresholds(Object... more) {
    return followedBy(new Object[] {"appealMonths", 2, "appealMonthsWithoutRoutes", 12, "warnDays", 15,
        "oqtfAppealDays", 30, "criticalDays", 7}, more);
  }

  /** A version's own thresholds (name, default, …) followed by those of a later version. */
  static Object[] followedBy(Object[] own, Object[] more) {
    Object[] all = Arrays.copyOf(own, own.length + more.length);
    System.arraycopy(more, 0, all, own.length, more.length);
    return all;
  }

  /**
   * The last day to contest the latest decision when it refused the request: the one the decision states when
   * the volunteer recorded it, else counted from the decision's date.
   */
  public static Optional<LocalDate> refusalDeadline(DecisionFact decision, RuleSettings settings) {
    if (decision.getDecision() == Decision.GRANTED) {
      return Optional.empty();
    }
    if (decision.getAppealDeadline() != null) {
      return Optional.of(decision.getAppealDeadline());
    }
    LocalDate on = decision.getDecidedOn();
    return Optional.of(decision.getDecision() == Decision.REFUSED_WITH_OQTF
        ? on.plusDays(settings.threshold(RuleId.APPEAL_DEADLINE, "oqtfAppealDays"))
        : on.plusMonths(settings.threshold(RuleId.APPEAL_DEADLINE, "appealMonths")));
  }

  /** The last day to contest a refusal as this version counts it ({@link #refusalDeadline} up to version 4). */
  Optional<LocalDate> deadline(DecisionFact decision, RuleSettings settings) {
    return refusalDeadline(decision, settings);
  }

  /** What the message says of an OQTF's time after its last day, when the decision's own last day was not recorded. */
  Message oqtfTimeNotStated(DecisionFact decision) {
    return new Message(" : vérifier le délai indiqué dans la décision, plus court sans délai de départ volontaire, en "
        + "assignation à résidence ou en rétention (48 heures).", ": check the time stated in the decision, shorter "
        + "without a voluntary departure period, under house arrest or in detention (48 hours).");
  }

  /** The next steps after a refusal with an OQTF. */
  Message oqtfSteps(DecisionFact decision) {
    return new Message(OQTF_STEPS_FR, OQTF_STEPS_EN);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<DecisionFact> decision = view.decision();
    if (decision.isPresent()) {
      Optional<LocalDate> deadline = deadline(decision.get(), settings);
      if (deadline.isPresent() && !view.today().isAfter(deadline.get())) {
        return Optional.of(refusal(view, decision.get(), deadline.get(), settings));
      }
    }
    return implicit.evaluate(view, settings);
  }

  private Condition refusal(CaseView view, DecisionFact decision, LocalDate deadline, RuleSettings settings) {
    LocalDate on = decision.getDecidedOn();
    boolean oqtf = decision.getDecision() == Decision.REFUSED_WITH_OQTF;
    boolean stated = decision.getAppealDeadline() != null;
    // the last days: CRITICAL, as a right about to be lost (escalated within a day, through quiet hours)
    Severity severity = severity(view, deadline, true, oqtf, settings);
    Supplier<Message> text = oqtf
        ? () -> {
          Message time = stated ? new Message(", comme l'indique la décision.", ", as the decision states.")
              : oqtfTimeNotStated(decision);
          Message steps = oqtfSteps(decision);
          return Texts.message("La préfecture a refusé la demande le " + Texts.fr(on) + " avec une obligation de quitter "
                  + "le territoire français (OQTF). Le recours au tribunal administratif doit être déposé au plus tard le "
                  + Texts.fr(deadline) + time.fr() + " Ce recours suspend l'éloignement.",
              steps.fr(),
              "The prefecture refused the request on " + Texts.en(on) + " with an obligation to leave France (OQTF). The "
                  + "appeal to the administrative court must be filed by " + Texts.en(deadline) + " at the latest"
                  + time.en() + " The appeal suspends the removal.",
              steps.en());
        }
        : () -> Texts.message("La préfecture a refusé la demande le " + Texts.fr(on) + ". Ce refus peut être contesté "
                + "devant le tribunal administratif jusqu'au " + Texts.fr(deadline) + (stated ? ", comme l'indique la "
                + "décision." : " (deux mois après la notification, CJA R.421-1 ; vérifier les voies et délais indiqués "
                + "dans la décision)."),
            REFUSAL_STEPS_FR,
            "The prefecture refused the request on " + Texts.en(on) + ". The refusal can be challenged before the "
                + "administrative court until " + Texts.en(deadline) + (stated ? ", as the decision states." : " (two "
                + "months after notification, CJA R.421-1; check the routes and times stated in the decision)."),
            REFUSAL_STEPS_EN);
    return new Condition(id(), severity, on, deadline, text);
  }

  /**
   * How urgent a time to contest is on the view's day: its last criticalDays CRITICAL ({@code withCritical}: a
   * refusal's), HIGH from warnDays before its deadline, or at once ({@code highAtOnce}: an OQTF's), else WARNING.
   */
  final Severity severity(CaseView view, LocalDate deadline, boolean withCritical, boolean highAtOnce,
      RuleSettings settings) {
    LocalDate today = view.today();
    if (withCritical && !today.isBefore(deadline.minusDays(threshold(settings, "criticalDays")))) {
      return Severity.CRITICAL;
    }
    return highAtOnce || !today.isBefore(deadline.minusDays(threshold(settings, "warnDays"))) ? Severity.HIGH
        : Severity.WARNING;
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> days = new ArrayList<>(implicit.boundaries(view, settings));
    view.decision().ifPresent(d -> deadline(d, settings).ifPresent(deadline -> {
      if (d.getDecision() != Decision.REFUSED_WITH_OQTF) {
        days.add(deadline.minusDays(threshold(settings, "warnDays")));
      }
      days.add(deadline.minusDays(threshold(settings, "criticalDays")));
      days.add(deadline.plusDays(1));
    }));
    return days;
  }
}
