package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Fields;
import org.vigie.intake.vault.Person;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/**
 * Validation of case and event requests: shape problems are 400, unacceptable values 422, and
 * every problem names its field. Pure: the caller gives today's date (Europe/Paris).
 */
public final class CaseRequests {
  /** Metropolitan departments 01–95 (2A/2B for Corsica), overseas 971–976. */
  private static final Pattern DEPARTMENT = Pattern.compile("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$");
  /** AGDREF foreigner number: 10 digits. */
  private static final Pattern FOREIGNER_NUMBER = Pattern.compile("^[0-9]{10}$");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{6,20}$");
  /** CESEDA R.431-15-1: an API is valid for at most three months. */
  public static final int API_MAX_MONTHS = 3;
  private static final LocalDate EARLIEST = org.vigie.intake.http.QueryParams.EARLIEST_DAY;
  public static final int NOTE_MAX = 2000;

  private static final Set<String> CASE_FIELDS = Set.of("permit", "procedure", "department", "assignedVolunteerId",
      "employed", "receivesBenefits", "benefitKinds", "openedOn", "person");
  private static final Set<String> COMMON = Set.of("type", "occurredOn");
  /** A corrected opening: the opening fields of a case, without identity or assignment, dated by occurredOn. */
  private static final Set<String> OPENING_CORRECTION_FIELDS = Set.of("type", "occurredOn", "permit", "procedure",
      "department", "employed", "receivesBenefits", "benefitKinds");

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;

  public NewCase parseCase(ObjectNode body, LocalDate today) {
    Fields f = Fields.of(body).only(CASE_FIELDS);
    Procedure procedure = f.requiredEnum("procedure", Procedure.class);
    Optional<Fields> permit = f.optionalObject("permit");
    if (permit.isEmpty() && procedure != Procedure.FIRST_REQUEST) {
      throw ApiProblem.badRequest("permit", "Le champ 'permit' est obligatoire pour une procédure " + procedure,
          "Field 'permit' is required for a " + procedure);
    }
    PermitKind kind = PermitKind.OTHER;
    LocalDate expiresOn = null;
    if (permit.isPresent()) {
      Fields p = permit.get().only(Set.of("kind", "expiresOn"));
      kind = p.requiredEnum("kind", PermitKind.class);
      expiresOn = procedure == Procedure.FIRST_REQUEST ? p.optionalDate("expiresOn").orElse(null) : p.requiredDate("expiresOn");
      if (expiresOn != null && (expiresOn.isBefore(today.minusYears(10)) || expiresOn.isAfter(today.plusYears(11)))) {
        throw ApiProblem.unprocessable("permit.expiresOn",
            "Le champ 'permit.expiresOn' doit être à moins de dix ans d'aujourd'hui",
            "Field 'permit.expiresOn' must be within ten years of today");
      }
    }
    String department = department(f.requiredText("department", 3), "Le champ", "Field");
    Optional<UUID> volunteer = f.optionalId("assignedVolunteerId");
    boolean employed = f.booleanOr("employed", false);
    boolean receivesBenefits = f.booleanOr("receivesBenefits", false);
    List<BenefitKind> benefitKinds = f.optionalEnumList("benefitKinds", BenefitKind.class).orElse(List.of());
    if (!receivesBenefits && !benefitKinds.isEmpty()) {
      throw ApiProblem.unprocessable("benefitKinds", "Le champ 'benefitKinds' demande 'receivesBenefits': true",
          "Field 'benefitKinds' needs 'receivesBenefits': true");
    }
    LocalDate openedOn = f.optionalDate("openedOn").orElse(today);
    checkPast("openedOn", openedOn, today);
    Optional<Person> person = f.optionalObject("person").map(p -> person(p, "person."));

    ObjectNode details = nodes.objectNode();
    ObjectNode permitNode = details.putObject("permit").put("kind", kind.name());
    permitNode.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
    details.put("procedure", procedure.name()).put("department", department)
        .put("assignedVolunteerId", volunteer.map(UUID::toString).orElse(null))
        .put("employed", employed).put("receivesBenefits", receivesBenefits);
    ArrayNode kinds = details.putArray("benefitKinds");
    benefitKinds.forEach(k -> kinds.add(k.name()));
    return new NewCase(kind, expiresOn, procedure, department, volunteer, employed, receivesBenefits, benefitKinds,
        openedOn, person, details);
  }

