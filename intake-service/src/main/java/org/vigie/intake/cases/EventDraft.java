package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated event request: the Avro payload, the timeline details (no personal data), a note
 * for the vault (BLOCKAGE_REPORTED), and a volunteer id to check against the association.
 */
public record EventDraft(EventType type, LocalDate occurredOn, Object payload, ObjectNode details,
    Optional<String> note, Optional<UUID> volunteerId) {}
