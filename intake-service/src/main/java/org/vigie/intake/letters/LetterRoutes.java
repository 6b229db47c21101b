package org.vigie.intake.letters;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.audit.letters.Letter;
import org.vigie.audit.letters.LetterCase;
import org.vigie.schemas.wording.LetterKind;
import org.vigie.audit.letters.LetterPdf;
import org.vigie.audit.letters.LetterWriter;
import org.vigie.audit.timeline.KafkaCaseHistory;
import org.vigie.audit.timeline.TimelineBuilder;
import org.vigie.intake.alerts.AlertRepository;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.cases.CaseRecord;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Resource;
import org.vigie.intake.journal.IdentityAccesses;
import org.vigie.intake.settings.SettingsRepository;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.intake.vault.Person;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseEventCheck;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CaseReference;

/**
 * The drafts of a case ({@link LetterKind}): which exist and which its open alerts call for, and each
 * one written from the case's facts as the rules fold them from the event log, the association's rule
 * settings, its open alerts and the person's identity, as a PDF, plain text or JSON. For the members of
 * the case's association; a draft naming the person is journaled.
 */
public final class LetterRoutes {
  public static final String LIST = "/api/v1/cases/{caseId}/letters";
  public static final String DRAFT = "/api/v1/cases/{caseId}/letters/{kind}";
  private static final RuleSettings DEFAULTS = RuleEngine.standard().defaults();

  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final AlertRepository alerts;
  private final SettingsRepository settings;
  private final IdentityVault vault;
  private final IdentityAccesses accesses;
  private final KafkaCaseHistory history;
  private final Json json;
  private final Clock clock;
  private final LetterWriter writer = new LetterWriter();

  public LetterRoutes(Jdbi jdbi, CaseRepository cases, DirectoryRepository directory, AlertRepository alerts,
      SettingsRepository settings, IdentityVault vault, IdentityAccesses accesses, KafkaCaseHistory history, Json json,
      Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.directory = directory;
    this.alerts = alerts;
    this.settings = settings;
    this.vault = vault;
    this.accesses = accesses;
    this.history = history;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    Set<Role> members = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
    return List.of(ApiRoute.of(GET, LIST, members, this::list), ApiRoute.of(GET, DRAFT, members, this::draft));
  }

  private void list(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    List<LetterCase.OpenAlert> open = jdbi.withHandle(h -> {
      requireCase(h, caller, caseId);
      return openAlerts(h, caller.associationId(), caseId);
    });
    List<RuleId> openRules = open.stream().map(LetterCase.OpenAlert::rule).toList();
    ObjectNode out = json.object().put("caseId", caseId.toString());
    ArrayNode letters = out.putArray("letters");
    for (LetterKind kind : LetterKind.values()) {
      ObjectNode l = letters.addObject().put("kind", kind.id());
      l.putObject("title").put("fr", kind.title(true)).put("en", kind.title(false));
      l.putObject("purpose").put("fr", kind.purpose(true)).put("en", kind.purpose(false));
      List<RuleId> reasons = kind.suggestedBy(openRules);
      l.put("suggested", !reasons.isEmpty());
      ArrayNode because = l.putArray("suggestedBy");
      reasons.forEach(r -> because.add(r.name()));
    }
    ctx.json(out);
  }

