package org.vigie.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.vigie.cli.client.ApiOptions;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigie admin create-association --name ...}: prints the association id and its token. */
@Command(name = "create-association", mixinStandardHelpOptions = true,
    description = "Crée une association (jeton administrateur). / Creates an association (admin token).")
public final class CreateAssociationCommand implements Callable<Integer> {
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", required = true, description = "Name of the association.")
  String name;

  public CreateAssociationCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    JsonNode created = api.client(config).createAssociation(name);
    spec.commandLine().getOut().println(created.toPrettyString());
    return 0;
  }
}
