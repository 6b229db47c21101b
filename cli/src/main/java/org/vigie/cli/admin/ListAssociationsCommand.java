package org.vigie.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vigie.cli.client.ApiOptions;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie admin list-associations [--json]}: the deployment's associations with their ids, for
 * the federation's administrator, who manages their volunteers and tokens by id.
 */
@Command(name = "list-associations", mixinStandardHelpOptions = true,
    description = "Liste les associations (jeton administrateur). / Lists the associations (admin token).")
public final class ListAssociationsCommand implements Callable<Integer> {
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "The API's JSON instead of a table.")
  boolean asJson;

  public ListAssociationsCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() {
    JsonNode list = api.client(config).get("/api/v1/admin/associations");
    PrintWriter out = spec.commandLine().getOut();
    if (asJson) {
      out.println(list.toPrettyString());
      return 0;
    }
    out.printf("%-36s  %-13s  %9s  %12s  %14s  %14s  %14s  %s%n", "association", "créée/created", "bénévoles", "coordination",
        "dossiers/cases", "alertes/alerts", "en attente/new", "nom/name");
    for (JsonNode a : list.get("associations")) {
      out.printf("%-36s  %-13s  %9d  %12d  %14d  %14d  %14d  %s%n", a.get("associationId").asText(),
          a.get("createdAt").asText().substring(0, 10), a.get("activeVolunteers").asInt(), a.get("activeCoordinators").asInt(),
          a.get("openCases").asInt(), a.get("openAlerts").asInt(), a.get("openAlertsNotTakenInHand").asInt(), a.get("name").asText()
              + (a.path("closedAt").isTextual() ? " (fermée le / closed on " + a.get("closedAt").asText().substring(0, 10) + ")" : ""));
    }
    return 0;
  }
}