  /** The body of {@code PUT /api/v1/cases/{caseId}/person}: the person's identity, at least one of its fields. */
  public Person parsePerson(ObjectNode body) {
    Person p = person(Fields.of(body), "");
    if (p.displayName() == null && p.foreignerNumber() == null && p.phone() == null) {
      throw ApiProblem.unprocessable("displayName", "Donnez au moins le nom, le numéro étranger ou le téléphone "
          + "(pour effacer l'identité, utilisez l'effacement)", "Give at least the name, the foreigner number or the phone "
          + "(to erase the identity, use the erasure)");
    }
    return p;
  }

  /** A person's fields; {@code prefix} is how the request names the object holding them ("person." or none). */
  private Person person(Fields p, String prefix) {
    p.only(Set.of("displayName", "foreignerNumber", "phone"));
    String name = p.optionalText("displayName", 200).orElse(null);
    String number = p.optionalText("foreignerNumber", 20).map(s -> s.replace(" ", "")).orElse(null);
    if (number != null && !FOREIGNER_NUMBER.matcher(number).matches()) {
      throw ApiProblem.unprocessable(prefix + "foreignerNumber",
          "Le champ '" + prefix + "foreignerNumber' doit être les 10 chiffres du numéro AGDREF",
          "Field '" + prefix + "foreignerNumber' must be the 10 digits of the AGDREF number");
    }
    String phone = p.optionalText("phone", 20).orElse(null);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw ApiProblem.unprocessable(prefix + "phone", "Le champ '" + prefix + "phone' n'est pas un numéro de téléphone",
          "Field '" + prefix + "phone' is not a phone number");
    }
    return new Person(name, number, phone);
  }

  public EventDraft parseEvent(ObjectNode body, LocalDate today) {
    Fields f = Fields.of(body);
    EventType type = f.requiredEnum("type", EventType.class);
    if (!type.postable()) {
      throw ApiProblem.unprocessable("type", "Champ 'type' : " + type + " s'enregistre par son propre point d'accès",
          "Field 'type': " + type + " is recorded through its own endpoint");
    }
    LocalDate occurredOn = f.requiredDate("occurredOn");
    checkPast("occurredOn", occurredOn, today);
    ObjectNode details = nodes.objectNode();
    Optional<String> note = Optional.empty();
    Optional<UUID> volunteer = Optional.empty();
    Object payload;
    switch (type) {
      case VOLUNTEER_ASSIGNED -> {
        f.only(with("volunteerId"));
        UUID id = f.requiredId("volunteerId");
        volunteer = Optional.of(id);
        details.put("volunteerId", id.toString());
        payload = new VolunteerAssigned(id.toString());
      }
      case SUBMISSION_RECORDED -> {
        f.only(with("procedure", "complete", "receiptMentionsAppealRoutes"));
        Procedure procedure = f.requiredEnum("procedure", Procedure.class);
        boolean complete = f.booleanOr("complete", true);
        boolean appealRoutes = f.booleanOr("receiptMentionsAppealRoutes", true);
        details.put("procedure", procedure.name()).put("complete", complete).put("receiptMentionsAppealRoutes", appealRoutes);
        payload = new SubmissionRecorded(procedure, complete, appealRoutes);
      }
      case BLOCKAGE_REPORTED -> {
        f.only(with("blockage", "note"));
        BlockageKind blockage = f.requiredEnum("blockage", BlockageKind.class);
        note = f.optionalText("note", NOTE_MAX);
        details.put("blockage", blockage.name());
        payload = new BlockageReported(blockage, null);
      }
      case BLOCKAGE_RESOLVED -> {
        f.only(with("blockage"));
        BlockageKind blockage = f.requiredEnum("blockage", BlockageKind.class);
        details.put("blockage", blockage.name());
        payload = new BlockageResolved(blockage);
      }
      case API_ISSUED -> {
        f.only(with("validUntil"));
        LocalDate validUntil = f.requiredDate("validUntil");
        if (!validUntil.isAfter(occurredOn)) {
          throw ApiProblem.unprocessable("validUntil",
              "Le champ 'validUntil' doit être postérieur à 'occurredOn' (la date de délivrance)",
              "Field 'validUntil' must be after 'occurredOn' (the issue date)");
        }
        if (validUntil.isAfter(occurredOn.plusMonths(API_MAX_MONTHS))) {
          throw ApiProblem.unprocessable("validUntil",
              "Le champ 'validUntil' dépasse de plus de " + API_MAX_MONTHS + " mois la date de délivrance (CESEDA R.431-15-1)",
              "Field 'validUntil' is more than " + API_MAX_MONTHS + " months after the issue date (CESEDA R.431-15-1)");
        }
        details.put("validUntil", validUntil.toString());
        payload = new ApiIssued(validUntil);
      }
      case API_EXPIRY_RECORDED -> {
        f.only(COMMON);
        payload = new ApiExpiryRecorded();
      }
      case CCC_CONTACT_ATTEMPTED -> {
        f.only(with("channel", "outcome", "waitMinutes"));
        CccChannel channel = f.requiredEnum("channel", CccChannel.class);
        CccOutcome outcome = f.requiredEnum("outcome", CccOutcome.class);
        Integer wait = f.optionalInt("waitMinutes", 0, 7 * 24 * 60).orElse(null);
        details.put("channel", channel.name()).put("outcome", outcome.name()).put("waitMinutes", wait);
        payload = new CccContactAttempted(channel, outcome, wait);
      }
      case EMPLOYER_REFUSED_API -> {
        f.only(COMMON);
        payload = new EmployerRefusedApi();
      }
      case DECISION_RECEIVED -> {
        f.only(with("decision", "newPermitExpiresOn", "newPermitKind", "appealDeadline", "oqtfTerms"));
        Decision decision = f.requiredEnum("decision", Decision.class);
        LocalDate newExpiry = f.optionalDate("newPermitExpiresOn").orElse(null);
        PermitKind newKind = f.optionalEnum("newPermitKind", PermitKind.class).orElse(null);
        LocalDate appealDeadline = f.optionalDate("appealDeadline").orElse(null);
        OqtfTerms oqtfTerms = f.optionalEnum("oqtfTerms", OqtfTerms.class).orElse(null);
        if (oqtfTerms != null && decision != Decision.REFUSED_WITH_OQTF) {
          throw ApiProblem.unprocessable("oqtfTerms", "Le champ 'oqtfTerms' ne s'indique qu'avec la décision REFUSED_WITH_OQTF",
              "Field 'oqtfTerms' is only given with decision REFUSED_WITH_OQTF");
        }
        if (appealDeadline != null && decision == Decision.GRANTED) {
          throw ApiProblem.unprocessable("appealDeadline", "Le champ 'appealDeadline' ne s'indique qu'avec un refus",
              "Field 'appealDeadline' is only given with a refusal");
        }
        if (appealDeadline != null && (appealDeadline.isBefore(occurredOn) || appealDeadline.isAfter(occurredOn.plusYears(1)))) {
          throw ApiProblem.unprocessable("appealDeadline",
              "Le champ 'appealDeadline' doit être entre le jour de la décision et un an après",
              "Field 'appealDeadline' must be between the day of the decision and a year after");
        }
        if (decision != Decision.GRANTED && (newExpiry != null || newKind != null)) {
          String field = newExpiry != null ? "newPermitExpiresOn" : "newPermitKind";
          throw ApiProblem.unprocessable(field, "Le champ '" + field + "' ne s'indique qu'avec la décision GRANTED",
              "Field '" + field + "' is only given with decision GRANTED");
        }
        if (newExpiry != null && (!newExpiry.isAfter(occurredOn) || newExpiry.isAfter(occurredOn.plusYears(11)))) {
          throw ApiProblem.unprocessable("newPermitExpiresOn",
              "Le champ 'newPermitExpiresOn' doit être postérieur à la décision et à moins de dix ans",
              "Field 'newPermitExpiresOn' must be after the decision and within ten years");
        }
        details.put("decision", decision.name()).put("newPermitExpiresOn", newExpiry == null ? null : newExpiry.toString())
            .put("newPermitKind", newKind == null ? null : newKind.name())
            .put("appealDeadline", appealDeadline == null ? null : appealDeadline.toString())
            .put("oqtfTerms", oqtfTerms == null ? null : oqtfTerms.name());
        payload = new DecisionReceived(decision, newExpiry, newKind, appealDeadline, oqtfTerms);
      }
      case SITUATION_UPDATED -> {
        f.only(with("employed", "receivesBenefits", "benefitKinds"));
        Boolean employed = f.optionalBoolean("employed").orElse(null);
        Boolean benefits = f.optionalBoolean("receivesBenefits").orElse(null);
        List<BenefitKind> kinds = f.optionalEnumList("benefitKinds", BenefitKind.class).orElse(null);
        if (employed == null && benefits == null && kinds == null) {
          throw ApiProblem.badRequest("employed",
              "Au moins un des champs 'employed', 'receivesBenefits', 'benefitKinds' est obligatoire",
              "At least one of 'employed', 'receivesBenefits', 'benefitKinds' is required");
        }
        details.put("employed", employed).put("receivesBenefits", benefits);
        if (kinds != null) {
          ArrayNode a = details.putArray("benefitKinds");
          kinds.forEach(k -> a.add(k.name()));
        }
        payload = new SituationUpdated(employed, benefits, kinds, null);
      }
      case APPEAL_FILED -> {
        f.only(with("appeal"));
        AppealKind appeal = f.requiredEnum("appeal", AppealKind.class);
        details.put("appeal", appeal.name());
        payload = new SituationUpdated(null, null, null, appeal);
      }
      case CASE_CLOSED -> {
        f.only(COMMON);
        payload = new CaseClosed();
      }
      default -> throw new IllegalStateException("unreachable: " + type);
    }
    return new EventDraft(type, occurredOn, payload, details, note, volunteer);
  }

  /**
   * The body of a correction: an event as {@link #parseEvent} takes it, or, for a CASE_OPENED, the opening fields
   * of {@link #parseCase} (same names and checks) without person or assignment, dated by {@code occurredOn}. A
   * corrected opening assigns nobody.
   */
  public EventDraft parseCorrection(ObjectNode body, LocalDate today) {
    Fields f = Fields.of(body);
    EventType type = f.requiredEnum("type", EventType.class);
    if (!type.correctable()) {
      throw ApiProblem.unprocessable("type", "Champ 'type' : un événement " + type + " ne se corrige pas"
          + " (pour confier le dossier à un autre bénévole : PUT /api/v1/cases/{caseId}/assignee)",
          "Field 'type': a " + type + " event is not corrected (to give the case to another volunteer: "
          + "PUT /api/v1/cases/{caseId}/assignee)");
    }
    if (type != EventType.CASE_OPENED) {
      return parseEvent(body, today);
    }
    f.only(OPENING_CORRECTION_FIELDS);
    LocalDate openedOn = f.requiredDate("occurredOn");
    checkPast("occurredOn", openedOn, today);
    ObjectNode opening = body.deepCopy();
    opening.remove(COMMON);
    opening.put("openedOn", openedOn.toString());
    NewCase c = parseCase(opening, today);
    return new EventDraft(type, openedOn, c.payload(null), c.details(), Optional.empty(), Optional.empty());
  }

  /**
   * An event as it was recorded, parsed again from its timeline details (which hold the fields of its request
   * under the same names, and the note's reference): its payload is the one first published. Not for
   * CASE_OPENED and CASE_ERASED, which have no such request.
   */
  public EventDraft recorded(TimelineEntry e) {
    ObjectNode body = e.details().deepCopy();
    body.remove("noteRef");
    body.put("type", e.type()).put("occurredOn", e.occurredOn().toString());
    EventDraft d = parseEvent(body, e.occurredOn());
    Object payload = d.payload();
    if (e.details().hasNonNull("noteRef")) {
      payload = BlockageReported.newBuilder((BlockageReported) payload).setNoteRef(e.details().get("noteRef").asText()).build();
    }
    return new EventDraft(d.type(), d.occurredOn(), payload, e.details().deepCopy(), Optional.empty(), d.volunteerId());
  }

  private static Set<String> with(String... names) {
    Set<String> s = new java.util.HashSet<>(COMMON);
    s.addAll(List.of(names));
    return s;
  }

  /**
   * A department code, upper-cased: 422 naming {@code department} when it is not one ({@code what}: "Le champ" or
   * "Le paramètre", and in English, for a body's field or a query parameter).
   */
  public static String department(String raw, String whatFr, String whatEn) {
    String department = raw.toUpperCase(java.util.Locale.ROOT);
    if (!DEPARTMENT.matcher(department).matches()) {
      throw ApiProblem.unprocessable("department",
          whatFr + " 'department' doit être un code de département (01–95, 2A, 2B, 971–976)",
          whatEn + " 'department' must be a French department code (01–95, 2A, 2B, 971–976)");
    }
    return department;
  }

  /** A domain date: not after today, not before {@link #EARLIEST}; 422 naming the field otherwise. */
  static void checkPast(String field, LocalDate date, LocalDate today) {
    if (date.isAfter(today)) {
      throw ApiProblem.unprocessable(field, "Le champ '" + field + "' est dans le futur", "Field '" + field + "' is in the future");
    }
    if (date.isBefore(EARLIEST)) {
      throw ApiProblem.unprocessable(field, "Le champ '" + field + "' est antérieur au " + EARLIEST,
          "Field '" + field + "' is before " + EARLIEST);
    }
  }
}
