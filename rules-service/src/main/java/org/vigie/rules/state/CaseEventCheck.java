package org.vigie.rules.state;

import java.util.Optional;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.Correction;
import org.vigie.schemas.VolunteerAssigned;

/**
 * Whether a decoded case event can be folded: the rules-service sends the others to its dead-letter queue, and
 * a replay leaves them out the same way, so that both derive the same alerts from the same log.
 */
public final class CaseEventCheck {
  private CaseEventCheck() {}

  /** Why {@code event}, read under {@code key} (null: no key), cannot be folded; empty when it can. */
  public static Optional<String> problem(String key, CaseEvent event) {
    if (event.getCaseId() == null || event.getCaseId().isEmpty() || event.getEventId() == null
        || event.getAssociationId() == null || event.getOccurredOn() == null || event.getPayload() == null) {
      return Optional.of("Case event misses a required field");
    }
    if (key != null && !key.equals(event.getCaseId())) {
      return Optional.of("Case event keyed by another case id");
    }
    String volunteer = event.getPayload() instanceof CaseOpened opened ? opened.getAssignedVolunteerId()
        : event.getPayload() instanceof VolunteerAssigned assigned ? assigned.getVolunteerId() : null;
    if (hasControlCharacter(event.getCaseId()) || hasControlCharacter(event.getAssociationId())
        || hasControlCharacter(event.getEventId()) || hasControlCharacter(volunteer)) {
      // these ids travel into the alerts, and on into the databases that keep them (a NUL character
      // cannot be stored as PostgreSQL text): refused here, once, rather than by every reader
      return Optional.of("Case event id holds a control character");
    }
    Correction correction = event.getCorrection();
    if (correction != null) {
      if (correction.getEventId() == null || correction.getEventId().equals(event.getEventId())) {
        return Optional.of("Case event corrects itself or no event");
      }
      if (event.getPayload() instanceof VolunteerAssigned || event.getPayload() instanceof CaseErased) {
        // an assignment is replaced by a new one, an erasure is final: neither is corrected
        return Optional.of("Case event corrects an event that cannot be corrected");
      }
    }
    return Optional.empty();
  }

  private static boolean hasControlCharacter(String id) {
    if (id == null) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
