package org.vigie.audit.timeline;

import static org.vigie.audit.timeline.Labels.Phrase.*;

import java.util.List;
import java.util.StringJoiner;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/** The type code (as in the HTTP API, e.g. BLOCKAGE_REPORTED) and the description of an event payload in one language. */
final class EventDescriptions {
  private EventDescriptions() {}

  static String type(Object payload) {
    if (payload instanceof SituationUpdated p && p.getAppeal() != null) {
      return "APPEAL_FILED"; // the API's type: a situation carrying only its appeal
    }
    return payload.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  static String describe(Object payload, Labels l) {
    if (payload instanceof CaseOpened p) {
      StringJoiner s = new StringJoiner(l.phrase(LIST_SEPARATOR));
      String permit = l.of(p.getPermitKind());
      s.add(p.getPermitExpiresOn() == null ? l.phrase(NO_CURRENT_PERMIT, permit)
          : l.phrase(PERMIT_EXPIRING, permit, l.date(p.getPermitExpiresOn())));
      s.add(l.of(p.getProcedure()));
      s.add(l.phrase(DEPARTMENT, p.getDepartment()));
      s.add(l.phrase(EMPLOYED, l.yesNo(p.getEmployed())));
      s.add(l.phrase(RECEIVES_BENEFITS, l.yesNo(p.getReceivesBenefits()), benefits(p.getBenefitKinds(), l)));
      if (p.getAssignedVolunteerId() != null) {
        s.add(l.phrase(FOLLOWED_BY, l.volunteer(p.getAssignedVolunteerId())));
      }
      return l.phrase(CASE_OPENED, s);
    }
    if (payload instanceof VolunteerAssigned p) {
      return l.phrase(VOLUNTEER_ASSIGNED, l.volunteer(p.getVolunteerId()));
    }
    if (payload instanceof SubmissionRecorded p) {
      return l.phrase(SUBMISSION_RECORDED, l.of(p.getProcedure()), l.yesNo(p.getComplete()))
          + (p.getReceiptMentionsAppealRoutes() ? "" : l.phrase(LIST_SEPARATOR) + l.phrase(NO_APPEAL_ROUTES));
    }
    if (payload instanceof BlockageReported p) {
      return l.phrase(BLOCKAGE_REPORTED, l.of(p.getBlockage()));
    }
    if (payload instanceof BlockageResolved p) {
      return l.phrase(BLOCKAGE_RESOLVED, l.of(p.getBlockage()));
    }
    if (payload instanceof ApiIssued p) {
      return l.phrase(API_ISSUED, l.date(p.getValidUntil()));
    }
    if (payload instanceof ApiExpiryRecorded) {
      return l.phrase(API_EXPIRED);
    }
    if (payload instanceof CccContactAttempted p) {
      return l.phrase(CCC_CONTACT_ATTEMPTED, l.of(p.getChannel()), l.of(p.getOutcome()))
          + (p.getWaitMinutes() == null ? "" : l.phrase(CCC_WAIT, p.getWaitMinutes()));
    }
    if (payload instanceof EmployerRefusedApi) {
      return l.phrase(EMPLOYER_REFUSED_API);
    }
    if (payload instanceof DecisionReceived p) {
      return l.phrase(DECISION_RECEIVED, l.of(p.getDecision()))
          + (p.getOqtfTerms() == null ? "" : " (" + l.of(p.getOqtfTerms()) + ")") + (p.getNewPermitExpiresOn() == null ? ""
          : l.phrase(LIST_SEPARATOR) + l.phrase(NEW_PERMIT, l.date(p.getNewPermitExpiresOn())))
          + (p.getAppealDeadline() == null ? "" : l.phrase(LIST_SEPARATOR) + l.phrase(APPEAL_UNTIL, l.date(p.getAppealDeadline())));
    }
    if (payload instanceof SituationUpdated p && p.getAppeal() != null) {
      return l.phrase(APPEAL_FILED, l.of(p.getAppeal()));
    }
    if (payload instanceof SituationUpdated p) {
      StringJoiner s = new StringJoiner(l.phrase(LIST_SEPARATOR));
      if (p.getEmployed() != null) {
        s.add(l.phrase(EMPLOYED, l.yesNo(p.getEmployed())));
      }
      if (p.getReceivesBenefits() != null) {
        s.add(l.phrase(RECEIVES_BENEFITS, l.yesNo(p.getReceivesBenefits()), ""));
      }
      if (p.getBenefitKinds() != null) {
        s.add(l.phrase(BENEFITS_RECEIVED, benefits(p.getBenefitKinds(), l)));
      }
      return l.phrase(SITUATION_UPDATED, s);
    }
    if (payload instanceof CaseClosed) {
      return l.phrase(CASE_CLOSED);
    }
    if (payload instanceof CaseErased) {
      return l.phrase(CASE_ERASED);
    }
    return l.phrase(OTHER_EVENT, type(payload));
  }

  private static String benefits(List<BenefitKind> kinds, Labels l) {
    if (kinds == null || kinds.isEmpty()) {
      return "";
    }
    StringJoiner s = new StringJoiner(", ", " (", ")");
    kinds.forEach(k -> s.add(l.of(k)));
    return s.toString();
  }
}
