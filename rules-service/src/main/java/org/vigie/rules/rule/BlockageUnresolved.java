package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CodeWording;

/**
 * An ANEF blockage stays open: foreigner numbers not recognised, lost accounts, address changes
 * never recorded (InfoMigrants, 5 May 2026: "tout le système est bloqué"). The oldest open blockage
 * sets the episode. {@code compoundLapseDays} is the window of the compound severity bump (see
 * CompoundSeverity in the engine).
 */
public final class BlockageUnresolved extends BaseRule {
  public BlockageUnresolved() {
    super(RuleId.BLOCKAGE_UNRESOLVED, "Pratique des permanences (InfoMigrants 5/5/2026 ; CE 5/5/2026, injonction)",
        LegalTexts.PRACTICE_2026, "1",
        new RuleDoc("A blockage is open with no resolution.",
            "WARNING from report + warnDays; HIGH from report + highDays.", "WARNING → HIGH"),
        "warnDays", 14, "highDays", 30, "compoundLapseDays", 30);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    List<BlockageFact> open = view.openBlockages();
    if (open.isEmpty()) {
      return Optional.empty();
    }
    BlockageFact oldest = open.get(0);
    LocalDate starts = oldest.getReportedOn().plusDays(threshold(settings, "warnDays"));
    LocalDate high = oldest.getReportedOn().plusDays(threshold(settings, "highDays"));
    if (view.today().isBefore(starts)) {
      return Optional.empty();
    }
    Severity severity = view.today().isBefore(high) ? Severity.WARNING : Severity.HIGH;
    // what stays true while the episode lasts (the oldest blockage is its start): no count of the open blockages,
    // which a blockage reported or resolved later would leave stale in the alert's text
    boolean others = open.size() > 1;
    return Optional.of(new Condition(id(), severity, starts, high, () -> Texts.pending(view, settings,
        "Blocage ANEF « " + CodeWording.FRENCH.of(oldest.getKind()) + " » signalé le " + Texts.fr(oldest.getReportedOn())
            + " et toujours pas résolu." + (others ? " D'autres blocages sont signalés sur ce dossier : voir sa "
            + "chronologie." : ""),
        "ANEF blockage \"" + CodeWording.ENGLISH.of(oldest.getKind()) + "\" reported on " + Texts.en(oldest.getReportedOn())
            + " is still unresolved."
            + (others ? " Other blockages are reported on this case: see its timeline." : ""))));
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    List<LocalDate> dates = new ArrayList<>();
    for (BlockageFact b : view.openBlockages()) {
      dates.add(b.getReportedOn().plusDays(threshold(settings, "warnDays")));
      dates.add(b.getReportedOn().plusDays(threshold(settings, "highDays")));
    }
    return dates;
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }

  @Override
  public boolean advisesOnRefusal() {
    return true; // a blockage outlives a refusal: contesting it becomes the next step
  }
}
