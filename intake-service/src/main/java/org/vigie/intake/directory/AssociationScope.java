package org.vigie.intake.directory;

import io.javalin.http.Context;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Ids;
import org.vigie.intake.http.Resource;

/** The association a route's {@code {associationId}} names, as the caller may see it. */
public final class AssociationScope {
  private final Jdbi jdbi;
  private final DirectoryRepository directory;

  public AssociationScope(Jdbi jdbi, DirectoryRepository directory) {
    this.jdbi = jdbi;
    this.directory = directory;
  }

  /** The association of the path: the caller's own, or any existing one for the administrator; else 404. */
  public UUID of(Context ctx, Caller caller) {
    UUID id = Ids.path(ctx.pathParam("associationId"), Resource.ASSOCIATION);
    if (!caller.canManage(id) || (caller.isAdmin() && !jdbi.withHandle(h -> directory.associationExists(h, id)))) {
      throw ApiProblem.notFound(Resource.ASSOCIATION);
    }
    return id;
  }
}
