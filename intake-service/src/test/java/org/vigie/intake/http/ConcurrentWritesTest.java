package org.vigie.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vigie.intake.support.Api;
import org.vigie.intake.support.TestIntake;
import org.vigie.intake.support.TopicReader;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.topics.Topics;

/**
 * Many requests at once go through group commit together: every accepted event is committed and on
 * Kafka exactly once, and the requests that fail (closed case, malformed body, Idempotency-Key
 * reused with another body) fail alone, with their problem, without failing their batch.
 */
class ConcurrentWritesTest {
  private static final String EVENT = "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"2026-11-02\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}";
  private final Api api = TestIntake.api();

  private Api.Response postEvent(String token, String caseId, String body, String key) {
    Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
        : Map.of("Content-Type", "application/json", "Idempotency-Key", key);
    return api.send("POST", "/api/v1/cases/" + caseId + "/events", token, body, headers);
  }

  @Test
  void concurrentEventsAreAllCommittedAndPublishedOnceAndFailuresStayAlone() throws Exception {
    TestIntake.Association a = TestIntake.newAssociation(api);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cases.add(TestIntake.newCase(api, a.token()));
    }
    String closed = TestIntake.newCase(api, a.token());
    assertThat(postEvent(a.token(), closed, "{\"type\":\"CASE_CLOSED\",\"occurredOn\":\"" + java.time.LocalDate.now(org.vigie.intake.IntakeService.ZONE) + "\"}", null).status()).isEqualTo(202);
    String sharedKey = UUID.randomUUID().toString();

    int threads = 16;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<List<Api.Response>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(pool.submit((Callable<List<Api.Response>>) () -> {
        List<Api.Response> answers = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          answers.add(postEvent(a.token(), cases.get((thread + i) % cases.size()), EVENT, null));
        }
        return answers;
      }));
    }
    List<Future<Api.Response>> closedAnswers = new ArrayList<>();
    List<Future<Api.Response>> malformed = new ArrayList<>();
    List<Future<Api.Response>> sameKey = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      closedAnswers.add(pool.submit(() -> postEvent(a.token(), closed, EVENT, null)));
      malformed.add(pool.submit(() -> postEvent(a.token(), cases.get(0), "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"2026-11-02\"}", null)));
      sameKey.add(pool.submit(() -> postEvent(a.token(), cases.get(1), EVENT, sharedKey)));
    }
    List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    for (Future<List<Api.Response>> f : futures) {
      for (Api.Response r : f.get(120, TimeUnit.SECONDS)) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        accepted.add(r.text("eventId"));
      }
    }
    for (Future<Api.Response> f : closedAnswers) {
      Api.Response r = f.get(120, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("field").asText()).isEqualTo("caseId");
    }
    for (Future<Api.Response> f : malformed) {
      Api.Response r = f.get(120, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("field").asText()).isEqualTo("channel");
    }
    Set<String> keyAnswers = new HashSet<>();
    String keyedEvent = null;
    for (Future<Api.Response> f : sameKey) {
      Api.Response r = f.get(120, TimeUnit.SECONDS);
      assertThat(r.status()).as(r.toString()).isEqualTo(202);
      keyAnswers.add(r.body());
      keyedEvent = r.text("eventId");
    }
    assertThat(keyAnswers).as("one answer for one Idempotency-Key").hasSize(1);
    Api.Response reused = postEvent(a.token(), cases.get(1), EVENT.replace("2026-11-02", "2026-11-03"), sharedKey);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.json().get("field").asText()).isEqualTo("Idempotency-Key");
    pool.shutdown();

    assertThat(accepted).hasSize(threads * perThread).doesNotHaveDuplicates();
    Set<String> caseIds = new HashSet<>(cases);
    caseIds.add(closed);
    List<ConsumerRecord<String, CaseEvent>> onKafka = TopicReader.readAll(Topics.CASE_EVENTS, r -> caseIds.contains(r.key()));
    List<String> published = onKafka.stream().map(r -> r.value().getEventId()).toList();
    assertThat(published).doesNotHaveDuplicates();
    // opened 5 cases + the closing event + the accepted events + the one keyed event
    assertThat(published).hasSize(5 + 1 + accepted.size() + 1).containsAll(accepted).contains(keyedEvent);

    int timeline = 0;
    for (String c : cases) {
      timeline += api.get("/api/v1/cases/" + c, a.token()).json().get("timeline").size();
    }
    assertThat(timeline).as("committed timeline entries").isEqualTo(cases.size() + accepted.size() + 1);
  }
}
