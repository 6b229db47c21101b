package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/**
 * Health cover (PUMa) continues for six months after the last valid document (CSS R.111-4), then
 * closes. WARNING while it runs, HIGH in its last warnDays, CRITICAL once closed.
 */
public final class HealthCoverClosing extends BaseRule {
  public HealthCoverClosing() {
    super(RuleId.HEALTH_COVER_CLOSING, "CSS R.111-4", LegalTexts.CSS_2020, "1",
        new RuleDoc("Permit expired and no valid API: health cover runs out.",
            "From the first day without a document; closes after coverMonths (HIGH from − warnDays, then CRITICAL).",
            "WARNING → HIGH → CRITICAL"),
        "coverMonths", 6, "warnDays", 30);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> lapse = view.uncoveredSince(0);
    if (lapse.isEmpty()) {
      return Optional.empty();
    }
    LocalDate closes = lapse.get().plusMonths(threshold(settings, "coverMonths"));
    LocalDate today = view.today();
    Severity severity = !today.isBefore(closes) ? Severity.CRITICAL
        : !today.isBefore(closes.minusDays(threshold(settings, "warnDays"))) ? Severity.HIGH : Severity.WARNING;
    return Optional.of(new Condition(id(), severity, lapse.get(), closes,
        () -> message(view, settings, lapse.get(), closes)));
  }

  private static Message message(CaseView view, RuleSettings settings, LocalDate lapse, LocalDate closes) {
    boolean closed = !view.today().isBefore(closes);
    String fr = "Sans titre ni API valable depuis le " + Texts.fr(lapse) + ", la prise en charge des frais de santé "
        + "(assurance maladie) " + (closed ? "a pris fin le " : "prend fin le ") + Texts.fr(closes) + " (CSS R.111-4).";
    String en = "With no valid permit or API since " + Texts.en(lapse) + ", health cover "
        + (closed ? "ended on " : "ends on ") + Texts.en(closes) + " (CSS R.111-4).";
    if (view.refused()) {
      return Texts.afterRefusal(view, fr + " Prévenir la CPAM ; si le refus est maintenu, l'aide médicale de l'État "
              + "(AME, CASF L.251-1) peut prendre le relais, sous conditions de résidence et de ressources : préparer la "
              + "demande.",
          en + " Tell the CPAM; if the refusal stands, state medical aid (AME, CASF L.251-1) can take over, subject to "
              + "residence and means: prepare the application.");
    }
    return Texts.pending(view, settings,
        fr + " Prévenir la CPAM et obtenir une API" + (closed
            ? " : avec elle, la prise en charge peut être demandée à nouveau." : " avant cette date."),
        en + " Tell the CPAM and obtain an API" + (closed ? ": with it, cover can be applied for again." : " before then."));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> dates = new ArrayList<>();
    view.nextLapse(0).ifPresent(dates::add);
    view.uncoveredSince(0).ifPresent(lapse -> {
      LocalDate closes = lapse.plusMonths(threshold(settings, "coverMonths"));
      dates.add(closes.minusDays(threshold(settings, "warnDays")));
      dates.add(closes);
    });
    return dates;
  }

  @Override
  public boolean advisesOnRefusal() {
    return true;
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
