package org.vigie.intake.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vigie.schemas.CorrectionKind;

/**
 * A case's recorded events, in recording order, read with their corrections: which event corrects which, and
 * which events stand. A replacement stands in the place of the event it replaces (so a corrected opening is
 * still the first event), a withdrawn event and its withdrawal leave no event behind.
 */
public final class CaseHistory {
  private final List<TimelineEntry> entries;
  private final Map<UUID, TimelineEntry> byId = new HashMap<>();
  private final Map<UUID, TimelineEntry> correctors = new HashMap<>();

  public CaseHistory(List<TimelineEntry> entries) {
    this.entries = List.copyOf(entries);
    for (TimelineEntry e : entries) {
      byId.put(e.eventId(), e);
      if (e.correction() != null) {
        correctors.put(e.correction().eventId(), e);
      }
    }
  }

  public Optional<TimelineEntry> event(UUID eventId) {
    return Optional.ofNullable(byId.get(eventId));
  }

  /** The later event that replaced or withdrew this one, if any. */
  public Optional<TimelineEntry> correctedBy(UUID eventId) {
    return Optional.ofNullable(correctors.get(eventId));
  }

  public CaseHistory with(TimelineEntry e) {
    List<TimelineEntry> more = new ArrayList<>(entries);
    more.add(e);
    return new CaseHistory(more);
  }

  /** The events that stand, in the order of the events first recorded (each replaced one by its newest version). */
  public List<TimelineEntry> standing() {
    Map<UUID, TimelineEntry> slots = new LinkedHashMap<>();
    Map<UUID, UUID> firstOf = new HashMap<>();
    for (TimelineEntry e : entries) {
      UUID first = e.correction() == null ? e.eventId() : firstOf.getOrDefault(e.correction().eventId(), e.eventId());
      firstOf.put(e.eventId(), first);
      boolean withdrawal = e.correction() != null && e.correction().kind() == CorrectionKind.WITHDRAWS;
      slots.put(first, withdrawal ? null : e);
    }
    return slots.values().stream().filter(java.util.Objects::nonNull).toList();
  }
}
