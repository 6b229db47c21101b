package org.vigie.intake.command;

import org.jdbi.v3.core.Handle;

/** A write: runs inside one database transaction, appends its records to the outbox. */
@FunctionalInterface
public interface TxCommand {
  CommandResult run(Handle h);
}
