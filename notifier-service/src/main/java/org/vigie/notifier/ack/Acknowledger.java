package org.vigie.notifier.ack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.schemas.AlertAcknowledgement;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.VolunteerRole;

/**
 * Acknowledges an alert from a signed link (the row and the alert are marked, pending reminders
 * cancelled), or as taken in hand on the page or through intake's API.
 */
public final class Acknowledger {
  /** What the link did, or would do. */
  public enum Result {
    ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, EXPIRED, INVALID,
    /** The link opened, not yet confirmed: the alert would be taken in hand ({@link #inspect}). */
    PENDING,
    /** The alert ended before anyone took it in hand: nothing to take in hand (its resolution notice says why). */
    RESOLVED,
    /** Taken in hand in intake before this service received the alert: applied when it arrives. */
    AWAITING_ALERT,
    /** The link of a volunteer the case was handed over from: the volunteer now following it takes it in hand. */
    HANDED_OVER
  }

  /** What a link cancels: its own message was sent, the follow-ups are pointless. */
  private static final List<NotificationKind> LINK_FOLLOW_UPS = List.of(NotificationKind.REMINDER, NotificationKind.ESCALATION);

  /** The result, with the alert when the token was genuine. */
  public record Outcome(Result result, Optional<AlertView> alert) {}

  private final Jdbi jdbi;
  private final AckTokens tokens;
  private final Ledger ledger;
  private final AlertStore alerts;
  private final Outcomes outcomes;
  private final NotifierMetrics metrics;
  private final Clock clock;
  private final EarlyAcknowledgements early = new EarlyAcknowledgements();

