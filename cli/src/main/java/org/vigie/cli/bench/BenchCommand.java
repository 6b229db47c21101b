package org.vigie.cli.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vigie bench rules|intake|notifier [args...]}: runs a service's own benchmark (its
 * {@code <Service>Bench.main}), which owns its options and report. The benchmarks are looked up by
 * name so that the command line builds whether or not a service ships one yet.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Mesures de performance d'un service. / Runs a service's benchmark (rules, intake, notifier, replay).")
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", description = "rules, intake, notifier or replay")
  Target target;

  @Parameters(index = "1..*", arity = "0..*", description = "Arguments passed to the benchmark.")
  List<String> args = List.of();

  @Override
  public Integer call() throws Exception {
    Method main;
    try {
      main = Class.forName(target.mainClass).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      spec.commandLine().getErr().println("No benchmark for " + target.name().toLowerCase()
          + " in this build (" + target.mainClass + " is missing).");
      return 2;
    }
    try {
      main.invoke(null, (Object) args.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return 0;
  }

  /** The benchmarks, by the name given on the command line. */
  public enum Target {
    rules("org.vigie.rules.bench.RulesBench"),
    intake("org.vigie.intake.bench.IntakeBench"),
    notifier("org.vigie.notifier.bench.NotifierBench"),
    replay("org.vigie.audit.bench.ReplayBench");

    final String mainClass;

    Target(String mainClass) {
      this.mainClass = mainClass;
    }
  }
}
