package org.vigie.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.security.Roles;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigie.intake.cases.EventType;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;

/** The served OpenAPI description matches the routes the server really has, with their roles. */
class OpenApiTest {
  @Test
  void theDescriptionMatchesTheRealRoutesAndRoles() {
    Api.Response r = TestIntake.api().get("/api/v1/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").asText()).startsWith("3.1");

    Map<String, String> documented = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue().fields().forEachRemaining(op -> documented.put(op.getKey().toUpperCase() + " " + path.getKey(),
          new TreeSet<>(Arrays.asList(op.getValue().get("x-roles").toString().replaceAll("[\\[\\]\"]", "").split(","))).toString()));
      path.getValue().fields().forEachRemaining(op -> assertThat(op.getValue().get("responses").size()).isGreaterThan(1));
    }
    Map<String, String> registered = new TreeMap<>();
    TestIntake.service().app().unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.path.startsWith("/api/v1/") && !e.path.equals(OpenApiDocument.PATH))
        .forEach(e -> registered.put(e.method.name() + " " + e.path,
            e.metadata(Roles.class).getRoles().stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new)).toString()));
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void everyPostableEventTypeIsDescribed() {
    JsonNode oneOf = TestIntake.api().get("/api/v1/openapi.json", null).json().at("/components/schemas/Event/oneOf");
    TreeSet<String> described = new TreeSet<>();
    oneOf.forEach(ref -> described.add(TestIntake.api().get("/api/v1/openapi.json", null).json()
        .at("/components/schemas/" + ref.get("$ref").asText().substring("#/components/schemas/".length()) + "/properties/type/const").asText()));
    TreeSet<String> postable = Arrays.stream(EventType.values()).filter(EventType::postable).map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(described).isEqualTo(postable);
  }
}
