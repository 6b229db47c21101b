package org.vigie.cli;

import org.vigie.cli.admin.AdminCommand;
import org.vigie.cli.bench.BenchCommand;
import org.vigie.cli.demo.DemoCommand;
import org.vigie.cli.imports.ImportCommand;
import org.vigie.cli.local.LocalCommand;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigie} command: the whole stack on one machine, administration, import, benchmarks. */
@Command(
    name = "vigie",
    mixinStandardHelpOptions = true,
    version = "vigie 0.1.0",
    description = {
      "Vigie détecte les ruptures de droits des personnes étrangères dont le dossier est bloqué sur l'ANEF.",
      "Vigie detects rights ruptures on residence-permit cases stuck in ANEF."
    },
    subcommands = {
      LocalCommand.class,
      AdminCommand.class,
      ImportCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      org.vigie.cli.audit.TimelineCommand.class, org.vigie.cli.audit.ReplayCommand.class, org.vigie.cli.audit.StatsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VigieCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && java.util.Set.of("timeline", "replay", "stats").contains(args[0])) {
      // a one-shot reader of the log: the client's retries on an unreachable broker are noise before its one line
      System.setProperty("VIGIE_KAFKA_LOG_LEVEL", "ERROR");
    }
    System.exit(commandLine(Config.fromEnvironment()).execute(args));
  }

  /** The command line with every subcommand built from the configuration given. */
  public static CommandLine commandLine(Config config) {
    CommandLine cli = new CommandLine(new VigieCommand(), new ConfigFactory(config));
    // `vigie bench intake --url …`: everything after the target belongs to the benchmark.
    cli.getSubcommands().get("bench").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
    cli.registerConverter(java.time.LocalDate.class, UserErrors::date);
    boolean debug = "DEBUG".equalsIgnoreCase(config.get("VIGIE_LOG_LEVEL", ""));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("vigie: " + UserErrors.describe(e));
      if (debug) {
        e.printStackTrace(line.getErr());
      }
      return 1;
    });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
