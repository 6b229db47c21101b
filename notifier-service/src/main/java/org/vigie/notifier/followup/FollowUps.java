package org.vigie.notifier.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.notifier.alert.AlertStore;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.config.NotifierSettings;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.Ledger;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.notifier.metrics.NotifierMetrics;
import org.vigie.notifier.outbox.Outcomes;
import org.vigie.notifier.route.Router;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationState;

/**
 * What happens with time: an alert not acknowledged within its severity's delay is escalated to
 * the association's coordinators, and reminders go out every delay until it is acknowledged or
 * resolved (at most the configured number of rounds), to whoever was told of it, or, while the
 * volunteer following the case is away, to their substitute (none when there is none: the
 * coordinators are escalated to); daily digests are assembled at the configured local time of each volunteer.
 * A hand-over of the case starts these again in a new follow-up cycle, whose rows have keys of their own
 * ({@link org.vigie.notifier.ledger.NotificationKey}): its told are those of the cycle, its coordinators told again.
 */
public final class FollowUps {
  private final Jdbi jdbi;
  private final AlertStore alerts;
  private final Ledger ledger;
  private final Router router;
  private final Outcomes outcomes;
  private final NotifierMetrics metrics;
  private final NotifierSettings settings;
  private final Clock clock;

  public FollowUps(Jdbi jdbi, AlertStore alerts, Ledger ledger, Router router, Outcomes outcomes,
      NotifierMetrics metrics, NotifierSettings settings, Clock clock) {
    this.jdbi = jdbi;
    this.alerts = alerts;
    this.ledger = ledger;
    this.router = router;
    this.outcomes = outcomes;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
  }

  /** One pass; returns how many ledger rows were added. */
  public int run() {
    Instant now = clock.instant();
    int added = jdbi.inTransaction(h -> {
      int n = 0;
      for (AlertView alert : alerts.dueFollowUps(h, now, 200)) {
        n += followUp(h, alert, now);
      }
      return n;
    });
    return added + jdbi.inTransaction(h -> digests(h, now));
  }

  private int followUp(Handle h, AlertView alert, Instant now) {
    Optional<Duration> delay = settings.escalationDelay(alert.severity());
    int round = alert.reminderRound() + 1;
    if (delay.isEmpty() || round > settings.maxReminders()) {
      alerts.followedUp(h, alert.alertId(), alert.reminderRound(), null);
      return 0;
    }
    int added = 0;
    Set<String> told = new LinkedHashSet<>();
    for (LedgerRow r : ledger.ofAlert(h, alert.alertId())) {
      // told in this cycle: whoever was told before a hand-over no longer follows the case
      if (r.kind() == NotificationKind.ALERT && r.cycle() == alert.cycle() && !Ledger.FAILED.equals(r.state())
          && !Ledger.CANCELLED.equals(r.state())) {
        told.add(r.recipientId());
      }
    }
    // After a hand-over applied before cycles were counted (one cycle, both told), the volunteer now assigned is told:
    // whoever was told before them no longer follows the case.
    if (alert.assignedVolunteerId() != null && told.contains(alert.assignedVolunteerId())) {
      told.retainAll(Set.of(alert.assignedVolunteerId()));
    }
    List<Contact> coordinators = router.coordinators(h, alert.associationId(), now);
    Set<String> reminded = new LinkedHashSet<>();
    for (String recipient : told) {
      Optional<Contact> c = router.contact(h, alert.associationId(), recipient).filter(Contact::reachable);
      if (c.isEmpty()) {
        continue;
      }
      Contact volunteer = c.get();
      Contact to = volunteer;
      if (recipient.equals(alert.assignedVolunteerId()) && volunteer.absentAt(now)) {
        // away since they were told: their substitute is reminded in their place when there (the coordinators
        // are escalated to below, as for any alert nobody took in hand)
        Optional<Contact> substitute = router.substituteOf(h, alert.associationId(), volunteer, now);
        if (substitute.isPresent()) {
          to = substitute.get();
        } else if (!coordinators.isEmpty()) {
          continue;
        }
      }
      if (reminded.add(to.volunteerId())) {
        added += router.notify(h, alert, to, NotificationKind.REMINDER, round, false, now);
      }
    }
    for (Contact coordinator : coordinators) {
      if (!told.contains(coordinator.volunteerId()) && !reminded.contains(coordinator.volunteerId())) {
        added += router.notify(h, alert, coordinator, NotificationKind.ESCALATION, round, false, now);
      }
    }
    if (round == 1) {
      for (LedgerRow escalated : ledger.escalate(h, alert.alertId(), alert.cycle(), List.of(NotificationKind.ALERT))) {
        outcomes.record(h, escalated, alert, NotificationState.ESCALATED, escalated.attempts(), now, null);
      }
      metrics.escalated();
    }
    alerts.followedUp(h, alert.alertId(), round, now.plus(delay.get()));
    return added;
  }

  private int digests(Handle h, Instant now) {
    int added = 0;
    for (String recipientId : ledger.digestRecipients(h)) {
      for (NotificationChannel channel : NotificationChannel.values()) {
        List<LedgerRow> held = ledger.lockDigestRows(h, recipientId, channel);
        if (held.isEmpty()) {
          continue;
        }
        Optional<AlertView> anyAlert = alerts.find(h, held.get(0).alertId());
        Optional<Contact> contact = anyAlert.flatMap(a -> router.contact(h, a.associationId(), recipientId));
        if (contact.isEmpty()) {
          continue;
        }
        // the day's digest, at its time, holds what was due by then; what comes later waits for the next one
        ZonedDateTime local = now.atZone(contact.get().timeZone());
        LocalDate day = local.toLocalTime().isBefore(settings.digestTime()) ? local.toLocalDate().minusDays(1)
            : local.toLocalDate();
        Instant digestAt = day.atTime(settings.digestTime()).atZone(contact.get().timeZone()).toInstant();
        List<Long> due = ledger.dueBy(h, held.stream().map(LedgerRow::id).toList(), digestAt);
        if (due.isEmpty()) {
          continue;
        }
        String key = "digest:" + day + "|DIGEST|0|" + channel.name() + "|" + recipientId;
        Optional<Long> digestId = ledger.insertDigest(h, key, channel, recipientId, held.get(0).recipientRole(), now);
        if (digestId.isPresent()) {
          ledger.attachToDigest(h, due, digestId.get());
          added++;
        }
      }
    }
    return added;
  }
}
