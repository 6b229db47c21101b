package org.vigie.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.vigie.cli.client.ApiOptions;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigie admin create-volunteer ...}: prints the volunteer id. */
@Command(name = "create-volunteer", mixinStandardHelpOptions = true,
    description = "Ajoute un·e bénévole à une association. / Adds a volunteer to an association.")
public final class CreateVolunteerCommand implements Callable<Integer> {
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--association", required = true, description = "Association id.")
  java.util.UUID associationId;

  @Option(names = "--name", required = true, description = "Display name of the volunteer.")
  String displayName;

  @Option(names = "--email", required = true, description = "Where alerts are sent.")
  String email;

  @Option(names = "--role", defaultValue = "VOLUNTEER", description = "VOLUNTEER or COORDINATOR (default ${DEFAULT-VALUE}).")
  Role role;

  public CreateVolunteerCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    JsonNode created = api.client(config).createVolunteer(associationId.toString(), displayName, email, role.name());
    spec.commandLine().getOut().println(created.toPrettyString());
    return 0;
  }

  enum Role { VOLUNTEER, COORDINATOR }
}
