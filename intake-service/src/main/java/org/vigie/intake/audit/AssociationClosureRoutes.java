package org.vigie.intake.audit;

import static io.javalin.http.HandlerType.POST;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Fields;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Resource;

/**
 * {@code POST /api/v1/admin/associations/{associationId}/closure} (the federation's administrator):
 * an association leaves the federation ({@link AssociationClosure}); the body's {@code confirm} is its exact
 * name. Answers what was done; closing again finishes an erasure that failed.
 */
public final class AssociationClosureRoutes {
  public static final String PATH = "/api/v1/admin/associations/{associationId}/closure";

  private final AssociationClosure closure;
  private final Json json;

  public AssociationClosureRoutes(AssociationClosure closure, Json json) {
    this.closure = closure;
    this.json = json;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(POST, PATH, Set.of(Role.ADMIN), this::close));
  }

  private void close(Context ctx, Caller caller) {
    UUID associationId = Ids.path(ctx.pathParam("associationId"), Resource.ASSOCIATION);
    String confirm = Fields.of(json.parseObject(ctx.bodyAsBytes())).only(Set.of("confirm")).requiredText("confirm", 200);
    AssociationClosure.Outcome o = closure.close(associationId, confirm);
    ctx.json(json.object().put("associationId", associationId.toString()).put("closedAt", o.closedAt().toString())
        .put("volunteersDeactivated", o.volunteersDeactivated()).put("tokensRevoked", o.tokensRevoked())
        .put("casesErased", o.casesErased()).put("casesLeft", o.casesLeft()));
  }
}
