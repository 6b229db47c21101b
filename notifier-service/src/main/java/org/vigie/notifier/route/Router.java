package org.vigie.notifier.route;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.directory.DirectoryStore;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.ledger.NewNotification;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;

/**
 * Decides who is told about an alert and by which channels, and records those notifications in
 * the ledger. The recipient is the volunteer assigned to the case (from the alert, else the last
 * assignee seen for the case), or the one standing in while they are away; when unknown or
 * unreachable, the association's coordinators. A new
 * alert's notifications are due after the settle delay: if the rules resolve it meanwhile, they are
 * cancelled before anyone is told.
 */
public final class Router {
  /** An alert due within this many days is sent at once, even to a volunteer who chose a daily digest. */
  public static final int DIGEST_SPARED_DAYS = 7;
  private final DirectoryStore directory;
  private final AlertStore alerts;
  private final Ledger ledger;
  private final Duration settle;

  /** @param settle how long a new alert waits before it is sent (zero: at once) */
  public Router(DirectoryStore directory, AlertStore alerts, Ledger ledger, Duration settle) {
    this.directory = directory;
    this.alerts = alerts;
    this.ledger = ledger;
    this.settle = settle;
  }

  /** Records the first notifications of an alert; leaves it unrouted when nobody can be reached yet. Returns rows added. */
  public int route(Handle h, String alertId, Instant now) {
    return alerts.find(h, alertId).map(alert -> route(h, alert, now)).orElse(0);
  }

  /** As {@link #route(Handle, String, Instant)} for an alert just read. */
  public int route(Handle h, AlertView alert, Instant now) {
    String alertId = alert.alertId();
    if (alert.resolvedAt() != null) {
      return 0;
    }
    List<Contact> recipients = recipients(h, alert, now);
    if (recipients.isEmpty()) {
      alerts.markRouted(h, alertId, false);
      return 0;
    }
    int added = 0;
    for (Contact c : recipients) {
      added += notify(h, alert, c, NotificationKind.ALERT, 0, inDigest(c, alert, now), now);
    }
    alerts.markRouted(h, alertId, true);
    return added;
  }

  /**
   * Routes many new alerts in a few round trips when their assigned volunteer is known and
   * reachable (the usual case); the others take the one-by-one path with its fallbacks.
   */
  public int routeAll(Handle h, Collection<AlertView> batch, Instant now) {
    Set<String> assignees = new HashSet<>();
    batch.forEach(a -> {
      if (a.assignedVolunteerId() != null) {
        assignees.add(a.assignedVolunteerId());
      }
    });
    Map<String, Contact> contacts = directory.volunteers(h, assignees);
    List<NewNotification> rows = new ArrayList<>();
    List<String> routed = new ArrayList<>();
    int added = 0;
    for (AlertView alert : batch) {
      if (alert.resolvedAt() != null) {
        continue;
      }
      Contact c = alert.assignedVolunteerId() == null ? null
          : contacts.get(DirectoryStore.key(alert.associationId(), alert.assignedVolunteerId()));
      if (c == null || !c.reachable() || c.absentAt(now)) {
        added += route(h, alert, now);
        continue;
      }
      boolean digest = inDigest(c, alert, now);
      for (NotificationChannel channel : channels(c)) {
        rows.add(new NewNotification(alert.alertId(), alert.cycle(), NotificationKind.ALERT, 0, channel, c.volunteerId(),
            c.role(), digest, due(NotificationKind.ALERT, now)));
      }
      routed.add(alert.alertId());
    }
    added += ledger.insertAll(h, rows, now);
    alerts.markRoutedAll(h, routed);
    return added;
  }

  /**
   * Whether a new alert waits for the recipient's daily digest: when they chose one, except a CRITICAL alert and
   * one whose deadline comes within {@link #DIGEST_SPARED_DAYS} days of their today (a refusal's short time to
   * appeal, an API ending next week), which go at once: a digest may hold an alert for a day.
   */
  static boolean inDigest(Contact c, AlertView alert, Instant now) {
    if (!c.dailyDigest() || alert.severity() == Severity.CRITICAL) {
      return false;
    }
    return alert.deadline() == null
        || alert.deadline().isAfter(LocalDate.ofInstant(now, c.timeZone()).plusDays(DIGEST_SPARED_DAYS));
  }

  /** A new alert's first notification waits for the settle delay; reminders, escalations and notices go at once. */
  private Instant due(NotificationKind kind, Instant now) {
    return kind == NotificationKind.ALERT ? now.plus(settle) : now;
  }

