package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.SituationUpdated;

/**
 * How events change intake's row of a case ({@code cases}): one event at a time as it is recorded, or all the
 * events that stand, again, once one was corrected.
 */
final class CaseRows {
  private CaseRows() {}

  /** The row once {@code e} is recorded: the latest recorded decision and situation win, a closure closes. */
  static CaseRecord apply(CaseRecord c, EventDraft e) {
    String permitKind = c.permitKind();
    LocalDate expires = c.permitExpiresOn();
    UUID volunteer = c.assignedVolunteerId();
    boolean employed = c.employed();
    boolean benefits = c.receivesBenefits();
    String kinds = c.benefitKinds();
    String status = c.status();
    switch (e.type()) {
      case VOLUNTEER_ASSIGNED -> volunteer = e.volunteerId().orElseThrow();
      case CASE_CLOSED -> status = "CLOSED";
      case DECISION_RECEIVED -> {
        DecisionReceived d = (DecisionReceived) e.payload();
        if (d.getNewPermitExpiresOn() != null) {
          expires = d.getNewPermitExpiresOn();
        }
        if (d.getNewPermitKind() != null) {
          permitKind = d.getNewPermitKind().name();
        }
      }
      case SITUATION_UPDATED -> {
        SituationUpdated s = (SituationUpdated) e.payload();
        employed = s.getEmployed() != null ? s.getEmployed() : employed;
        benefits = s.getReceivesBenefits() != null ? s.getReceivesBenefits() : benefits;
        kinds = s.getBenefitKinds() != null ? s.getBenefitKinds().stream().map(Enum::name).collect(Collectors.joining(",")) : kinds;
      }
      default -> { }
    }
    return new CaseRecord(c.caseId(), c.associationId(), permitKind, expires, c.procedure(), c.department(), volunteer,
        employed, benefits, kinds, status, c.identityErased(), c.openedOn(), later(c.lastEventOn(), e.occurredOn()));
  }

  /**
   * The row the standing events give, the first being the case's opening (as replaced, if it was). The
   * assignment and the erasure are the row's own: they are never corrected, and a corrected opening assigns
   * nobody.
   */
  static CaseRecord refold(CaseRecord row, List<TimelineEntry> standing, Function<TimelineEntry, EventDraft> recorded) {
    TimelineEntry opening = standing.get(0);
    if (!EventType.CASE_OPENED.name().equals(opening.type())) {
      throw new IllegalStateException("a case's first standing event is its opening");
    }
    CaseRecord c = opened(row, opening.details(), opening.occurredOn());
    for (TimelineEntry e : standing.subList(1, standing.size())) {
      EventType type = EventType.valueOf(e.type());
      c = type.correctable() ? apply(c, recorded.apply(e)) : dated(c, e.occurredOn());
    }
    return c;
  }

  /** The row as an opening with these details (CaseRequests.parseCase) left it. */
  private static CaseRecord opened(CaseRecord row, ObjectNode details, LocalDate on) {
    JsonNode permit = details.path("permit");
    String expires = permit.path("expiresOn").textValue();
    String kinds = StreamSupport.stream(details.path("benefitKinds").spliterator(), false).map(JsonNode::asText)
        .collect(Collectors.joining(","));
    return new CaseRecord(row.caseId(), row.associationId(), permit.path("kind").asText(),
        expires == null ? null : LocalDate.parse(expires), details.path("procedure").asText(),
        details.path("department").asText(), row.assignedVolunteerId(), details.path("employed").asBoolean(),
        details.path("receivesBenefits").asBoolean(), kinds, "OPEN", row.identityErased(), on, on);
  }

  private static CaseRecord dated(CaseRecord c, LocalDate on) {
    return new CaseRecord(c.caseId(), c.associationId(), c.permitKind(), c.permitExpiresOn(), c.procedure(),
        c.department(), c.assignedVolunteerId(), c.employed(), c.receivesBenefits(), c.benefitKinds(), c.status(),
        c.identityErased(), c.openedOn(), later(c.lastEventOn(), on));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b.isAfter(a) ? b : a;
  }
}
