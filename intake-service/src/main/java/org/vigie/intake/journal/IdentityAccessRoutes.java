package org.vigie.intake.journal;

import static io.javalin.http.HandlerType.GET;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.cases.CaseRepository;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.QueryParams;
import org.vigie.intake.http.Resource;

/**
 * The journal of accesses to identities, for the association's coordinators: of one case
 * ({@code GET /api/v1/cases/{caseId}/identity-accesses}) or of the whole association
 * ({@code GET /api/v1/associations/{associationId}/identity-accesses}), latest first, a page at a time.
 */
public final class IdentityAccessRoutes {
  public static final String OF_CASE = "/api/v1/cases/{caseId}/identity-accesses";
  public static final String OF_ASSOCIATION = "/api/v1/associations/{associationId}/identity-accesses";
  private static final int MAX_PAGE = 500;

  private final Jdbi jdbi;
  private final IdentityAccesses accesses;
  private final CaseRepository cases;
  private final DirectoryRepository directory;
  private final AssociationScope scope;
  private final Json json;

  public IdentityAccessRoutes(Jdbi jdbi, IdentityAccesses accesses, CaseRepository cases, DirectoryRepository directory,
      AssociationScope scope, Json json) {
    this.jdbi = jdbi;
    this.accesses = accesses;
    this.cases = cases;
    this.directory = directory;
    this.scope = scope;
    this.json = json;
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, OF_CASE, Set.of(Role.COORDINATOR), this::ofCase),
        ApiRoute.of(GET, OF_ASSOCIATION, Set.of(Role.COORDINATOR), this::ofAssociation));
  }

  private void ofCase(Context ctx, Caller caller) {
    UUID caseId = Ids.path(ctx.pathParam("caseId"), Resource.CASE);
    jdbi.useHandle(h -> cases.find(h, caller.associationId(), caseId).orElseThrow(() -> ApiProblem.notFound(Resource.CASE)));
    answer(ctx, caller.associationId(), caseId);
  }

  private void ofAssociation(Context ctx, Caller caller) {
    answer(ctx, scope.of(ctx, caller), null);
  }

  private void answer(Context ctx, UUID association, UUID caseId) {
    int limit = QueryParams.integer(ctx, "limit", 100, 1, MAX_PAGE);
    int offset = QueryParams.integer(ctx, "offset", 0, 0, 1_000_000);
    ObjectNode out = jdbi.withHandle(h -> {
      Map<String, String> names = new HashMap<>();
      directory.volunteers(h, association).forEach(v -> names.put(v.volunteerId().toString(), v.displayName()));
      List<IdentityAccesses.Access> page = accesses.list(h, association, caseId, limit, offset);
      long total = accesses.count(h, association, caseId);
      ObjectNode n = json.object();
      ArrayNode list = n.putArray("accesses");
      for (IdentityAccesses.Access a : page) {
        list.addObject().put("at", a.at().toString()).put("caseId", a.caseId() == null ? null : a.caseId().toString())
            .put("by", a.by()).put("byName", names.get(a.by())).put("action", a.action().name()).put("cases", a.cases());
      }
      n.put("total", total).put("limit", limit).put("offset", offset);
      if (offset + page.size() < total) {
        n.put("nextOffset", offset + page.size());
      }
      return n;
    });
    ctx.json(out);
  }
}