  private void draft(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    LetterKind kind = LetterKind.parse(ctx.pathParam("kind")).orElseThrow(() -> ApiProblem.notFound(Resource.LETTER));
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("pdf");
    if (!Set.of("pdf", "text", "json").contains(format)) {
      throw ApiProblem.badRequest("format", "Le paramètre 'format' doit valoir pdf, text ou json",
          "Query parameter 'format' must be pdf, text or json");
    }
    CaseRecord c = jdbi.withHandle(h -> requireCase(h, caller, caseId));
    if (c.identityErased()) {
      throw ApiProblem.conflict("caseId", "Ce dossier a été effacé : aucun courrier ne peut plus être préparé",
          "This case was erased: no letter can be drafted for it any more");
    }
    // The facts come from the event log, as the rules fold them.
    CaseState state = fold(caseId);
    if (state == null) {
      throw ApiProblem.unavailable("Les événements de ce dossier ne sont pas encore lisibles ; réessayez dans un instant",
          "This case's events cannot be read yet; try again in a moment");
    }
    record Known(LetterCase letterCase, String associationName) {}
    Known known = jdbi.inTransaction(h -> {
      Optional<Person> person = vault.person(h, caseId);
      String associationName = directory.associationName(h, caller.associationId()).orElse(null);
      RuleSettings ruleSettings = settings.find(h, caller.associationId())
          .map(s -> DEFAULTS.with(s.settings().toRecord(caller.associationId(), s.updatedAt()))).orElse(DEFAULTS);
      LetterCase letterCase = new LetterCase(CaseReference.of(caseId.toString()), associationName,
          person.map(Person::displayName).orElse(null), person.map(Person::foreignerNumber).orElse(null), state,
          ruleSettings, openAlerts(h, caller.associationId(), caseId), LocalDate.now(clock.withZone(TimelineBuilder.PARIS)));
      if (letterCase.personName() != null || letterCase.foreignerNumber() != null) {
        accesses.record(h, caller.associationId(), caseId, caller.recordedBy(), IdentityAccesses.Action.LETTER);
      }
      return new Known(letterCase, associationName);
    });
    Letter letter = writer.write(kind, known.letterCase());
    String file = kind.id() + "-" + letter.reference();
    ctx.header("Cache-Control", "no-store");
    switch (format) {
      case "text" -> {
        ctx.header("Content-Disposition", "inline; filename=\"" + file + ".txt\"");
        ctx.contentType("text/plain; charset=utf-8").result(letter.text().getBytes(StandardCharsets.UTF_8));
      }
      case "json" -> ctx.json(toJson(caseId, letter));
      default -> {
        ctx.header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"");
        ctx.contentType("application/pdf").result(LetterPdf.toPdf(letter, known.associationName()));
      }
    }
  }

  private ObjectNode toJson(UUID caseId, Letter letter) {
    ObjectNode out = json.object().put("caseId", caseId.toString()).put("kind", letter.kind().id())
        .put("reference", letter.reference()).put("writtenOn", letter.writtenOn().toString());
    out.putObject("title").put("fr", letter.kind().title(true)).put("en", letter.kind().title(false));
    out.put("language", "fr").put("recipient", letter.recipient()).put("subject", letter.subject()).put("text", letter.text());
    ArrayNode blanks = out.putArray("toComplete");
    letter.toComplete().forEach(blanks::add);
    return out;
  }

  private CaseRecord requireCase(Handle h, Caller caller, UUID caseId) {
    return cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
  }

  private List<LetterCase.OpenAlert> openAlerts(Handle h, UUID associationId, UUID caseId) {
    return alerts.byCase(h, associationId, caseId).stream()
        .filter(a -> "RAISED".equals(a.path("status").asText()))
        .map(a -> new LetterCase.OpenAlert(RuleId.valueOf(a.path("rule").asText()), Severity.valueOf(a.path("severity").asText()),
            a.path("deadline").isNull() || a.path("deadline").isMissingNode() ? null : LocalDate.parse(a.path("deadline").asText()),
            a.path("reference").isNull() ? null : a.path("reference").asText()))
        .toList();
  }

  /** The case's state as the rules fold its events (the ones they refuse count for nothing); null when none is readable yet. */
  private CaseState fold(UUID caseId) {
    CaseFold fold = new CaseFold();
    CaseState state = null;
    for (CaseEvent e : history.events(caseId.toString())) {
      if (CaseEventCheck.problem(null, e).isEmpty()) {
        state = fold.apply(state, e);
      }
    }
    return state;
  }
}
