package org.vigie.intake.csv;

import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Json;

/** {@code POST /api/v1/imports}: a CSV body, answered with a report per line. */
public final class CsvImportRoutes {
  private final CsvImporter importer;
  private final Json json;

  public CsvImportRoutes(CsvImporter importer, Json json) {
    this.importer = importer;
    this.json = json;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(POST, "/api/v1/imports", Set.of(Role.COORDINATOR), this::importCsv).withLargeBody());
  }

  private void importCsv(Context ctx, Caller caller) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiProblem.badRequest("body", "The request body must be a CSV file with a header line");
    }
    List<ImportLine> lines = importer.importCsv(caller, body);
    ObjectNode out = json.object();
    long accepted = lines.stream().filter(l -> l.status() == ImportLine.Status.ACCEPTED).count();
    long duplicates = lines.stream().filter(l -> l.status() == ImportLine.Status.DUPLICATE).count();
    out.put("lines", lines.size()).put("accepted", accepted).put("duplicates", duplicates)
        .put("rejected", lines.size() - accepted - duplicates)
        .put("events", lines.stream().mapToInt(ImportLine::events).sum());
    ArrayNode report = out.putArray("report");
    for (ImportLine l : lines) {
      ObjectNode n = report.addObject().put("line", l.line()).put("status", l.status().name());
      if (l.caseId() != null) {
        n.put("caseId", l.caseId().toString());
      }
      if (l.status() == ImportLine.Status.REJECTED) {
        n.put("column", l.column()).put("error", l.error());
      }
    }
    ctx.status(200).json(out);
  }
}
