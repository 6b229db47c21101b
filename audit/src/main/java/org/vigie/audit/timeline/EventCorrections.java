package org.vigie.audit.timeline;

import static org.vigie.audit.timeline.Labels.Phrase.CORRECTED_EVENT;
import static org.vigie.audit.timeline.Labels.Phrase.CORRECTED_EVENT_MISSING;
import static org.vigie.audit.timeline.Labels.Phrase.CORRECTION_REFUSED;
import static org.vigie.audit.timeline.Labels.Phrase.REPLACED_ON;
import static org.vigie.audit.timeline.Labels.Phrase.REPLACEMENT;
import static org.vigie.audit.timeline.Labels.Phrase.WITHDRAWAL;
import static org.vigie.audit.timeline.Labels.Phrase.WITHDRAWN_ON;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigie.rules.state.CaseEventCheck;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.Correction;
import org.vigie.schemas.CorrectionKind;

/**
 * The corrections among one case's events, for the timeline: an event recorded in error stays (it
 * is evidence) and is marked replaced or withdrawn, with the day its correction was recorded; the
 * correcting event says which event it corrects. A correction the rules refuse ({@link CaseEventCheck})
 * corrects nothing, here as in the rules. When several corrections name the same event, the first
 * recorded is the one shown on it.
 */
final class EventCorrections {
  private static final Comparator<CaseEvent> RECORDING = Comparator.comparing(CaseEvent::getRecordedAt)
      .thenComparing(CaseEvent::getEventId);

  private final Map<String, CaseEvent> byId = new HashMap<>();
  private final Map<String, CaseEvent> correctedBy = new HashMap<>();

  /** @param events the case's events, each once */
  EventCorrections(List<CaseEvent> events) {
    for (CaseEvent e : events) {
      byId.put(e.getEventId(), e);
    }
    for (CaseEvent e : events) {
      if (e.getCorrection() != null && applies(e)) {
        correctedBy.merge(e.getCorrection().getEventId(), e, (a, b) -> RECORDING.compare(a, b) <= 0 ? a : b);
      }
    }
  }

  /** The event {@code e} corrects, and how; null when it corrects none. */
  CorrectionLink correction(CaseEvent e) {
    Correction c = e.getCorrection();
    return c == null ? null : new CorrectionLink(c.getEventId(), c.getKind(), null);
  }

  /** The event that replaced or withdrew {@code e}, and when it was recorded; null when none did. */
  CorrectionLink correctedBy(CaseEvent e) {
    CaseEvent by = correctedBy.get(e.getEventId());
    return by == null ? null : new CorrectionLink(by.getEventId(), by.getCorrection().getKind(), by.getRecordedAt());
  }

  /** The description of {@code e} in one language, saying what it corrects and whether it was itself corrected. */
  String describe(CaseEvent e, Labels l) {
    String text = EventDescriptions.describe(e.getPayload(), l);
    Correction c = e.getCorrection();
    if (c != null && !applies(e)) {
      text += l.phrase(CORRECTION_REFUSED);
    } else if (c != null) {
      CaseEvent target = byId.get(c.getEventId());
      String which = target == null ? l.phrase(CORRECTED_EVENT_MISSING, c.getEventId())
          : l.phrase(CORRECTED_EVENT, l.date(target.getOccurredOn()));
      text = l.phrase(c.getKind() == CorrectionKind.WITHDRAWS ? WITHDRAWAL : REPLACEMENT, which, text);
    }
    CaseEvent by = correctedBy.get(e.getEventId());
    if (by != null) {
      text += l.phrase(by.getCorrection().getKind() == CorrectionKind.WITHDRAWS ? WITHDRAWN_ON : REPLACED_ON,
          l.date(LocalDate.ofInstant(by.getRecordedAt(), TimelineBuilder.PARIS)));
    }
    return text;
  }

  private static boolean applies(CaseEvent correcting) {
    return CaseEventCheck.problem(null, correcting).isEmpty();
  }
}
