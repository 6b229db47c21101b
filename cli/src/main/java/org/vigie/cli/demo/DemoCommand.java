package org.vigie.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.vigie.cli.client.ApiOptions;
import org.vigie.cli.client.IntakeClient;
import org.vigie.platform.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigie demo}: creates a demo association and volunteer on a running Vigie, replays the
 * scenarios of {@link DemoScenarios} through the API and shows the alerts the rules raised.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Rejoue des situations types sur un Vigie qui tourne (vigie local). / "
        + "Replays typical situations on a running Vigie (vigie local)."})
public final class DemoCommand implements Callable<Integer> {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final Config config;
  @Mixin ApiOptions api;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--email", defaultValue = "benevole.demo@vigie.local",
      description = "Email of the demo volunteer (default ${DEFAULT-VALUE}).")
  String email;

  @Option(names = "--wait", defaultValue = "60", description = "Seconds to wait for the alerts (default ${DEFAULT-VALUE}).")
  int waitSeconds;

  public DemoCommand(Config config) {
    this.config = config;
  }

  @Override
  public Integer call() throws InterruptedException {
    org.vigie.cli.UserErrors.atLeast(spec, "--wait", waitSeconds, 0);
    PrintWriter out = spec.commandLine().getOut();
    Replayed replayed = replay(api.client(config), LocalDate.now(Clock.system(PARIS)), out);
    int missing = report(replayed, Duration.ofSeconds(waitSeconds), out);
    return missing == 0 ? 0 : 4;
  }

  /** The demo association's client (coordinator token) and its cases: caseId → scenario. */
  record Replayed(IntakeClient coordinator, Map<String, Scenario> cases) {}

  /** Creates the association, volunteer and one case per scenario. */
  Replayed replay(IntakeClient admin, LocalDate today, PrintWriter out) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String name = "Démo Vigie " + suffix;
    JsonNode association = admin.createAssociation(name);
    IntakeClient coordinator = admin.withToken(association.get("token").asText());
    String associationId = association.get("associationId").asText();
    String volunteerId;
    try {
      volunteerId = coordinator.createVolunteer(associationId, "Bénévole démo", email, "VOLUNTEER").get("volunteerId").asText();
    } catch (RuntimeException e) {
      // the volunteer refused (an --email intake does not take, say): the empty association goes too
      admin.post("/api/v1/admin/associations/" + associationId + "/closure", admin.object().put("confirm", name), Map.of());
      throw e;
    }
    out.printf("Association %s (jeton/token %s), bénévole/volunteer %s%n%n",
        associationId, association.get("token").asText(), volunteerId);
    Map<String, Scenario> cases = new LinkedHashMap<>();
    for (Scenario s : DemoScenarios.all(today)) {
      JsonNode opening = s.opening().deepCopy();
      ((ObjectNode) opening).put("assignedVolunteerId", volunteerId);
      String caseId = coordinator.openCase(opening).get("caseId").asText();
      String previous = null;
      for (Scenario.Step step : s.events()) {
        JsonNode recorded = step.correctsPrevious() ? coordinator.correctEvent(caseId, previous, step.body())
            : coordinator.recordEvent(caseId, step.body());
        previous = recorded.get("eventId").asText();
      }
      cases.put(caseId, s);
      out.printf("• %s%n  %s%n  dossier/case %s%n", s.titleFr(), s.titleEn(), caseId);
    }
    out.flush();
    return new Replayed(coordinator, cases);
  }

  /** Waits for each expected rule, prints the alerts of each case; returns how many never came. */
  int report(Replayed replayed, Duration wait, PrintWriter out) throws InterruptedException {
    IntakeClient coordinator = replayed.coordinator();
    Map<String, Scenario> cases = replayed.cases();
    long deadline = System.nanoTime() + wait.toNanos();
    Map<String, JsonNode> seen = new LinkedHashMap<>();
    while (true) {
      cases.forEach((caseId, s) -> seen.put(caseId, coordinator.getCase(caseId).path("alerts")));
      boolean all = cases.entrySet().stream().allMatch(e -> expected(seen.get(e.getKey()), e.getValue()));
      if (all || System.nanoTime() > deadline) {
        break;
      }
      TimeUnit.SECONDS.sleep(1);
    }
    out.println();
    int missing = 0;
    for (Map.Entry<String, Scenario> e : cases.entrySet()) {
      Scenario s = e.getValue();
      boolean found = expected(seen.get(e.getKey()), s);
      missing += found ? 0 : 1;
      out.printf("%s %s — attendu/expected %s%s%n", found ? "✔" : "✘", s.titleFr(), s.expectedRule(),
          (s.expectedStatus() == null ? "" : " " + s.expectedStatus())
              + (s.expectedText() == null ? "" : " « " + s.expectedText() + " »"));
      for (JsonNode a : seen.get(e.getKey())) {
        out.printf("    %-28s %-8s %-8s %s%n", a.path("rule").asText(), a.path("severity").asText(),
            a.path("status").asText(), firstLine(a.path("message").path("fr").asText()));
      }
    }
    out.println();
    out.println("Courriels envoyés / mails sent: http://localhost:"
        + config.getInt(org.vigie.cli.local.LocalNames.VIGIE_MAILBOX_PORT, org.vigie.cli.local.LocalNames.DEFAULT_MAILBOX_PORT)
        + " (vigie local)");
    return missing;
  }

  /** The case's alerts hold the scenario's rule, in its expected status and saying its words when it names them. */
  private static boolean expected(JsonNode alerts, Scenario s) {
    for (JsonNode a : alerts) {
      if (s.expectedRule().equals(a.path("rule").asText())
          && (s.expectedStatus() == null || s.expectedStatus().equals(a.path("status").asText()))
          && (s.expectedText() == null || a.path("message").path("fr").asText().contains(s.expectedText()))) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 100 ? line.substring(0, 99) + "…" : line;
  }
}
