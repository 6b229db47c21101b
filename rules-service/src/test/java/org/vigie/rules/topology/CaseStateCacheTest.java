package org.vigie.rules.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.CaseState;

class CaseStateCacheTest {
  private KeyValueStore<String, CaseState> store;

  @BeforeEach
  void store() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("cases"), Serdes.String(), new CaseStateSerde())
        .withLoggingDisabled().build();
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
  }

  private static CaseState state(String id) {
    return new CaseFold().initial(id, "asso-1");
  }

  @Test
  void writesGoThroughToTheStoreAndReadsReturnTheCachedObject() {
    CaseStateCache cache = new CaseStateCache(store, 10);
    CaseState a = state("a");
    cache.put(a);
    assertThat(store.get("a")).isEqualTo(a).isNotSameAs(a);
    assertThat(cache.get("a")).isSameAs(a);
    assertThat(cache.get("missing")).isNull();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aMissReadsTheStoreAndTheLeastRecentlyUsedStateLeavesFirst() {
    CaseStateCache cache = new CaseStateCache(store, 2);
    cache.put(state("a"));
    cache.put(state("b"));
    cache.get("a");
    cache.put(state("c"));
    assertThat(cache.size()).isEqualTo(2);
    CaseState stored = state("b");
    stored.put("department", "75");
    store.put("b", stored);
    assertThat(cache.get("b").getDepartment()).as("b was evicted, so read from the store").isEqualTo("75");
  }

  @Test
  void aForgottenCaseIsReadAgainFromTheStore() {
    CaseStateCache cache = new CaseStateCache(store, 10);
    cache.put(state("a"));
    cache.get("a").put("department", "changed without being stored");
    cache.forget("a");
    assertThat(cache.get("a").getDepartment()).isNull();
  }

  @Test
  void aZeroCapacityCacheKeepsNothing() {
    CaseStateCache cache = new CaseStateCache(store, 0);
    CaseState a = state("a");
    cache.put(a);
    assertThat(cache.size()).isZero();
    assertThat(cache.get("a")).isEqualTo(a).isNotSameAs(a);
  }
}
