package org.vigie.notifier.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.notifier.ack.AckTokens;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.channel.Channel;
import org.vigie.notifier.channel.DeliveryException;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.directory.DirectoryStore;
import org.vigie.notifier.followup.FollowUpClock;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.message.Notice;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.notifier.route.Router;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationOutcome;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.Severity;

/**
 * Sends due PENDING ledger rows. A dispatcher takes a few recipients (one dispatcher at a time per
 * recipient), claims their due rows with {@code FOR UPDATE SKIP LOCKED} and sends each recipient's
 * rows of one channel and kind as one message ({@link Bursts}). The transaction stays open across the
 * send, so a row is updated only after the remote side accepted it: a crash in between leaves it
 * PENDING and it is sent again after restart (at most twice), never lost. Concurrent dispatchers, in
 * this or another instance, skip a taken recipient and a claimed row.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final Jdbi jdbi;
  private final Ledger ledger;
  private final AlertStore alerts;
  private final Router router;
  private final Map<NotificationChannel, Channel> channels;
  private final AckTokens tokens;
  private final Outcomes outcomes;
  private final NotifierMetrics metrics;
  private final Backoff backoff;
  private final NotifierSettings settings;
  private final FollowUpClock followUpClock;
  private final Clock clock;
  private final Runnable onChange;
  /** Recipients handled in one transaction. */
  private static final int BATCH = 8;
  /** A recipient's rows claimed in one transaction at most (several messages when they exceed one's items). */
  private static final int ROWS_PER_RECIPIENT = 4 * Bursts.MAX_ITEMS;
  /** Rows of the same recipient, channel and kind due this much later still join a message (sent a little early). */
  static final Duration GROUPING_WINDOW = Duration.ofSeconds(30);

  public Dispatcher(Jdbi jdbi, Ledger ledger, AlertStore alerts, Router router, Map<NotificationChannel, Channel> channels,
      AckTokens tokens, Outcomes outcomes, NotifierMetrics metrics, Backoff backoff, NotifierSettings settings,
      FollowUpClock followUpClock, Clock clock, Runnable onChange) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.alerts = alerts;
    this.router = router;
    this.channels = Map.copyOf(channels);
    this.tokens = tokens;
    this.outcomes = outcomes;
    this.metrics = metrics;
    this.backoff = backoff;
    this.settings = settings;
    this.followUpClock = followUpClock;
    this.clock = clock;
    this.onChange = onChange;
  }

  /**
   * Handles a few due rows in one transaction (one commit for several sends); false when nothing
   * was due. A crash before the commit resends the batch's rows once, with the same ids.
   */
  public boolean dispatchBatch() {
    Instant now = clock.instant();
    int handled = jdbi.inTransaction(h -> {
      List<LedgerRow> claimed = new ArrayList<>();
      for (String recipient : ledger.takeDueRecipients(h, now, BATCH)) {
        claimed.addAll(ledger.claimDue(h, recipient, now.plus(GROUPING_WINDOW), ROWS_PER_RECIPIENT));
      }
      List<List<LedgerRow>> messages = Bursts.of(claimed);
      Set<String> alertIds = new HashSet<>();
      Set<String> recipients = new HashSet<>();
      for (LedgerRow row : claimed) {
        if (row.alertId() != null) {
          alertIds.add(row.alertId());
        }
        recipients.add(row.recipientId());
      }
      Prefetched prefetched = new Prefetched(alerts.findAll(h, alertIds), router.contacts(h, recipients),
          ledger.handedOver(h, claimed.stream().map(LedgerRow::id).toList()));
      Accepted accepted = new Accepted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (List<LedgerRow> rows : messages) {
        if (rows.get(0).kind() == NotificationKind.DIGEST) {
          deliverDigest(h, rows.get(0), clock.instant(), prefetched, accepted);
        } else {
          deliver(h, rows, clock.instant(), prefetched, accepted);
        }
      }
      ledger.markSentAll(h, accepted.sent());
      alerts.firstSentAll(h, accepted.firstSent());
      outcomes.recordAll(h, accepted.outcomes());
      return claimed.size();
    });
    if (handled > 0) {
      onChange.run();
    }
    return handled > 0;
  }

  /**
   * Alerts and contacts of a claimed batch, and its first notifications of a case just handed over to
   * their recipient ({@link Ledger#handedOver}), read together.
   */
  private record Prefetched(Map<String, AlertView> alerts, Map<String, Contact> contacts, Set<Long> handedOver) {}

  /** What the remote sides accepted in a batch, written together before the commit. */
  private record Accepted(List<Ledger.Sent> sent, List<AlertStore.FirstSent> firstSent, List<NotificationOutcome> outcomes) {}

  /**
   * A digest row: the rows it groups, in one message. A crash before the commit sends it again with
   * the same ids; a permanent failure gives its rows back to individual delivery.
   */
  private void deliverDigest(Handle h, LedgerRow row, Instant now, Prefetched prefetched, Accepted accepted) {
    List<LedgerRow> grouped = ledger.groupedBy(h, row.id()).stream().filter(r -> Ledger.PENDING.equals(r.state())).toList();
    List<AlertView> about = new ArrayList<>();
    for (LedgerRow r : grouped) {
      alert(h, prefetched, r.alertId()).filter(a -> a.resolvedAt() == null && a.acknowledgedAt() == null)
          .ifPresent(about::add);
    }
    if (about.isEmpty()) {
      ledger.cancel(h, row.id());
      return;
    }
    Optional<Contact> contact = contact(h, prefetched, about.get(0).associationId(), row.recipientId());
    if (contact.isEmpty()) {
      fail(h, row, null, row.attempts(), "recipient no longer in the directory", now);
      return;
    }
    if (about.stream().noneMatch(a -> a.severity() == Severity.CRITICAL)) {
      Optional<Instant> until = QuietHours.deferUntil(contact.get(), now);
      if (until.isPresent()) {
        ledger.defer(h, row.id(), until.get());
        return;
      }
    }
    // a digest's rows were not claimed with the batch: read for this digest alone
    Set<Long> handedOver = ledger.handedOver(h, grouped.stream().map(LedgerRow::id).toList());
    Notice message = notice(h, prefetched, row, grouped, about, contact.get(), handedOver, now);
    int attempts = row.attempts() + 1;
    try {
      send(row, message);
    } catch (DeliveryException e) {
      if (e.permanent() || attempts >= settings.maxAttempts()) {
        fail(h, row, null, attempts, e.getMessage(), now);
      } else {
        ledger.scheduleRetry(h, row.id(), attempts, now.plus(backoff.delay(attempts)), e.getMessage());
        metrics.retried(row.channel());
        LOG.info("notification {} attempt {} failed, retrying: {}", row.id(), attempts, e.getMessage());
      }
      return;
    }
    accepted.sent().add(new Ledger.Sent(row.id(), attempts, now, row.key()));
    ledger.markGroupedSent(h, row.id(), row.key(), now);
    for (LedgerRow r : grouped) {
      AlertView a = alertOf(about, r);
      if (a != null) {
        accept(accepted, r, a, attempts, now);
      }
    }
    metrics.sent(row.channel());
  }

  /**
   * Rows of one recipient, channel and kind (one or several) in one message, most severe first. A row
   * whose alert was resolved or acknowledged meanwhile is cancelled; in quiet hours, the non-critical
   * rows wait and the critical ones go. The message's ids (Message-ID, webhook-id) are its first row's;
   * each row keeps its own ack link, state, attempts and outcome.
   */
  private void deliver(Handle h, List<LedgerRow> rows, Instant now, Prefetched prefetched, Accepted accepted) {
    boolean notice = rows.get(0).kind() == NotificationKind.RESOLVED_NOTICE;
    Map<LedgerRow, AlertView> live = new LinkedHashMap<>();
    for (LedgerRow r : rows) {
      AlertView a = alert(h, prefetched, r.alertId()).orElse(null);
      if (a == null || !notice && (a.resolvedAt() != null || a.acknowledgedAt() != null)) {
        ledger.cancel(h, r.id());
      } else {
        live.put(r, a);
      }
    }
    if (live.isEmpty()) {
      return;
    }
    Optional<Contact> contact = contact(h, prefetched, live.values().iterator().next().associationId(),
        rows.get(0).recipientId());
    if (contact.isEmpty()) {
      live.forEach((r, a) -> fail(h, r, a, r.attempts(), "recipient no longer in the directory", now));
      return;
    }
    Optional<Instant> until = QuietHours.deferUntil(contact.get(), now);
    if (until.isPresent()) {
      live.entrySet().removeIf(e -> {
        boolean waits = e.getValue().severity() != Severity.CRITICAL;
        if (waits) {
          ledger.defer(h, e.getKey().id(), until.get());
        }
        return waits;
      });
      if (live.isEmpty()) {
        return;
      }
    }
    List<LedgerRow> ordered = new ArrayList<>(live.keySet());
    ordered.sort(Comparator.comparing((LedgerRow r) -> live.get(r).severity()).reversed()
        .thenComparing(r -> live.get(r).deadline(), Comparator.nullsLast(Comparator.naturalOrder())));
    LedgerRow lead = ordered.get(0);
    Notice message = notice(h, prefetched, lead, ordered, ordered.stream().map(live::get).toList(), contact.get(),
        prefetched.handedOver(), now).following(threadKey(h, ordered, prefetched.handedOver()));
    try {
      send(lead, message);
    } catch (DeliveryException e) {
      int retried = 0;
      for (LedgerRow r : ordered) {
        int attempts = r.attempts() + 1;
        if (e.permanent() || attempts >= settings.maxAttempts()) {
          fail(h, r, live.get(r), attempts, e.getMessage(), now);
        } else {
          ledger.scheduleRetry(h, r.id(), attempts, now.plus(backoff.delay(attempts)), e.getMessage());
          retried++;
        }
      }
      if (retried > 0) {
        metrics.retried(lead.channel());
        LOG.info("notification {} ({} row(s) in the message) failed, retrying: {}", lead.id(), ordered.size(),
            e.getMessage());
      }
      return;
    }
    for (LedgerRow r : ordered) {
      int attempts = r.attempts() + 1;
      accepted.sent().add(new Ledger.Sent(r.id(), attempts, now, lead.key()));
      accept(accepted, r, live.get(r), attempts, now);
    }
    metrics.sent(lead.channel());
  }

  /**
   * The conversation a mail belongs to in its recipient's mailbox: the key of the first mail they received about its
   * alerts, when that is one and the same mail for all of them (an alert followed up alone; alerts first told
   * together, in one mail or one digest, and followed up together); null otherwise, the mail then starting a
   * conversation of its own (a first mail; alerts first told in different mails: a mail answers one message).
   * A first notification (ALERT) not handed over is the first mail about its alert to anyone: nothing to look up.
   */
  private String threadKey(Handle h, List<LedgerRow> rows, Set<Long> handedOver) {
    LedgerRow lead = rows.get(0);
    if (lead.channel() != NotificationChannel.EMAIL
        || rows.stream().allMatch(r -> r.kind() == NotificationKind.ALERT && !handedOver.contains(r.id()))) {
      return null;
    }
    Map<String, String> first = ledger.firstMails(h, lead.recipientId(), rows.stream().map(LedgerRow::alertId).toList());
    Set<String> keys = new HashSet<>();
    for (LedgerRow r : rows) {
      String key = first.get(r.alertId());
      if (key == null) {
        return null;
      }
      keys.add(key);
    }
    return keys.size() == 1 ? keys.iterator().next() : null;
  }

  /** The alert of a row, from the batch's prefetch or else the store. */
  private Optional<AlertView> alert(Handle h, Prefetched prefetched, String alertId) {
    return Optional.ofNullable(prefetched.alerts().get(alertId)).or(() -> alerts.find(h, alertId));
  }

  /** The recipient's contact if still active, from the batch's prefetch or else the directory copy. */
  private Optional<Contact> contact(Handle h, Prefetched prefetched, String associationId, String recipientId) {
    return Optional.ofNullable(prefetched.contacts().get(DirectoryStore.key(associationId, recipientId)))
        .or(() -> router.contact(h, associationId, recipientId))
        .filter(Contact::active);
  }

  /** A row the remote side accepted: its outcome, and the escalation clock of the alert's first sending. */
  private void accept(Accepted accepted, LedgerRow r, AlertView a, int attempts, Instant now) {
    if (r.kind() == NotificationKind.ALERT || r.kind() == NotificationKind.ESCALATION) {
      accepted.firstSent().add(new AlertStore.FirstSent(a.alertId(), now,
          followUpClock.first(a.severity(), a.deadline(), now).orElse(null)));
    }
    accepted.outcomes().add(Outcomes.of(r, a, NotificationState.SENT, attempts, now, null));
  }

  private void send(LedgerRow row, Notice message) throws DeliveryException {
    try {
      channels.get(row.channel()).send(message);
    } catch (RuntimeException e) {
      throw DeliveryException.transientFailure("unexpected " + e.getClass().getSimpleName(), e);
    }
  }

  /** A permanent failure: a digest's rows go back to individual delivery; an alert's row is dead-lettered and rerouted. */
  private void fail(Handle h, LedgerRow row, AlertView alert, int attempts, String reason, Instant now) {
    ledger.markFailed(h, row.id(), attempts, reason);
    metrics.failed(row.channel());
    LOG.warn("notification {} ({} {}) failed permanently: {}", row.id(), row.kind(), row.channel(), reason);
    if (row.kind() == NotificationKind.DIGEST) {
      ledger.releaseDigest(h, row.id(), now);
      return;
    }
    NotificationOutcome failed = outcomes.record(h, row, alert, NotificationState.FAILED, attempts, now, reason);
    outcomes.deadLetter(h, failed, reason);
    if (row.kind() != NotificationKind.RESOLVED_NOTICE && alert.resolvedAt() == null) {
      List<String> added = router.fallback(h, row, alert, now);
      if (added.isEmpty()) {
        LOG.warn("alert {}: no fallback recipient left after a permanent failure", alert.alertId());
      }
    }
  }

  /** @param handedOver ids of rows that are the first notification of a case just handed over to their recipient */
  private Notice notice(Handle h, Prefetched prefetched, LedgerRow row, List<LedgerRow> grouped, List<AlertView> about,
      Contact contact, Set<Long> handedOver, Instant now) {
    List<Notice.Item> items = new ArrayList<>();
    Instant expiry = tokens.expiryFrom(now);
    for (LedgerRow r : grouped) {
      AlertView a = alertOf(about, r);
      if (a == null) {
        continue;
      }
      String link = row.kind() == NotificationKind.RESOLVED_NOTICE ? null
          : settings.publicUrl() + "/ack/" + tokens.issue(r.id(), expiry);
      items.add(new Notice.Item(a, link, expiry, handedOver.contains(r.id()), standIn(h, prefetched, r, a, contact, now),
          followedBy(h, prefetched, r, a, now)));
    }
    return new Notice(row, contact, items, now);
  }

  /** Whom the recipient stands in for: the volunteer following the case, when someone else gets their alert while they are away. */
  private Notice.StandIn standIn(Handle h, Prefetched prefetched, LedgerRow r, AlertView a, Contact recipient, Instant now) {
    boolean theirs = r.kind() == NotificationKind.ALERT || r.kind() == NotificationKind.REMINDER || r.kind() == NotificationKind.DIGEST;
    if (!theirs || a.assignedVolunteerId() == null || a.assignedVolunteerId().equals(recipient.volunteerId())) {
      return null;
    }
    return contact(h, prefetched, a.associationId(), a.assignedVolunteerId()).filter(c -> c.absentAt(now))
        .map(c -> new Notice.StandIn(c.displayName(), c.absentUntil())).orElse(null);
  }

  /** For a coordinator's escalation: who follows the case, and until when they are away if they are; null otherwise. */
  private Notice.StandIn followedBy(Handle h, Prefetched prefetched, LedgerRow r, AlertView a, Instant now) {
    if (r.kind() != NotificationKind.ESCALATION || a.assignedVolunteerId() == null) {
      return null;
    }
    return contact(h, prefetched, a.associationId(), a.assignedVolunteerId())
        .map(c -> new Notice.StandIn(c.displayName(), c.absentAt(now) ? c.absentUntil() : null)).orElse(null);
  }

  private static AlertView alertOf(List<AlertView> about, LedgerRow r) {
    for (AlertView a : about) {
      if (a.alertId().equals(r.alertId())) {
        return a;
      }
    }
    return null;
  }
}
