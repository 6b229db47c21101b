package org.vigie.intake.cases;

import java.util.Optional;
import java.util.UUID;

/** Filters and paging of the case listing; {@code foreignerNumberIndex}: the vault's hash of a foreigner number. */
public record CaseQuery(UUID associationId, String status, Optional<UUID> assignedVolunteerId, Optional<String> department,
    Optional<String> procedure, Optional<java.time.LocalDate> permitExpiresBefore, Optional<byte[]> foreignerNumberIndex,
    int limit, int offset) {}
