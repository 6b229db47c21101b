package org.vigie.intake.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Client of {@code POST /api/v1/imports} for the {@code vigie import FILE} command: sends the
 * file in chunks of lines (the header repeated), reports progress after each chunk, and merges the
 * per-line reports (line numbers are those of the whole file).
 */
public final class CsvImportClient {
  /** Progress after each chunk: lines sent so far and the total. */
  @FunctionalInterface
  public interface Progress {
    void update(long linesDone, long linesTotal);
  }

  /** A failed chunk: the HTTP status and the problem document returned. */
  public static final class ImportFailure extends IOException {
    private final int status;

    public ImportFailure(int status, String body) {
      super("Import refused (" + status + "): " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper mapper = new ObjectMapper();
  private final URI endpoint;
  private final String token;
  private final int chunkLines;

  /** @param baseUrl e.g. http://localhost:8080 */
  public CsvImportClient(String baseUrl, String token, int chunkLines) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/imports");
    this.token = token;
    this.chunkLines = Math.max(1, chunkLines);
  }

  public JsonNode importFile(Path file, Progress progress) throws IOException, InterruptedException {
    return importText(CsvImporter.decode(Files.readAllBytes(file)), progress);
  }

  /** The merged report: {lines, accepted, duplicates, rejected, events, report: [...]}. */
  public JsonNode importText(String csv, Progress progress) throws IOException, InterruptedException {
    List<String> lines = csv.lines().toList();
    if (lines.isEmpty()) {
      throw new IOException("Empty file");
    }
    String header = lines.get(0);
    List<String> rows = lines.subList(1, lines.size());
    ObjectNode total = mapper.createObjectNode().put("lines", 0).put("accepted", 0).put("duplicates", 0).put("rejected", 0).put("events", 0);
    ArrayNode report = total.putArray("report");
    for (int start = 0; start < rows.size() || start == 0; start += chunkLines) {
      List<String> chunk = rows.subList(start, Math.min(rows.size(), start + chunkLines));
      List<String> body = new ArrayList<>();
      body.add(header);
      body.addAll(chunk);
      JsonNode answer = send(String.join("\n", body) + "\n");
      for (String field : List.of("lines", "accepted", "duplicates", "rejected", "events")) {
        total.put(field, total.get(field).asLong() + answer.path(field).asLong());
      }
      for (JsonNode line : answer.path("report")) {
        ObjectNode copy = line.deepCopy();
        copy.put("line", line.get("line").asLong() + start);
        report.add(copy);
      }
      if (progress != null) {
        progress.update(start + chunk.size(), rows.size());
      }
      if (rows.isEmpty()) {
        break;
      }
    }
    return total;
  }

  private JsonNode send(String csv) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "text/csv; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new ImportFailure(response.statusCode(), response.body());
    }
    return mapper.readTree(response.body());
  }
}
