package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.topics.Topics;

/**
 * Thousands of random and mutated bodies (seeded, reproducible): never a 5xx, always a problem
 * document when rejected, and exactly one event on Kafka per accepted request, none for the rest.
 */
class FuzzTest {
  private static final long SEED = 20261126L;
  private static final int REQUESTS = 3000;
  private static final String[] VALID_EVENTS = {
      "{\"type\":\"SUBMISSION_RECORDED\",\"occurredOn\":\"2026-09-01\",\"procedure\":\"RENEWAL\"}",
      "{\"type\":\"API_ISSUED\",\"occurredOn\":\"2026-09-20\",\"validUntil\":\"2026-12-20\"}",
      "{\"type\":\"BLOCKAGE_REPORTED\",\"occurredOn\":\"2026-09-01\",\"blockage\":\"ACCOUNT_LOCKED\",\"note\":\"n\"}",
      "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"2026-09-01\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\",\"waitMinutes\":30}",
      "{\"type\":\"DECISION_RECEIVED\",\"occurredOn\":\"2026-09-01\",\"decision\":\"GRANTED\",\"newPermitExpiresOn\":\"2028-09-01\"}",
      "{\"type\":\"SITUATION_UPDATED\",\"occurredOn\":\"2026-09-01\",\"employed\":false}",
      "{\"type\":\"API_EXPIRY_RECORDED\",\"occurredOn\":\"2026-09-01\"}",
      TestIntake.RENEWAL_CASE};
  private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-1", "\"\"",
      "\"type\"", "\"occurredOn\"", "\"2026-02-30\"", "\"API_ISSUED\"", "\\u0000", "\"\\ud800\"", "{\"a\":", "9999999999999999999"};

  @Test
  void randomBodiesNeverCause5xxNorStrayEvents() {
    Api api = TestIntake.api();
    TestIntake.Association a = TestIntake.newAssociation(api);
    String caseId = TestIntake.newCase(api, a.token());
    Random random = new Random(SEED);
    int accepted = 0;
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String body = body(random);
      boolean toCases = random.nextInt(4) == 0;
      Api.Response r = toCases ? api.post("/api/v1/cases", a.token(), body)
          : api.post("/api/v1/cases/" + caseId + "/events", a.token(), body);
      if (r.status() >= 500) {
        failures.add(r.status() + " for " + body);
      } else if (r.status() == 201 || r.status() == 202) {
        accepted++;
        if (toCases) {
          failures.add("a case was opened by a fuzzed body (count its events too): " + body);
        }
      } else if (!r.contentType().startsWith("application/problem+json") || r.status() >= 300 && r.status() != 400
          && r.status() != 404 && r.status() != 422) {
        failures.add("unexpected " + r + " for " + body);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(accepted).as("some mutated bodies stay valid").isPositive().isLessThan(REQUESTS / 2);
    int events = TopicReader.readAll(Topics.CASE_EVENTS, r -> r.value().getAssociationId().equals(a.id())).size();
    assertThat(events).isEqualTo(1 + accepted);
  }

  private static String body(Random random) {
    String base = VALID_EVENTS[random.nextInt(VALID_EVENTS.length - 1)];
    return switch (random.nextInt(6)) {
      case 0 -> randomTokens(random);
      case 1 -> randomBytes(random);
      case 2 -> base.substring(0, random.nextInt(base.length()));
      case 3 -> mutate(base, random);
      case 4 -> base.replace("2026-09", "20" + (10 + random.nextInt(30)) + "-" + String.format("%02d", random.nextInt(14)));
      default -> random.nextInt(10) == 0 ? TestIntake.RENEWAL_CASE.replace("RENEWAL", "RENEWAL_X") : base.replaceFirst("\"[A-Z_]+\"",
          "\"" + randomWord(random) + "\"");
    };
  }

  private static String mutate(String base, Random random) {
    StringBuilder b = new StringBuilder(base);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        default -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
      }
    }
    return b.toString();
  }

  private static String randomTokens(Random random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return b.toString();
  }

  private static String randomBytes(Random random) {
    char[] c = new char[random.nextInt(64)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) random.nextInt(0x3000);
    }
    return new String(c);
  }

  private static String randomWord(Random random) {
    String[] words = {"X", "API", "RENEWAL", "PHONE", "", "null", "CASE_CLOSED", "GRANTED", "type"};
    return words[random.nextInt(words.length)];
  }
}
