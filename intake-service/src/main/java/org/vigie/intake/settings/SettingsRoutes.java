package org.vigie.intake.settings;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PUT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.auth.Role;
import org.vigie.intake.command.CommandResult;
import org.vigie.intake.directory.AssociationScope;
import org.vigie.intake.http.ApiRoute;
import org.vigie.intake.http.Json;
import org.vigie.intake.http.Writes;
import org.vigie.intake.outbox.Outbox;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.rules.rule.Rule;
import org.vigie.schemas.topics.Topics;

/**
 * An association's rule settings: every member reads them, a coordinator (or the administrator)
 * replaces them. A change is saved and published to {@code vigie.association-settings.v1} together
 * (outbox); the answer comes once Kafka acknowledged it, and the rules-service re-evaluates the
 * association's cases.
 */
public final class SettingsRoutes {
  public static final String PATH = "/api/v1/associations/{associationId}/settings";
  private static final Set<Role> MANAGERS = Set.of(Role.ADMIN, Role.COORDINATOR);
  private static final Set<Role> MEMBERS = Set.of(Role.ADMIN, Role.COORDINATOR, Role.VOLUNTEER);
  private static final String ADMIN = "admin";

  private final Jdbi jdbi;
  private final AssociationScope scope;
  private final SettingsCatalogue catalogue;
  private final SettingsRepository repository;
  private final Outbox outbox;
  private final Writes writes;
  private final Json json;
  private final Clock clock;

  public SettingsRoutes(Jdbi jdbi, AssociationScope scope, SettingsCatalogue catalogue, SettingsRepository repository,
      Outbox outbox, Writes writes, Json json, Clock clock) {
    this.jdbi = jdbi;
    this.scope = scope;
    this.catalogue = catalogue;
    this.repository = repository;
    this.outbox = outbox;
    this.writes = writes;
    this.json = json;
    this.clock = clock;
  }

  public List<ApiRoute> routes() {
    return List.of(
        ApiRoute.of(GET, PATH, MEMBERS, this::get),
        ApiRoute.of(PUT, PATH, MANAGERS, this::replace));
  }

  private void get(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    Optional<SettingsRepository.Saved> saved = jdbi.withHandle(h -> repository.find(h, associationId));
    ctx.json(document(associationId, saved));
  }

  private void replace(Context ctx, Caller caller) {
    UUID associationId = scope.of(ctx, caller);
    byte[] body = ctx.bodyAsBytes();
    SettingsChange change = SettingsChange.parse(json.parseObject(body), catalogue);
    String by = caller.isAdmin() ? ADMIN : caller.recordedBy();
    // One writer for an association's changes: they reach the topic in the order they were saved.
    writes.runInOrder(ctx, "settings/" + associationId, associationId, body, h -> {
      Instant at = repository.save(h, associationId, change, clock.instant(), by);
      OutboxRecord r = outbox.append(h, Topics.ASSOCIATION_SETTINGS, associationId.toString(), change.toRecord(associationId, at));
      String answer = document(associationId, Optional.of(new SettingsRepository.Saved(change, at, by))).toString();
      return new CommandResult(200, answer, List.of(r));
    });
  }


  /** The saved overrides, and every rule with its thresholds (default and value in force) for a form. */
  private ObjectNode document(UUID associationId, Optional<SettingsRepository.Saved> saved) {
    SettingsChange settings = saved.map(SettingsRepository.Saved::settings).orElse(new SettingsChange(List.of(), java.util.Map.of()));
    ObjectNode out = json.object().put("associationId", associationId.toString());
    ArrayNode disabled = out.putArray("disabledRules");
    settings.disabledRules().forEach(r -> disabled.add(r.name()));
    ObjectNode thresholds = out.putObject("thresholds");
    settings.thresholds().forEach(thresholds::put);
    out.put("updatedAt", saved.map(s -> s.updatedAt().toString()).orElse(null));
    out.put("updatedBy", saved.map(SettingsRepository.Saved::updatedBy).orElse(null));
    ArrayNode rules = out.putArray("rules");
    for (Rule rule : catalogue.rules()) {
      ObjectNode r = rules.addObject()
          .put("rule", rule.id().name())
          .put("enabled", !settings.disabledRules().contains(rule.id()))
          .put("reference", rule.reference())
          .put("textVersionDate", rule.textVersionDate().toString());
      ArrayNode ts = r.putArray("thresholds");
      for (SettingsCatalogue.Threshold t : catalogue.thresholds(rule)) {
        ts.addObject().put("key", t.key()).put("name", t.name()).put("default", t.defaultValue())
            .put("value", settings.thresholds().getOrDefault(t.key(), t.defaultValue()))
            .put("min", t.min()).put("max", t.max());
      }
    }
    return out;
  }
}
