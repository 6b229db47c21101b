package org.vigie.audit.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's timeline, oldest first. No identity: events carry pseudonymous ids only; an identity
 * label given by the vault is kept only while the case is not erased.
 *
 * @param identityLabel how the association names the person (from intake's vault), or null
 * @param erasedOn the day the case was erased, or null
 * @param associationName the association's name, or null when unknown (added last)
 */
public record CaseTimeline(
    String caseId,
    String associationId,
    Instant generatedAt,
    String identityLabel,
    LocalDate erasedOn,
    int events,
    int alerts,
    int notifications,
    List<TimelineEntry> entries,
    String associationName) {

  public CaseTimeline {
    entries = List.copyOf(entries);
    if (erasedOn != null) {
      identityLabel = null;
    }
  }

  public boolean erased() {
    return erasedOn != null;
  }
}
