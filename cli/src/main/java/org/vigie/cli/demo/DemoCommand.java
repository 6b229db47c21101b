package org.vigie.cli.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Demo (pending).")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 1;
  }
}
