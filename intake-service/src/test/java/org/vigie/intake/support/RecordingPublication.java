package org.vigie.intake.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.vigie.intake.command.GroupCommit;
import org.vigie.intake.outbox.OutboxRecord;

/** A group commit's publication that keeps what it is asked to send and answers with a given acknowledgement. */
public final class RecordingPublication implements GroupCommit.Publication {
  private final List<List<OutboxRecord>> published = new ArrayList<>();
  private final CompletableFuture<Void> acknowledgement;

  public RecordingPublication(CompletableFuture<Void> acknowledgement) {
    this.acknowledgement = acknowledgement;
  }

  /** Every batch sent so far, in order. */
  public List<List<OutboxRecord>> published() {
    synchronized (published) {
      return new ArrayList<>(published);
    }
  }

  @Override
  public void expect(List<OutboxRecord> records) {
  }

  @Override
  public void forget(List<OutboxRecord> records) {
  }

  @Override
  public CompletableFuture<Void> publishAsync(List<OutboxRecord> records) {
    synchronized (published) {
      published.add(records);
    }
    return acknowledgement;
  }
}
