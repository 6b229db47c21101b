package org.vigie.audit.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.SubmissionRecorded;

/**
 * What the statistics need of one case, gathered from its events in any order (the figures are
 * computed at the end, so an event recorded late still counts where it belongs). Duplicates of an
 * event (same eventId) count once. Holds no identity: only dates, kinds and the department.
 */
final class CaseFacts {
  record Blockage(LocalDate on, BlockageKind kind) {}

  record Api(LocalDate issuedOn, LocalDate validUntil) {}

  record CccAttempt(LocalDate on, CccOutcome outcome) {}

  private final Set<String> seenEventIds = new HashSet<>();
  private LocalDate openedOn;
  String department;
  LocalDate permitExpiresOn;
  final List<Blockage> blockages = new ArrayList<>();
  final List<LocalDate> submissions = new ArrayList<>();
  final List<Api> apis = new ArrayList<>();
  final List<CccAttempt> cccAttempts = new ArrayList<>();
  final List<LocalDate> decisions = new ArrayList<>();
  LocalDate endedOn;

  void add(CaseEvent event) {
    if (!seenEventIds.add(event.getEventId())) {
      return;
    }
    LocalDate on = event.getOccurredOn();
    Object payload = event.getPayload();
    if (payload instanceof CaseOpened opened) {
      // The latest opening (by date) carries the current permit, as in the rules' fold.
      if (openedOn == null || !on.isBefore(openedOn)) {
        openedOn = on;
        department = opened.getDepartment();
        permitExpiresOn = opened.getPermitExpiresOn();
      }
    } else if (payload instanceof BlockageReported reported) {
      blockages.add(new Blockage(on, reported.getBlockage()));
    } else if (payload instanceof SubmissionRecorded) {
      submissions.add(on);
    } else if (payload instanceof ApiIssued issued) {
      apis.add(new Api(on, issued.getValidUntil()));
    } else if (payload instanceof CccContactAttempted attempt) {
      cccAttempts.add(new CccAttempt(on, attempt.getOutcome()));
    } else if (payload instanceof DecisionReceived) {
      decisions.add(on);
    } else if (payload instanceof CaseClosed || payload instanceof CaseErased) {
      endedOn = endedOn == null || on.isBefore(endedOn) ? on : endedOn;
    }
  }

  String departmentOrUnknown() {
    return department == null || department.isBlank() ? FederationStats.UNKNOWN_DEPARTMENT : department;
  }

  LocalDate firstSubmission() {
    return submissions.stream().min(LocalDate::compareTo).orElse(null);
  }

  /** The first decision on or after the first submission, if any. */
  LocalDate firstDecisionAfter(LocalDate submittedOn) {
    return decisions.stream().filter(d -> !d.isBefore(submittedOn)).min(LocalDate::compareTo).orElse(null);
  }

  /**
   * Calls {@code sink} for each day up to {@code asOf} without a valid API: the permit has expired,
   * a submission is being examined (filed on or before that day, no decision yet), the case is
   * still followed, and no API covers the day.
   */
  void forEachDayWithoutValidApi(LocalDate asOf, Consumer<LocalDate> sink) {
    LocalDate submitted = firstSubmission();
    if (permitExpiresOn == null || submitted == null) {
      return;
    }
    LocalDate from = max(permitExpiresOn.plusDays(1), submitted);
    LocalDate until = asOf.plusDays(1);
    LocalDate decided = firstDecisionAfter(submitted);
    if (decided != null) {
      until = min(until, decided);
    }
    if (endedOn != null) {
      until = min(until, endedOn);
    }
    for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
      if (!coveredByApi(day)) {
        sink.accept(day);
      }
    }
  }

  private boolean coveredByApi(LocalDate day) {
    for (Api api : apis) {
      if (!day.isBefore(api.issuedOn()) && !day.isAfter(api.validUntil())) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
