package org.vigie.notifier.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.notifier.route.AssociationLocks;
import org.vigie.notifier.route.Router;
import org.vigie.platform.db.DataErrors;
import org.vigie.platform.kafka.BatchHandler;
import org.vigie.schemas.AlertStatus;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.serde.AvroSerde;

/**
 * Records a batch of {@code vigie.case-alerts.v1} records in one transaction: RAISED alerts get
 * their ledger rows, RESOLVED ones cancel what is pending and get a resolved notice, undecodable
 * records go to the dead-letter topic. The consumer commits offsets only after this returns.
 */
public final class AlertIntake implements BatchHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
  private static final List<NotificationKind> FOLLOW_UPS =
      List.of(NotificationKind.ALERT, NotificationKind.REMINDER, NotificationKind.ESCALATION);

  private final Jdbi jdbi;
  private final AlertStore alerts;
  private final Ledger ledger;
  private final Router router;
  private final Outcomes outcomes;
  private final NotifierMetrics metrics;
  private final Clock clock;
  private final Runnable onRecorded;
  private final RaisedHook onRaised;
  private final Consumer<List<CaseAlert>> beforeRouting;
  private final AvroSerde<CaseAlert> serde = AvroSerde.of(CaseAlert.class);

  /** Run in the intake's transaction once RAISED alerts are recorded and their notifications planned. */
  @FunctionalInterface
  public interface RaisedHook {
    void recorded(Handle h, Collection<String> alertIds);
  }

  /** @param onRaised e.g. applies the acknowledgements that arrived before their alerts */
  public AlertIntake(Jdbi jdbi, AlertStore alerts, Ledger ledger, Router router, Outcomes outcomes,
      NotifierMetrics metrics, Clock clock, Runnable onRecorded, RaisedHook onRaised) {
    this(jdbi, alerts, ledger, router, outcomes, metrics, clock, onRecorded, onRaised, batch -> {});
  }

  /**
   * @param beforeRouting given a batch's alerts before their transaction, e.g. waits for the directory copy to know
   *     their assignees ({@link org.vigie.notifier.directory.DirectoryBarrier#beforeRouting})
   */
  public AlertIntake(Jdbi jdbi, AlertStore alerts, Ledger ledger, Router router, Outcomes outcomes,
      NotifierMetrics metrics, Clock clock, Runnable onRecorded, RaisedHook onRaised,
      Consumer<List<CaseAlert>> beforeRouting) {
    this.beforeRouting = beforeRouting;
    this.jdbi = jdbi;
    this.alerts = alerts;
    this.ledger = ledger;
    this.router = router;
    this.outcomes = outcomes;
    this.metrics = metrics;
    this.clock = clock;
    this.onRecorded = onRecorded;
    this.onRaised = onRaised;
  }

  /**
   * For {@link org.vigie.platform.kafka.IsolatingBatchHandler}: an alert record the database refuses goes to the
   * dead-letter topic, as an undecodable one does.
   */
  public void deadLetter(ConsumerRecord<String, byte[]> r, Exception error) {
    String state = DataErrors.sqlState(error);
    LOG.warn("alert record {} refused by the database (SQLSTATE {}), sent to the dead-letter topic", where(r), state);
    jdbi.useTransaction(h -> poison(h, r, "refused by the database, SQLSTATE " + state));
    metrics.poison();
  }

  private static String where(ConsumerRecord<String, byte[]> r) {
    return r.topic() + "/" + r.partition() + "@" + r.offset();
  }

  /** Sends a record to the dead-letter topic, through the outbox of the transaction {@code h}. */
  private void poison(Handle h, ConsumerRecord<String, byte[]> r, String reason) {
    outcomes.poison(h, r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8), r.value(),
        "source=" + where(r) + "; " + reason);
  }

  @Override
  public void handle(List<ConsumerRecord<String, byte[]>> records) {
    int[] poison = {0};
    List<Object> decoded = new ArrayList<>(records.size());
    Set<String> associations = new HashSet<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      try {
        CaseAlert alert = decode(r);
        associations.add(alert.getAssociationId());
        decoded.add(alert);
      } catch (RuntimeException e) {
        decoded.add(new Poison(r, e));
      }
    }
    beforeRouting.accept(decoded.stream().filter(CaseAlert.class::isInstance).map(CaseAlert.class::cast).toList());
    jdbi.useTransaction(h -> {
      Instant now = clock.instant();
      AssociationLocks.lock(h, associations);
      // The follow-ups a resolution or a hand-over cancels are locked before any alert row (see Ledger.lockPending).
      Set<String> handedOver = alerts.handedOver(h, withStatus(decoded, AlertStatus.RAISED));
      List<String> cancelling = new ArrayList<>(handedOver);
      withStatus(decoded, AlertStatus.RESOLVED).forEach(a -> cancelling.add(a.getAlertId()));
      ledger.lockPending(h, cancelling, FOLLOW_UPS);
      List<CaseAlert> raised = new ArrayList<>();
      for (Object item : decoded) {
        if (item instanceof Poison p) {
          LOG.warn("poison alert record {} sent to the dead-letter topic: {}", where(p.record()),
              p.error().getClass().getSimpleName());
          poison(h, p.record(), p.error().getClass().getName() + ": " + rootMessage(p.error()));
          poison[0]++;
          continue;
        }
        CaseAlert alert = (CaseAlert) item;
        if (alert.getStatus() == AlertStatus.RAISED) {
          raised.add(alert);
        } else {
          acceptRaised(h, raised, handedOver, now);
          raised.clear();
          accept(h, alert, now);
        }
      }
      acceptRaised(h, raised, handedOver, now);
    });
    for (int i = 0; i < poison[0]; i++) {
      metrics.poison();
    }
    onRecorded.run();
  }

  /** The decoded alerts of a batch with this status, in order. */
  private static List<CaseAlert> withStatus(List<Object> decoded, AlertStatus status) {
    List<CaseAlert> alerts = new ArrayList<>();
    for (Object item : decoded) {
      if (item instanceof CaseAlert alert && alert.getStatus() == status) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  private record Poison(ConsumerRecord<String, byte[]> record, RuntimeException error) {}

  /**
   * Records consecutive RAISED alerts together: a few round trips for the whole run. An alert whose
   * case was handed over ({@code handedOver}) is in a new follow-up cycle: it drops what was still
   * pending for the cycles before (its follow-up clock starts again with the volunteer now assigned),
   * before it is routed to them.
   */
  private void acceptRaised(Handle h, List<CaseAlert> raised, Set<String> handedOver, Instant now) {
    if (!raised.isEmpty()) {
      Map<String, AlertView> recorded = alerts.upsertRaisedAll(h, raised, now);
      for (AlertView a : recorded.values()) {
        if (handedOver.contains(a.alertId())) {
          ledger.cancelPendingBefore(h, a.alertId(), a.cycle(), FOLLOW_UPS);
        }
      }
      router.routeAll(h, recorded.values(), now);
      onRaised.recorded(h, recorded.keySet());
    }
  }

  /** Records one alert within the caller's transaction. */
  public void accept(Handle h, CaseAlert alert, Instant now) {
    if (alert.getStatus() == AlertStatus.RAISED) {
      router.route(h, alerts.upsertRaised(h, alert, now), now);
      onRaised.recorded(h, List.of(alert.getAlertId()));
      return;
    }
    if (!alerts.resolve(h, alert, now)) {
      return;
    }
    ledger.cancelPending(h, alert.getAlertId(), FOLLOW_UPS);
    AlertView view = alerts.find(h, alert.getAlertId()).orElseThrow();
    for (LedgerRow told : ledger.delivered(h, alert.getAlertId())) {
      router.contact(h, view.associationId(), told.recipientId())
          .filter(c -> c.active())
          .ifPresent(c -> router.notify(h, view, c, NotificationKind.RESOLVED_NOTICE, 0, false, now));
    }
  }

  private CaseAlert decode(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      throw new IllegalArgumentException("null value on the alerts topic");
    }
    CaseAlert alert = serde.decode(r.value());
    if (alert.getAlertId() == null || alert.getAlertId().isBlank() || alert.getCaseId().isBlank()
        || alert.getAssociationId().isBlank()) {
      throw new IllegalArgumentException("alert without alertId, caseId or associationId");
    }
    return alert;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
