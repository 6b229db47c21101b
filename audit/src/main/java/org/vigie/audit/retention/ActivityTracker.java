package org.vigie.audit.retention;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;

/**
 * The last activity of each case, folded from the event log (any order), for a job that has no
 * read model of its own (e.g. a dry run from the CLI). Intake can equally compute
 * {@link CaseActivity} from its timeline table.
 */
public final class ActivityTracker implements Consumer<CaseEvent> {
  private final ZoneId zone;
  private final Map<String, CaseActivity> cases = new HashMap<>();

  public ActivityTracker(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public void accept(CaseEvent e) {
    LocalDate recorded = LocalDate.ofInstant(e.getRecordedAt(), zone);
    LocalDate active = recorded.isAfter(e.getOccurredOn()) ? recorded : e.getOccurredOn();
    boolean erased = e.getPayload() instanceof CaseErased;
    cases.merge(e.getCaseId(), new CaseActivity(e.getCaseId(), e.getAssociationId(), active, erased),
        (a, b) -> new CaseActivity(a.caseId(), a.associationId(),
            a.lastActivityOn().isAfter(b.lastActivityOn()) ? a.lastActivityOn() : b.lastActivityOn(),
            a.erased() || b.erased()));
  }

  public Collection<CaseActivity> cases() {
    return List.copyOf(cases.values());
  }
}
