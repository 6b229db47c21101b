package org.vigie.intake.command;

import java.util.List;
import org.vigie.intake.outbox.OutboxRecord;

/** What a write answers (status and JSON body) and the outbox records it wrote. */
public record CommandResult(int status, String body, List<OutboxRecord> records) {}