  /**
   * Who should receive a new alert: the assigned volunteer when reachable, else the coordinators (those
   * who are not away, see {@link #coordinators(Handle, String, Instant)}). While
   * the volunteer is away, their substitute (reachable and not away too), else the coordinators who are
   * not away, else the volunteer all the same (nobody else is there; the escalation still applies).
   */
  public List<Contact> recipients(Handle h, AlertView alert, Instant now) {
    Optional<String> assignee = Optional.ofNullable(alert.assignedVolunteerId())
        .or(() -> alerts.caseAssignee(h, alert.caseId()));
    Optional<Contact> volunteer = assignee.flatMap(id -> directory.volunteer(h, alert.associationId(), id))
        .filter(Contact::reachable);
    if (volunteer.isEmpty()) {
      return coordinators(h, alert.associationId(), now);
    }
    Contact away = volunteer.get();
    if (!away.absentAt(now)) {
      return List.of(away);
    }
    Optional<Contact> substitute = substituteOf(h, alert.associationId(), away, now);
    if (substitute.isPresent()) {
      return List.of(substitute.get());
    }
    List<Contact> present = directory.coordinators(h, alert.associationId()).stream()
        .filter(c -> !c.absentAt(now) && !c.volunteerId().equals(away.volunteerId())).toList();
    return present.isEmpty() ? List.of(away) : present;
  }

  /** Who stands in for a volunteer away: their substitute, when reachable and not away too. */
  public Optional<Contact> substituteOf(Handle h, String associationId, Contact away, Instant now) {
    return Optional.ofNullable(away.substituteVolunteerId()).flatMap(id -> directory.volunteer(h, associationId, id))
        .filter(c -> c.reachable() && !c.absentAt(now));
  }

  /** The association's reachable coordinators who are not away at {@code now}; all of them when every one is away. */
  public List<Contact> coordinators(Handle h, String associationId, Instant now) {
    List<Contact> all = directory.coordinators(h, associationId);
    List<Contact> present = all.stream().filter(c -> !c.absentAt(now)).toList();
    return present.isEmpty() ? all : present;
  }

  /** Volunteers by id, keyed by {@link DirectoryStore#key(String, String)}. */
  public Map<String, Contact> contacts(Handle h, Collection<String> volunteerIds) {
    return directory.volunteers(h, volunteerIds);
  }

  public Optional<Contact> contact(Handle h, String associationId, String volunteerId) {
    return directory.volunteer(h, associationId, volunteerId);
  }

  /** Records one notification per channel of the contact, in the alert's current follow-up cycle; returns how many were new. */
  public int notify(Handle h, AlertView alert, Contact c, NotificationKind kind, int round, boolean digest, Instant now) {
    int added = 0;
    for (NotificationChannel channel : channels(c)) {
      NewNotification n = new NewNotification(alert.alertId(), alert.cycle(), kind, round, channel, c.volunteerId(), c.role(),
          digest, due(kind, now));
      if (ledger.insert(h, n, now)) {
        added++;
      }
    }
    return added;
  }

  /**
   * After a permanent failure: the recipient's other channel if not already used, else the
   * coordinators (each on their channels). Returns the keys of the notifications added. When the
   * recipient's other channel already carries the same notification (sent, or on its way), they are
   * reached: nothing is added, and the coordinators hear of the alert only if nobody takes it in hand.
   * What is added belongs to the failed row's follow-up cycle.
   */
  public List<String> fallback(Handle h, LedgerRow failed, AlertView alert, Instant now) {
    List<String> added = new ArrayList<>();
    boolean reachedOtherwise = false;
    Optional<Contact> recipient = directory.volunteer(h, alert.associationId(), failed.recipientId());
    if (recipient.isPresent() && recipient.get().active()) {
      for (NotificationChannel channel : channels(recipient.get())) {
        if (channel != failed.channel()) {
          NewNotification n = new NewNotification(alert.alertId(), failed.cycle(), failed.kind(), failed.round(), channel,
              failed.recipientId(), failed.recipientRole(), false, now);
          if (ledger.insert(h, n, now)) {
            added.add(n.key());
          } else {
            reachedOtherwise |= ledger.findByKey(h, n.key()).filter(r -> !Ledger.FAILED.equals(r.state())).isPresent();
          }
        }
      }
    }
    if (!added.isEmpty() || reachedOtherwise) {
      return added;
    }
    for (Contact coordinator : coordinators(h, alert.associationId(), now)) {
      if (coordinator.volunteerId().equals(failed.recipientId())) {
        continue;
      }
      for (NotificationChannel channel : channels(coordinator)) {
        NewNotification n = new NewNotification(alert.alertId(), failed.cycle(), NotificationKind.ESCALATION, failed.round(),
            channel, coordinator.volunteerId(), VolunteerRole.COORDINATOR, false, now);
        if (ledger.insert(h, n, now)) {
          added.add(n.key());
        }
      }
    }
    return added;
  }

  /** Routes the alerts of an association that were waiting for a recipient (the directory changed). */
  public int reroute(Handle h, String associationId, Instant now) {
    int added = 0;
    for (String alertId : alerts.unrouted(h, associationId)) {
      added += route(h, alertId, now);
    }
    return added;
  }

  static List<NotificationChannel> channels(Contact c) {
    List<NotificationChannel> out = new ArrayList<>(2);
    if (c.hasEmail()) {
      out.add(NotificationChannel.EMAIL);
    }
    if (c.hasWebhook()) {
      out.add(NotificationChannel.WEBHOOK);
    }
    return out;
  }
}
