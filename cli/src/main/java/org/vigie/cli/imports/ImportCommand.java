package org.vigie.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigie.cli.client.ApiOptions;
import org.vigie.cli.client.IntakeClient;
import org.vigie.intake.csv.Workbooks;
import org.vigie.intake.http.ApiProblem;
import org.vigie.platform.config.Config;
import org.vigie.cli.UserErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigie import FILE}: sends an association's spreadsheet to {@code POST /api/v1/imports} in
 * steps, shows the progress, then lists the rejected lines (original line numbers). Sending a file
 * again is safe: intake recognises the rows it already imported (reported as duplicates).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Importe le tableur (CSV ou Excel .xlsx) d'une association. / Imports an association's spreadsheet (CSV or Excel .xlsx).",
        "Needs a coordinator's token of the association (--token)."})
public final class ImportCommand implements Callable<Integer> {
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "CSV file (';' or ',' separated, UTF-8 or Windows-1252), or Excel workbook (.xlsx, its first sheet).")
  Path file;

  @Option(names = "--rows-per-request", defaultValue = "200", description = "Rows sent per request (default ${DEFAULT-VALUE}).")
  int rowsPerRequest;

  public ImportCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws IOException {
    UserErrors.atLeast(spec, "--rows-per-request", rowsPerRequest, 1);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " : fichier introuvable, illisible ou dossier"
          + " / no such readable file (or it is a folder)");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length == 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " : fichier vide / empty file");
    }
    if (Workbooks.isWorkbook(bytes)) {
      try {
        // sent in steps: the server's limit is per step
        bytes = Workbooks.toCsv(bytes, Integer.MAX_VALUE);
      } catch (ApiProblem e) {
        throw new CommandLine.ParameterException(spec.commandLine(), file + " : " + e.detail().fr() + " / " + e.detail().en());
      }
    }
    List<CsvChunks.Chunk> chunks;
    try {
      chunks = CsvChunks.split(CsvChunks.decode(bytes), rowsPerRequest);
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " : ce n'est pas un tableur CSV lisible / "
          + "not a readable CSV sheet (" + e.getMessage() + ")");
    }
    ImportTally tally = run(api.client(config), chunks, spec.commandLine().getErr());
    PrintWriter out = spec.commandLine().getOut();
    tally.rejections().forEach(r -> out.println(r));
    tally.notices().forEach(n -> out.println(n));
    out.println(tally.summary());
    return tally.rejected() == 0 ? 0 : 3;
  }

  /** Sends each chunk, updating one progress line on {@code progress}. */
  static ImportTally run(IntakeClient client, List<CsvChunks.Chunk> chunks, PrintWriter progress) {
    long total = chunks.stream().mapToLong(c -> c.originalLines().size()).sum();
    ImportTally tally = new ImportTally(total);
    for (CsvChunks.Chunk chunk : chunks) {
      JsonNode report = client.post("/api/v1/imports", chunk.csv().getBytes(StandardCharsets.UTF_8),
          "text/csv; charset=utf-8", Map.of());
      tally.add(report, chunk);
      progress.print("\r" + tally.progressLine());
      progress.flush();
    }
    progress.println();
    return tally;
  }

  /** Running totals of an import and the rejected lines, for the terminal. */
  static final class ImportTally {
    private final long total;
    private long done;
    private long accepted;
    private long duplicates;
    private long completed;
    private final List<String> rejections = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    ImportTally(long total) {
      this.total = total;
    }

    void add(JsonNode report, CsvChunks.Chunk chunk) {
      done += chunk.originalLines().size();
      accepted += report.path("accepted").asLong();
      duplicates += report.path("duplicates").asLong();
      for (JsonNode line : report.path("report")) {
        if (line.path("eventsAdded").asInt() > 0) {
          completed++;
        }
        if (line.hasNonNull("notice")) {
          notices.add(String.format("ligne/line %d: %s", chunk.originalLine(line.path("line").asLong()),
              line.path("notice").asText()));
        }
        if ("REJECTED".equals(line.path("status").asText())) {
          rejections.add(String.format("ligne/line %d, colonne/column %s: %s",
              chunk.originalLine(line.path("line").asLong()), line.path("column").asText("?"),
              line.path("error").asText("")));
        }
      }
    }

    String progressLine() {
      int width = 30;
      int filled = total == 0 ? width : (int) (width * done / total);
      return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total
          + " lignes · " + accepted + " importées · " + duplicates + " déjà là · " + rejected() + " rejetées";
    }

    String summary() {
      String summary = String.format("%d lignes : %d importées, %d déjà importées, %d rejetées "
          + "(%d lines: %d imported, %d duplicates, %d rejected)",
          total, accepted, duplicates, rejected(), total, accepted, duplicates, rejected());
      return completed == 0 ? summary : summary + String.format("%n%d lignes déjà importées complétées de faits"
          + " nouveaux (%d lines imported before completed with new facts)", completed, completed);
    }

    long rejected() {
      return rejections.size();
    }

    List<String> rejections() {
      return rejections;
    }

    /** Lines imported before whose new facts were not recorded, and why. */
    List<String> notices() {
      return notices;
    }
  }
}
