package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.RuleId;

/**
 * Version 5 of APPEAL_DEADLINE: as version 4 ({@link AppealDeadlineV4}), and a refusal with an OQTF is timed by the
 * terms its notification states ({@code oqtfTerms}, CaseEvent version 6), as CESEDA L.614-1 and book IX have them
 * since 15 July 2024: a voluntary departure period granted, a month (L.911-1; {@code oqtfAppealDays}, 30, as
 * before); none granted, or the person under house arrest or in prison, seven days (L.921-1;
 * {@code oqtfShortAppealDays}); held in a retention centre, 48 hours (L.921-2; {@code oqtfRetentionAppealDays}, 2:
 * the second day after the notification, at its hour). Version 4 counted 30 days for every OQTF, so that an OQTF
 * without a departure period, the most frequent kind, had its time lost three weeks before the alert's deadline.
 * The last day the decision states, when recorded, still comes first; terms not recorded are counted as before,
 * and the message says what the shorter times are and to record the terms. Seven days are not counted as a
 * délai franc (the last day is one before the court's): the earlier day is the safe one, as for the other times.
 */
public class AppealDeadlineV5 extends AppealDeadlineV4 {
  static final String REFERENCE_V5 = "CJA R.421-1, R.421-2, R.421-5; CRPA L.411-2, L.231-4; CESEDA L.614-1, L.911-1, "
      + "L.921-1, L.921-2";
  static final String CONDITION_V5 = "A rejection can still be contested: an implicit rejection arose, or the "
      + "prefecture refused the request (with or without an OQTF, timed by its terms); ends once an annulment action or "
      + "a référé-suspension is filed. An appeal to the prefecture filed within the time interrupts it (not with an "
      + "OQTF).";
  static final String TIMING_V5 = "Implicit rejection: from the day it arises to + appealMonths "
      + "(appealMonthsWithoutRoutes when the receipt lacked the appeal routes). Refusal: from the decision to the last "
      + "day it states when recorded, else + appealMonths; with an OQTF, by its terms: a departure period granted (or "
      + "terms not recorded) + oqtfAppealDays, none granted or under house arrest or in prison + oqtfShortAppealDays, "
      + "in a retention centre + oqtfRetentionAppealDays. HIGH from the deadline − warnDays, and at once with an OQTF; "
      + "a refusal's last criticalDays CRITICAL (so at once for the short OQTF times). An appeal to the prefecture "
      + "within a two-month time: its day + 2 months (its implicit rejection) + appealMonths.";

  public AppealDeadlineV5() {
    this("5", new RuleDoc(CONDITION_V5, TIMING_V5, SEVERITY));
  }

  /** For a later version that adds to what this one watches, and may have thresholds of its own after these. */
  AppealDeadlineV5(String version, RuleDoc doc, Object... moreThresholds) {
    super(version, doc, REFERENCE_V5, followedBy(new Object[] {"oqtfShortAppealDays", 7, "oqtfRetentionAppealDays", 2},
        moreThresholds));
  }

  /**
   * The last day to contest the latest decision when it refused the request, as this version counts it: the one
   * the decision states when recorded, else by the OQTF's terms when recorded, else as version 4.
   */
  public static Optional<LocalDate> deadlineOf(DecisionFact decision, RuleSettings settings) {
    OqtfTerms terms = decision.getOqtfTerms();
    if (decision.getDecision() != Decision.REFUSED_WITH_OQTF || decision.getAppealDeadline() != null
        || terms == null) {
      return refusalDeadline(decision, settings);
    }
    String days = switch (terms) {
      case DEPARTURE_PERIOD -> "oqtfAppealDays";
      case NO_DEPARTURE_PERIOD, HOUSE_ARREST_OR_PRISON -> "oqtfShortAppealDays";
      case RETENTION_CENTRE -> "oqtfRetentionAppealDays";
    };
    return Optional.of(decision.getDecidedOn().plusDays(settings.threshold(RuleId.APPEAL_DEADLINE, days)));
  }

  @Override
  Optional<LocalDate> deadline(DecisionFact decision, RuleSettings settings) {
    return deadlineOf(decision, settings);
  }

  @Override
  Message oqtfTimeNotStated(DecisionFact decision) {
    OqtfTerms terms = decision.getOqtfTerms();
    if (terms == null) {
      return new Message(" si un délai de départ volontaire a été accordé (CESEDA L.911-1). Sans ce délai, en "
          + "assignation à résidence ou en détention, le délai est de sept jours (L.921-1), en rétention de 48 heures "
          + "(L.921-2) : vérifier la décision et enregistrer ses conditions ou le dernier jour qu'elle indique.",
          " if a voluntary departure period was granted (CESEDA L.911-1). Without one, under house arrest or in prison, "
              + "the time is seven days (L.921-1), in a retention centre 48 hours (L.921-2): check the decision and "
              + "record its terms or the last day it states.");
    }
    return switch (terms) {
      case DEPARTURE_PERIOD -> new Message(" (délai de départ volontaire accordé, CESEDA L.911-1 ; vérifier le délai "
          + "indiqué dans la décision).", " (voluntary departure period granted, CESEDA L.911-1; check the time stated "
          + "in the decision).");
      case NO_DEPARTURE_PERIOD -> new Message(" : sans délai de départ volontaire, sept jours après la notification "
          + "(CESEDA L.921-1 ; vérifier le délai indiqué dans la décision).", ": without a voluntary departure period, "
          + "seven days after the notification (CESEDA L.921-1; check the time stated in the decision).");
      case HOUSE_ARREST_OR_PRISON -> new Message(" : en assignation à résidence ou en détention, sept jours après la "
          + "notification (CESEDA L.921-1 ; vérifier le délai indiqué dans la décision).", ": under house arrest or in "
          + "prison, seven days after the notification (CESEDA L.921-1; check the time stated in the decision).");
      case RETENTION_CENTRE -> new Message(", à l'heure où la décision a été notifiée : en rétention, 48 heures "
          + "(CESEDA L.921-2).", ", at the hour the decision was notified: in a retention centre, 48 hours (CESEDA "
          + "L.921-2).");
    };
  }

  @Override
  Message oqtfSteps(DecisionFact decision) {
    if (decision.getOqtfTerms() != OqtfTerms.RETENTION_CENTRE) {
      return super.oqtfSteps(decision);
    }
    return new Message("Prévenir sans attendre l'association d'aide juridique présente au centre de rétention, qui "
        + "aide à rédiger et déposer le recours, et un·e avocat·e (aide juridictionnelle possible) : un recours gracieux "
        + "ne prolonge pas ce délai. Saisir en parallèle le Défenseur des droits.",
        "Tell at once the legal help association present in the retention centre, which helps write and file the "
            + "appeal, and a lawyer (legal aid is possible): an appeal to the prefecture does not extend this time. In "
            + "parallel, refer the case to the Défenseur des droits.");
  }
}
