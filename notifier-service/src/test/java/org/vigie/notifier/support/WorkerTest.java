package org.vigie.notifier.support;

import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTest {

  @Test
  void aStepThatThrowsAnErrorRunsAgain() {
    assertRunsAgainAfter(new StackOverflowError("first run"));
  }

  @Test
  void aStepThatThrowsAnExceptionRunsAgain() {
    assertRunsAgainAfter(new IllegalStateException("database down"));
  }

  private static void assertRunsAgainAfter(Throwable failure) {
    AtomicInteger runs = new AtomicInteger();
    try (Worker worker = new Worker("test-worker", 50, () -> {
      if (runs.incrementAndGet() == 1) {
        if (failure instanceof Error error) {
          throw error;
        }
        throw (Exception) failure;
      }
      return false;
    }).start()) {
      await().atMost(10, TimeUnit.SECONDS).until(() -> runs.get() >= 3);
    }
  }
}
