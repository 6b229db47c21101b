package org.vigie.notifier.ack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.route.AssociationLocks;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.serde.AvroSerde;

/**
 * Reads {@code vigie.alert-acknowledgements.v1}: alerts a volunteer took in hand on the page or
 * through intake's API are acknowledged here as with a link, so that nobody is reminded of them and
 * the coordinator gets no escalation. One for an alert the notifier has not received yet is kept
 * and applied when the alert arrives ({@link EarlyAcknowledgements}); one for another association's
 * alert is logged and skipped.
 */
public final class AcknowledgementIntake implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementIntake.class);

  private final Jdbi jdbi;
  private final Acknowledger acknowledger;
  private final Runnable onAcknowledged;
  private final Clock clock;
  private final EarlyAcknowledgements early = new EarlyAcknowledgements();
  private final AvroSerde<AlertAcknowledgement> serde = AvroSerde.of(AlertAcknowledgement.class);

  /** @param onAcknowledged run after a batch acknowledged something (its outcomes wait in the outbox) */
  public AcknowledgementIntake(Jdbi jdbi, Acknowledger acknowledger, Clock clock, Runnable onAcknowledged) {
    this.jdbi = jdbi;
    this.acknowledger = acknowledger;
    this.clock = clock;
    this.onAcknowledged = onAcknowledged;
  }

  /** For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: one the database refuses is skipped with a warning. */
  public void refused(ConsumerRecord<String, byte[]> r, Exception error) {
    LOG.warn("acknowledgement at {}/{}@{} refused by the database (SQLSTATE {}), ignored", r.topic(), r.partition(), r.offset(),
        DataErrors.sqlState(error));
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    List<AlertAcknowledgement> acks = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.value() == null) {
        continue;
      }
      try {
        acks.add(serde.decode(r.value()));
      } catch (RuntimeException e) {
        LOG.warn("undecodable acknowledgement at {}/{}@{} ignored: {}", r.topic(), r.partition(), r.offset(), e.getClass().getSimpleName());
      }
    }
    Set<String> associations = new HashSet<>();
    acks.forEach(a -> associations.add(a.getAssociationId()));
    int done = jdbi.inTransaction(h -> {
      // the alert intake's locks: an alert recorded meanwhile is seen here or finds the acknowledgement kept
      AssociationLocks.lock(h, associations);
      early.forgetOld(h, clock.instant());
      int acknowledged = 0;
      for (AlertAcknowledgement ack : acks) {
        Acknowledger.Result result = acknowledger.acknowledge(h, ack);
        if (result == Acknowledger.Result.ACKNOWLEDGED) {
          acknowledged++;
        } else if (result == Acknowledger.Result.INVALID) {
          LOG.warn("acknowledgement of alert {} (association {}) ignored: the alert is another association's", ack.getAlertId(),
              ack.getAssociationId());
        } else if (result == Acknowledger.Result.AWAITING_ALERT) {
          LOG.info("acknowledgement of alert {} kept until the alert arrives", ack.getAlertId());
        }
      }
      return acknowledged;
    });
    if (done > 0) {
      onAcknowledged.run();
    }
  }
}
