package org.vigie.cli.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One situation of DOMAIN.md told as API calls: how the case is opened, what happened since, and
 * the rule Vigie should raise ({@code expectedStatus} null: an alert of that rule, open or not; {@code RAISED}:
 * open), or should have raised and resolved ({@code RESOLVED}), and what its French message should say ({@code
 * expectedText}, null: anything). Dates are relative to today so the story always reads the same.
 */
public record Scenario(String titleFr, String titleEn, String expectedRule, String expectedStatus, String expectedText,
    ObjectNode opening, List<Step> events) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** An event's request; {@code correctsPrevious}: it replaces the event before it (the correction endpoint). */
  public record Step(ObjectNode body, boolean correctsPrevious) {}

  /** Starts a scenario on a case whose permit of kind {@code kind} expires on {@code expiresOn}. */
  static Builder of(String titleFr, String titleEn, String expectedRule, LocalDate expiresOn) {
    return new Builder(titleFr, titleEn, expectedRule, expiresOn);
  }

  static final class Builder {
    private final String titleFr;
    private final String titleEn;
    private final String expectedRule;
    private String expectedStatus;
    private String expectedText;
    private final ObjectNode opening = JSON.objectNode();
    private final List<Step> events = new ArrayList<>();

    private Builder(String titleFr, String titleEn, String expectedRule, LocalDate expiresOn) {
      this.titleFr = titleFr;
      this.titleEn = titleEn;
      this.expectedRule = expectedRule;
      opening.putObject("permit").put("kind", "CARTE_TEMPORAIRE").put("expiresOn", expiresOn.toString());
      opening.put("procedure", "RENEWAL").put("department", "93").put("employed", false).put("receivesBenefits", false);
    }

    /** The expected alert is open at the end of the story (another alert of its rule, resolved, does not count). */
    Builder raised() {
      expectedStatus = "RAISED";
      return this;
    }

    /** The expected alert's French message says {@code words}. */
    Builder saying(String words) {
      expectedText = words;
      return this;
    }

    /** The expected alert is resolved by the story's last events. */
    Builder resolved() {
      expectedStatus = "RESOLVED";
      return this;
    }

    Builder employed() {
      opening.put("employed", true);
      return this;
    }

    Builder receivesBenefits() {
      opening.put("receivesBenefits", true);
      return this;
    }

    /** An event of the contract's {@code type} on a date, with its fields as name/value pairs. */
    Builder event(String type, LocalDate occurredOn, String... fields) {
      events.add(new Step(body(type, occurredOn, fields), false));
      return this;
    }

    /**
     * The event just added was recorded in error: it is replaced by this one (same type), through
     * the correction endpoint.
     */
    Builder correctedAs(LocalDate occurredOn, String... fields) {
      ObjectNode wrong = events.get(events.size() - 1).body();
      events.add(new Step(body(wrong.get("type").asText(), occurredOn, fields), true));
      return this;
    }

    private static ObjectNode body(String type, LocalDate occurredOn, String... fields) {
      ObjectNode e = JSON.objectNode().put("type", type).put("occurredOn", occurredOn.toString());
      for (int i = 0; i + 1 < fields.length; i += 2) {
        String value = fields[i + 1];
        if (value.matches("-?\\d+")) {
          e.put(fields[i], Integer.parseInt(value));
        } else if (value.equals("true") || value.equals("false")) {
          e.put(fields[i], Boolean.parseBoolean(value));
        } else {
          e.put(fields[i], value);
        }
      }
      return e;
    }

    Scenario build() {
      return new Scenario(titleFr, titleEn, expectedRule, expectedStatus, expectedText, opening, List.copyOf(events));
    }
  }
}
