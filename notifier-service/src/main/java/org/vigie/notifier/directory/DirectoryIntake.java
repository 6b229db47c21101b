package org.vigie.notifier.directory;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.consume.BatchHandler;
import org.vigie.notifier.route.Router;
import org.vigie.schemas.DirectoryEntry;
import org.vigie.schemas.serde.AvroSerde;

/**
 * Copies {@code vigie.directory.v1} into the notifier's schema: an entry replaces the row of its
 * key, a tombstone deletes it. Alerts that were waiting for a recipient of a changed association
 * are routed in the same transaction.
 */
public final class DirectoryIntake implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIntake.class);

  private final Jdbi jdbi;
  private final DirectoryStore store;
  private final Router router;
  private final Clock clock;
  private final Runnable onRouted;
  private final AvroSerde<DirectoryEntry> serde = AvroSerde.of(DirectoryEntry.class);

  public DirectoryIntake(Jdbi jdbi, DirectoryStore store, Router router, Clock clock, Runnable onRouted) {
    this.jdbi = jdbi;
    this.store = store;
    this.router = router;
    this.clock = clock;
    this.onRouted = onRouted;
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    int routed = jdbi.inTransaction(h -> {
      Set<String> changed = new LinkedHashSet<>();
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.key() == null) {
          LOG.warn("directory record without key at {}/{}@{} ignored", r.topic(), r.partition(), r.offset());
          continue;
        }
        if (r.value() == null) {
          store.delete(h, r.key()).ifPresent(changed::add);
          continue;
        }
        DirectoryEntry entry;
        try {
          entry = serde.decode(r.value());
        } catch (RuntimeException e) {
          LOG.warn("undecodable directory record at {}/{}@{} ignored: {}", r.topic(), r.partition(), r.offset(),
              e.getClass().getSimpleName());
          continue;
        }
        store.upsert(h, r.key(), entry);
        changed.add(entry.getAssociationId());
      }
      int added = 0;
      for (String association : changed) {
        added += router.reroute(h, association, clock.instant());
      }
      return added;
    });
    if (routed > 0) {
      onRouted.run();
    }
  }
}
