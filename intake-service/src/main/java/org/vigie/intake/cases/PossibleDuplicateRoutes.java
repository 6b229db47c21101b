package org.vigie.intake.cases;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Json;
import org.vigie.intake.vault.IdentityVault;

/**
 * {@code GET /api/v1/associations/{associationId}/possible-duplicates}: the association's open cases
 * that share their person's foreigner number, in groups (most likely one person followed twice: opened
 * at two desks, or imported twice from different spreadsheets), for its coordinators to keep one case
 * of each; and in {@code nameGroups}, those that share their person's name, one of them at least without a
 * foreigner number (a first request: the same person, or two people of the same name). Case ids only: the
 * page names them from the case list.
 */
public final class PossibleDuplicateRoutes {
  public static final String PATH = "/api/v1/associations/{associationId}/possible-duplicates";

  private final Jdbi jdbi;
  private final AssociationScope scope;
  private final IdentityVault vault;
  private final Json json;

  public PossibleDuplicateRoutes(Jdbi jdbi, AssociationScope scope, IdentityVault vault, Json json) {
    this.jdbi = jdbi;
    this.scope = scope;
    this.vault = vault;
    this.json = json;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(GET, PATH, Set.of(Role.COORDINATOR), this::list));
  }

  private void list(Context ctx, Caller caller) {
    UUID association = scope.of(ctx, caller);
    record Groups(List<List<UUID>> byNumber, List<List<UUID>> byName) {}
    Groups groups = jdbi.withHandle(h -> new Groups(vault.openCasesSharingANumber(h, association),
        vault.openCasesSharingAName(h, association)));
    ObjectNode out = json.object();
    write(out.putArray("groups"), groups.byNumber());
    write(out.putArray("nameGroups"), groups.byName());
    ctx.json(out);
  }

  private static void write(ArrayNode list, List<List<UUID>> groups) {
    for (List<UUID> group : groups) {
      ArrayNode ids = list.addObject().putArray("caseIds");
      group.forEach(id -> ids.add(id.toString()));
    }
  }
}
