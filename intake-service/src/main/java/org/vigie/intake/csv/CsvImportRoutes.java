package org.vigie.intake.csv;

import static io.javalin.http.HandlerType.POST;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Detail;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Language;

/** {@code POST /api/v1/imports}: a CSV body, or an Excel workbook (.xlsx), answered with a report per line. */
public final class CsvImportRoutes {
  private final CsvImporter importer;
  private final Json json;
  private final long maxImportBytes;

  /** @param maxImportBytes the largest CSV accepted, also for the CSV a workbook gives */
  public CsvImportRoutes(CsvImporter importer, Json json, long maxImportBytes) {
    this.importer = importer;
    this.json = json;
    this.maxImportBytes = maxImportBytes;
  }

  public List<ApiRoute> routes() {
    return List.of(ApiRoute.of(POST, "/api/v1/imports", Set.of(Role.COORDINATOR), this::importCsv).withLargeBody());
  }

  private void importCsv(Context ctx, Caller caller) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiProblem.badRequest("body", "Le corps de la requête doit être un fichier CSV ou Excel (.xlsx) avec une ligne d'en-tête",
          "The request body must be a CSV or Excel (.xlsx) file with a header line");
    }
    // an Excel workbook is read as the CSV it would save, its rows keeping their numbers
    List<ImportLine> lines = importer.importCsv(caller, Workbooks.isWorkbook(body) ? Workbooks.toCsv(body, maxImportBytes) : body);
    Language language = Language.negotiate(ctx.header("Accept-Language"));
    ctx.status(200).contentType(ContentType.APPLICATION_JSON).header("Content-Language", language.tag())
        .header("Vary", "Accept-Language").result(report(lines, language));
  }

  /** The line's error or notice in both languages, for a page that switches language after the import. */
  private static void writeMessage(JsonGenerator out, Detail message) throws IOException {
    out.writeObjectFieldStart("message");
    out.writeStringField("fr", message.fr());
    out.writeStringField("en", message.en());
    out.writeEndObject();
  }

  /**
   * The answer: the counts, then a report per line, written as a stream (a file has thousands of lines); the
   * errors in the caller's language, and in both under {@code message}.
   */
  private byte[] report(List<ImportLine> lines, Language language) {
    long accepted = 0;
    long duplicates = 0;
    long events = 0;
    for (ImportLine l : lines) {
      accepted += l.status() == ImportLine.Status.ACCEPTED ? 1 : 0;
      duplicates += l.status() == ImportLine.Status.DUPLICATE ? 1 : 0;
      events += l.events();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 80 * lines.size());
    try (JsonGenerator out = json.mapper().getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeNumberField("lines", lines.size());
      out.writeNumberField("accepted", accepted);
      out.writeNumberField("duplicates", duplicates);
      out.writeNumberField("rejected", lines.size() - accepted - duplicates);
      out.writeNumberField("events", events);
      out.writeArrayFieldStart("report");
      for (ImportLine l : lines) {
        out.writeStartObject();
        out.writeNumberField("line", l.line());
        out.writeStringField("status", l.status().name());
        if (l.caseId() != null) {
          out.writeStringField("caseId", l.caseId().toString());
        }
        writeIds(out, "possibleDuplicates", l.possibleDuplicates());
        writeIds(out, "possibleDuplicatesByName", l.possibleDuplicatesByName());
        if (l.status() == ImportLine.Status.REJECTED) {
          out.writeStringField("column", l.column());
          out.writeStringField("error", l.error().in(language));
          writeMessage(out, l.error());
        } else if (l.status() == ImportLine.Status.DUPLICATE) {
          if (l.events() > 0) {
            out.writeNumberField("eventsAdded", l.events());
          }
          if (l.error() != null) {
            out.writeStringField("notice", l.error().in(language));
            writeMessage(out, l.error());
          }
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A list of case ids, left out when empty. */
  private static void writeIds(JsonGenerator out, String field, List<java.util.UUID> ids)
      throws IOException {
    if (ids.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart(field);
    for (UUID id : ids) {
      out.writeString(id.toString());
    }
    out.writeEndArray();
  }
}
