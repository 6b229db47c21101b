package org.vigie.cli.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.vigie.audit.timeline.CaseTimeline;
import org.vigie.audit.timeline.KafkaCaseHistory;
import org.vigie.audit.timeline.TimelineBuilder;
import org.vigie.audit.timeline.TimelineFormat;
import org.vigie.platform.config.Config;
import org.vigie.cli.UserErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie timeline --case ID}: a case's events, alerts and notifications read from the event
 * log, as JSON, CSV or a PDF for a lawyer. No identity: the command line has no access to the vault.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
    description = "Chronologie d'un dossier (JSON, CSV, PDF). / A case's timeline from the event log (JSON, CSV, PDF).")
public final class TimelineCommand implements Callable<Integer> {
  private final Config config;
  @Mixin KafkaOptions kafka;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "ID", description = "Case id.")
  String caseId;

  @Option(names = "--format", defaultValue = "json", description = "json, csv or pdf (default ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output).")
  Path out;

  public TimelineCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws Exception {
    return kafka.run(spec, config, this::execute);
  }

  private Integer execute() throws IOException {
    TimelineFormat f = TimelineFormat.parse(format).orElse(null);
    if (f == null) {
      spec.commandLine().getErr().println("vigie: --format doit valoir json, csv ou pdf / must be json, csv or pdf");
      return 2;
    }
    UserErrors.writable(spec, "--out", out);
    KafkaCaseHistory history = new KafkaCaseHistory(kafka.settings(config));
    KafkaCaseHistory.CaseHistory h = history.read(caseId);
    if (h.associationId() == null) {
      spec.commandLine().getErr().println("vigie: aucun événement du dossier " + caseId + " dans le journal (dossier "
          + "inconnu) / no event of case " + caseId + " in the log (unknown case)");
      return 1;
    }
    CaseTimeline t = new TimelineBuilder().build(caseId, h.associationId(), h.events(), h.alerts(), h.notifications(),
        null, history.names(h.associationId()), Instant.now());
    if (out != null) {
      try (OutputStream file = Files.newOutputStream(out)) {
        f.write(t, file);
      }
    } else if (f == TimelineFormat.PDF) {
      PrintStream stdout = System.out;
      f.write(t, stdout);
      stdout.flush();
    } else {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      f.write(t, text);
      spec.commandLine().getOut().print(text.toString(StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
