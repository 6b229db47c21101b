package org.vigie.notifier.directory;

import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.route.AssociationLocks;
import org.vigie.notifier.route.Router;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
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

  /** For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: an entry the database refuses is skipped with a warning. */
  public void refused(ConsumerRecord<String, byte[]> r, Exception error) {
    LOG.warn("directory record at {}/{}@{} refused by the database (SQLSTATE {}), ignored", r.topic(), r.partition(), r.offset(),
        DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    List<Map.Entry<String, DirectoryEntry>> entries = new ArrayList<>();
    Set<String> associations = new HashSet<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() == null) {
        LOG.warn("directory record without key at {}/{}@{} ignored", r.topic(), r.partition(), r.offset());
        continue;
      }
      DirectoryEntry entry = null;
      if (r.value() != null) {
        try {
          entry = serde.decode(r.value());
          associations.add(entry.getAssociationId());
        } catch (RuntimeException e) {
          LOG.warn("undecodable directory record at {}/{}@{} ignored: {}", r.topic(), r.partition(), r.offset(),
              e.getClass().getSimpleName());
          continue;
        }
      }
      entries.add(new AbstractMap.SimpleImmutableEntry<>(r.key(), entry));
    }
    int routed = jdbi.inTransaction(h -> {
      AssociationLocks.lock(h, associations);
      Set<String> changed = new LinkedHashSet<>();
      for (Map.Entry<String, DirectoryEntry> e : entries) {
        if (e.getValue() == null) {
          store.delete(h, e.getKey()).ifPresent(changed::add);
        } else {
          store.upsert(h, e.getKey(), e.getValue());
          changed.add(e.getValue().getAssociationId());
        }
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
