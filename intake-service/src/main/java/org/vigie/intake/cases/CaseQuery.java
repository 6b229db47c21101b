package org.vigie.intake.cases;

import java.util.Optional;
import java.util.UUID;

/** Filters and paging of the case listing. */
public record CaseQuery(UUID associationId, String status, Optional<UUID> assignedVolunteerId, Optional<String> department,
    Optional<String> procedure, Optional<java.time.LocalDate> permitExpiresBefore, int limit, int offset) {}
