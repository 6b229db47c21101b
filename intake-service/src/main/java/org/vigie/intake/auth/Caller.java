package org.vigie.intake.auth;

import java.util.UUID;
import org.vigie.audit.timeline.TimelineNames;

/**
 * The authenticated caller. {@code associationId} is null only for the administrator;
 * {@code volunteerId} is null for the administrator and for an association-level token.
 */
public record Caller(UUID tokenId, Role role, UUID associationId, UUID volunteerId) {
  /** The author of what an association-level token records; timelines name the association for it. */
  public static final String ASSOCIATION_RECORDER = TimelineNames.ASSOCIATION_RECORDER;

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** What goes into {@code CaseEvent.recordedBy}: the volunteer id, or "association". */
  public String recordedBy() {
    return volunteerId != null ? volunteerId.toString() : ASSOCIATION_RECORDER;
  }

  /** True when the caller may act inside this association (its own members, or the administrator). */
  public boolean canManage(UUID association) {
    return isAdmin() || association.equals(associationId);
  }
}
