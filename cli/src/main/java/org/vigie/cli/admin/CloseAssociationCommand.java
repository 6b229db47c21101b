package org.vigie.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigie.cli.client.ApiOptions;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie admin close-association --association ID --confirm NAME}: an association leaves the
 * federation (its tokens revoked, its volunteers deactivated, its cases erased); prints what was done.
 */
@Command(name = "close-association", mixinStandardHelpOptions = true,
    description = "Ferme une association qui quitte la fédération : jetons révoqués, bénévoles désactivés, dossiers effacés"
        + " (jeton administrateur). / Closes an association leaving the federation: tokens revoked, volunteers"
        + " deactivated, cases erased (admin token).")
public final class CloseAssociationCommand implements Callable<Integer> {
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--association", required = true, description = "Id of the association.")
  java.util.UUID associationId;

  @Option(names = "--confirm", required = true, description = "The association's exact name.")
  String confirm;

  public CloseAssociationCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    var client = api.client(config);
    JsonNode closed = client.post("/api/v1/admin/associations/" + associationId + "/closure",
        client.object().put("confirm", confirm), Map.of());
    spec.commandLine().getOut().println(closed.toPrettyString());
    return 0;
  }
}
