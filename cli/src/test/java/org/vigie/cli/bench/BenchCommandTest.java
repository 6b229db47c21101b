package org.vigie.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.cli.VigieCommand;
import org.vigie.platform.config.Config;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void optionsAfterTheTargetArePassedToTheBenchmark() {
    CommandLine cli = VigieCommand.commandLine(Config.empty());
    CommandLine.ParseResult parsed = cli.parseArgs("bench", "intake", "--url", "http://localhost:18080", "--threads", "4");
    BenchCommand bench = parsed.subcommand().commandSpec().commandLine().getCommand();
    assertThat(bench.target).isEqualTo(BenchCommand.Target.intake);
    assertThat(bench.args).containsExactly("--url", "http://localhost:18080", "--threads", "4");
  }
}