  public Acknowledger(Jdbi jdbi, AckTokens tokens, Ledger ledger, AlertStore alerts, Outcomes outcomes,
      NotifierMetrics metrics, Clock clock) {
    this.jdbi = jdbi;
    this.tokens = tokens;
    this.ledger = ledger;
    this.alerts = alerts;
    this.outcomes = outcomes;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * An acknowledgement made in intake (a volunteer took the alert in hand): the alert and its
   * delivered notifications are marked, and what is still pending for it (the alert's own message,
   * reminders, escalations) is cancelled. One for an alert this service has not received yet is kept
   * until it arrives (AWAITING_ALERT); INVALID when the alert is another association's. The caller
   * holds the association's lock ({@code AssociationLocks}), as the alert intake does, so that an
   * alert recorded meanwhile is either seen here or finds the acknowledgement kept.
   */
  public Result acknowledge(Handle h, AlertAcknowledgement ack) {
    String alertId = ack.getAlertId();
    // the alert's own notification too, when still waiting (settle delay, quiet hours): its volunteer knows
    List<NotificationKind> followUps = List.of(NotificationKind.ALERT, NotificationKind.REMINDER, NotificationKind.ESCALATION);
    // The follow-ups an acknowledgement cancels are locked before the alert (see Ledger.lockPending).
    ledger.lockPending(h, List.of(alertId), followUps);
    Optional<AlertView> alert = alerts.lock(h, alertId);
    if (alert.isEmpty()) {
      early.keep(h, ack, clock.instant());
      return Result.AWAITING_ALERT;
    }
    if (!alert.get().associationId().equals(ack.getAssociationId())) {
      return Result.INVALID;
    }
    if (alert.get().acknowledgedAt() != null) {
      return Result.ALREADY_ACKNOWLEDGED;
    }
    Instant at = ack.getAcknowledgedAt();
    alerts.acknowledge(h, alertId, at);
    ledger.cancelPending(h, alertId, followUps);
    for (LedgerRow row : ledger.delivered(h, alertId)) {
      if (Ledger.SENT.equals(row.state())) {
        acknowledgeRow(h, row, alert.get(), at);
      }
    }
    if (alert.get().firstSentAt() != null) {
      metrics.acknowledged(Duration.between(alert.get().firstSentAt(), at));
    }
    return Result.ACKNOWLEDGED;
  }

  /**
   * Applies the acknowledgements kept for alerts just recorded, within the alert intake's
   * transaction (after their notifications were planned, which they cancel); returns how many.
   */
  public int applyKept(Handle h, Collection<String> alertIds) {
    int applied = 0;
    for (AlertAcknowledgement ack : early.take(h, alertIds)) {
      if (acknowledge(h, ack) == Result.ACKNOWLEDGED) {
        applied++;
      }
    }
    return applied;
  }

  /** Takes the link's alert in hand: the link confirmed (the button of the page it opens, or a POST of its own). */
  public Outcome acknowledge(String token) {
    return follow(token, true);
  }

  /**
   * What the link would do, changing nothing: a link opened is not yet a volunteer taking the alert in hand (a mail
   * scanner, a link preview, opens every link of a mail); PENDING when it would acknowledge.
   */
  public Outcome inspect(String token) {
    return follow(token, false);
  }

  private Outcome follow(String token, boolean confirmed) {
    AckTokens.Check check = tokens.check(token);
    if (check instanceof AckTokens.Invalid) {
      return new Outcome(Result.INVALID, Optional.empty());
    }
    long id = check instanceof AckTokens.Valid v ? v.notificationId() : ((AckTokens.Expired) check).notificationId();
    Instant now = clock.instant();
    return jdbi.inTransaction(h -> {
      Optional<LedgerRow> row = ledger.lock(h, id);
      if (row.isEmpty() || row.get().alertId() == null) {
        return new Outcome(Result.INVALID, Optional.empty());
      }
      // The follow-ups an acknowledgement cancels are locked before the alert (see Ledger.lockPending).
      ledger.lockPending(h, List.of(row.get().alertId()), LINK_FOLLOW_UPS);
      Optional<AlertView> alert = alerts.lock(h, row.get().alertId());
      if (alert.isEmpty()) {
        return new Outcome(Result.INVALID, Optional.empty());
      }
      if (handedOverFrom(h, row.get(), alert.get())) {
        return new Outcome(Result.HANDED_OVER, alert);
      }
      if (alert.get().acknowledgedAt() != null) {
        return new Outcome(Result.ALREADY_ACKNOWLEDGED, alert);
      }
      if (alert.get().resolvedAt() != null) {
        return new Outcome(Result.RESOLVED, alert);
      }
      if (check instanceof AckTokens.Expired) {
        return new Outcome(Result.EXPIRED, alert);
      }
      if (!confirmed) {
        return new Outcome(Result.PENDING, alert);
      }
      alerts.acknowledge(h, alert.get().alertId(), now);
      ledger.cancelPending(h, alert.get().alertId(), LINK_FOLLOW_UPS);
      acknowledgeRow(h, row.get(), alert.get(), now);
      Instant firstSent = alert.get().firstSentAt() != null ? alert.get().firstSentAt() : row.get().createdAt();
      metrics.acknowledged(Duration.between(firstSent, now));
      return new Outcome(Result.ACKNOWLEDGED, alert);
    });
  }

  /**
   * Whether a link was sent to a volunteer the alert's case was handed over from since: a volunteer's
   * row (not a coordinator's) for someone who is no longer the alert's assignee, the alert raised again for
   * another since. A substitute, told while the volunteer following the case is away, is not the assignee
   * either, but nobody was told after them: they take the alert in hand.
   */
  private boolean handedOverFrom(Handle h, LedgerRow row, AlertView alert) {
    return row.recipientRole() == VolunteerRole.VOLUNTEER && alert.assignedVolunteerId() != null
        && !alert.assignedVolunteerId().equals(row.recipientId()) && ledger.alertedAnotherSince(h, row);
  }

  /** A delivered notification marked acknowledged, and said so on the notifications topic. */
  private void acknowledgeRow(Handle h, LedgerRow row, AlertView alert, Instant at) {
    ledger.markAcknowledged(h, row.id(), at);
    outcomes.record(h, row, alert, NotificationState.ACKNOWLEDGED, row.attempts(), at, null);
  }
}
