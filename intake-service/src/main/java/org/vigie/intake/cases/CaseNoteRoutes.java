package org.vigie.intake.cases;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Fields;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Resource;
import org.vigie.intake.http.Writes;
import org.vigie.intake.vault.IdentityVault;

/**
 * A case's follow-up notes, written on the case itself rather than with an event ("rendez-vous au point
 * d'accueil numérique le 12, apporter le passeport"), for whoever follows it next: encrypted in the vault
 * like every free text, never sent to Kafka, erased with the case. Members of the case's association read
 * and write them; a note is deleted by its writer or a coordinator. Reading them is part of showing the
 * case (journaled there when it names the person).
 */
public final class CaseNoteRoutes {
  public static final String NOTES = "/api/v1/cases/{caseId}/notes";
  public static final String NOTE = "/api/v1/cases/{caseId}/notes/{noteId}";

  private final Jdbi jdbi;
  private final CaseRepository cases;
  private final IdentityVault vault;
  private final Writes writes;
  private final Json json;
  private final Clock clock;

  public CaseNoteRoutes(Jdbi jdbi, CaseRepository cases, IdentityVault vault, Writes writes, Json json, Clock clock) {
    this.jdbi = jdbi;
    this.cases = cases;
    this.vault = vault;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    Set<Role> members = Set.of(Role.COORDINATOR, Role.VOLUNTEER);
    return List.of(ApiRoute.of(GET, NOTES, members, this::list), ApiRoute.of(POST, NOTES, members, this::write),
        ApiRoute.of(DELETE, NOTE, members, this::delete));
  }

  private void list(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    List<IdentityVault.CaseNote> notes = jdbi.withHandle(h -> {
      cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
      return vault.caseNotes(h, caseId);
    });
    ObjectNode out = json.object().put("caseId", caseId.toString());
    ArrayNode list = out.putArray("notes");
    notes.forEach(n -> list.addObject().put("noteId", n.noteId().toString()).put("writtenAt", n.writtenAt().toString())
        .put("writtenBy", n.writtenBy()).put("text", n.text()));
    ctx.header("Cache-Control", "no-store");
    ctx.json(out);
  }

  /** A new note; the answer names its id only (answers are kept in clear for Idempotency-Key). */
  private void write(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    byte[] body = ctx.bodyAsBytes();
    String text = Fields.of(json.parseObject(body)).only(Set.of("text")).requiredText("text", CaseRequests.NOTE_MAX);
    writes.run(ctx, caller.associationId(), body, h -> {
      notErased(h, caller, caseId);
      UUID noteId = vault.storeCaseNote(h, caseId, text, caller.recordedBy(), clock.instant());
      return new CommandResult(201, json.object().put("noteId", noteId.toString()).toString(), List.of());
    });
  }

  private void delete(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    UUID noteId = Ids.path(ctx.pathParam("noteId"), Resource.NOTE);
    writes.run(ctx, caller.associationId(), null, h -> {
      notErased(h, caller, caseId);
      String writer = vault.caseNoteWriter(h, caseId, noteId).orElseThrow(() -> ApiProblem.notFound(Resource.NOTE));
      if (caller.role() != Role.COORDINATOR && !writer.equals(caller.recordedBy())) {
        throw ApiProblem.forbidden();
      }
      vault.deleteCaseNote(h, caseId, noteId);
      return new CommandResult(204, "", List.of());
    });
  }

  /** The case of the caller's association, locked; an erased one keeps no note (409). */
  private void notErased(Handle h, Caller caller, UUID caseId) {
    CaseRecord c = cases.lock(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE));
    if (c.identityErased()) {
      throw ApiProblem.conflict("caseId", "Ce dossier a été effacé : il ne garde plus de note",
          "This case was erased: it keeps no note any more");
    }
  }
}
