package org.vigie.cli.audit;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.vigie.audit.replay.ReplayOptions;
import org.vigie.audit.replay.ReplayPrinter;
import org.vigie.audit.replay.ReplayReport;
import org.vigie.audit.replay.Replayer;
import org.vigie.platform.config.Config;
import org.vigie.rules.engine.RuleEngine;
import org.vigie.rules.rule.RuleSets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie replay}: re-derives the alerts from the event log with the current rules (or a named
 * earlier set, {@code --rules-version}) and a
 * simulated clock, prints them, and the differences with the alerts topic. Exit code 3 when the
 * replay and the live alerts differ.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Rejoue le journal des événements avec les règles. / Replays the event log through the rules.",
        "Prints the alerts the rules derive and, unless --no-compare, the differences with vigie.case-alerts.v1."})
public final class ReplayCommand implements Callable<Integer> {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  /** Exit code when the replay differs from the live alerts. */
  static final int DIFFERS = 3;

  private final Config config;
  @Mixin KafkaOptions kafka;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--association", paramLabel = "ID", description = "One association (default: all).")
  String association;

  @Option(names = "--from", paramLabel = "DATE", description = "Read from this day (Paris time, yyyy-MM-dd); default: the beginning.")
  LocalDate from;

  @Option(names = "--no-compare", description = "Do not compare with vigie.case-alerts.v1.")
  boolean noCompare;

  @Option(names = "--rules-version", paramLabel = "NAME", defaultValue = RuleSets.CURRENT,
      description = "Replay with this named rule set (default ${DEFAULT-VALUE}, the current one; known: ${COMPLETION-CANDIDATES}).",
      completionCandidates = RuleVersions.class)
  String rulesVersion;

  @Option(names = "--threads", defaultValue = "1", description = "Partitions replayed at once (default ${DEFAULT-VALUE}); same output.")
  int threads;

  public ReplayCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws Exception {
    org.vigie.cli.UserErrors.atLeast(spec, "--threads", threads, 1);
    RuleEngine engine;
    try {
      engine = RuleEngine.named(rulesVersion);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Version de règles inconnue / " + e.getMessage());
    }
    return kafka.run(spec, config, () -> execute(engine));
  }

  /** The rule set names, for the help text. */
  static final class RuleVersions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return RuleSets.names().iterator();
    }
  }

  private Integer execute(RuleEngine engine) {
    ReplayOptions o = ReplayOptions.all(Instant.now());
    if (association != null) {
      o = o.forAssociation(association);
    }
    if (from != null) {
      o = o.fromDay(from, PARIS);
    }
    if (noCompare) {
      o = o.withoutComparison();
    }
    PrintWriter err = spec.commandLine().getErr();
    ReplayPrinter printer = new ReplayPrinter(spec.commandLine().getOut(), err::println);
    ReplayReport r = new Replayer(kafka.settings(config), engine, PARIS, Math.max(1, threads))
        .replay(o, printer);
    printer.summary(r);
    return noCompare || r.matchesLive() ? 0 : DIFFERS;
  }
}
