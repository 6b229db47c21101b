package org.vigie.cli.imports;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "CSV import (pending).")
public final class ImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 1;
  }
}
