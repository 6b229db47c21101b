package org.vigie.rules.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.rules.engine.Reconciler;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseEventCheck;
import org.vigie.rules.state.CaseFold;
import org.vigie.schemas.AssociationSettings;
import org.vigie.schemas.CaseAlert;
import org.vigie.schemas.CaseEvent;
import org.vigie.schemas.CaseState;

/**
 * Folds each case event into the case's state, evaluates the rules and emits the alerts that
 * changed. A wall-clock punctuator re-evaluates the cases that are due (their next change day has
 * begun), found by one range scan of the deadline index, then the cases of associations whose
 * settings changed; both within {@link RulesConfig#maxCasesPerTick()}. Every store write happens
 * after validation, so an invalid event sent to the dead-letter queue leaves no partial state.
 */
final class CaseRulesProcessor implements Processor<String, CaseEvent, String, CaseAlert> {
  private static final Logger LOG = LoggerFactory.getLogger(CaseRulesProcessor.class);
  private final RulesConfig config;
  private final CaseFold fold;
  private final Reconciler reconciler;
  private ProcessorContext<String, CaseAlert> context;
  private CaseStateCache cases;
  private KeyValueStore<Bytes, String> deadlines;
  private KeyValueStore<String, String> associationCases;
  private SettingsCache settings;
  private SettingsSweep sweep;

  CaseRulesProcessor(RulesConfig config) {
    this.config = config;
    this.fold = new CaseFold(config.zone());
    this.reconciler = new Reconciler(config.engine(), config.zone());
  }

  @Override
  public void init(ProcessorContext<String, CaseAlert> context) {
    this.context = context;
    // a fresh cache at every init: the store may have been restored or wiped since the last one
    KeyValueStore<String, CaseState> caseStore = context.getStateStore(StoreNames.CASE_STATE);
    this.cases = new CaseStateCache(caseStore, config.cachedCasesPerTask());
    this.deadlines = context.getStateStore(StoreNames.DEADLINE_INDEX);
    this.associationCases = context.getStateStore(StoreNames.ASSOCIATION_CASES);
    boolean hasCases = rebuildIndexes(caseStore);
    ReadOnlyKeyValueStore<String, AssociationSettings> global = context.getStateStore(StoreNames.ASSOCIATION_SETTINGS);
    this.settings = new SettingsCache(config.engine().defaults(), global);
    this.sweep = new SettingsSweep(global, associationCases, context.getStateStore(StoreNames.SETTINGS_PROGRESS),
        config.engine().rulesVersion());
    sweep.started(hasCases);
    context.schedule(config.tickInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> tick());
  }

  /**
   * The deadline index and the association index are derived from the case states (each holds its
   * next due time and its association), kept in memory and not logged: they are rebuilt here, once
   * the task's case states are restored, so they always match the store whatever happened before
   * (crash, restore, revival, move to another instance). The states read warm the object cache.
   * Returns whether the task has any case.
   */
  private boolean rebuildIndexes(KeyValueStore<String, CaseState> caseStore) {
    clear(deadlines);
    clear(associationCases);
    boolean any = false;
    try (KeyValueIterator<String, CaseState> all = caseStore.all()) {
      while (all.hasNext()) {
        any = true;
        CaseState state = all.next().value;
        associationCases.put(SettingsSweep.indexKey(state.getAssociationId(), state.getCaseId()), state.getCaseId());
        if (state.getNextDueAt() != null) {
          deadlines.put(DeadlineKey.of(state.getNextDueAt(), state.getCaseId()), state.getCaseId());
        }
        cases.remember(state);
      }
    }
    return any;
  }

  private static <K> void clear(KeyValueStore<K, String> store) {
    List<K> keys = new ArrayList<>();
    try (KeyValueIterator<K, String> all = store.all()) {
      all.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(store::delete);
  }

  private Instant now() {
    return config.clock() != null ? config.clock().instant() : Instant.ofEpochMilli(context.currentSystemTimeMs());
  }

  @Override
  public void process(Record<String, CaseEvent> record) {
    CaseEvent event = record.value();
    if (event == null) {
      return;
    }
    validate(record.key(), event);
    try {
      CaseState before = cases.get(event.getCaseId());
      Instant now = now();
      RuleSettings rules = settings.forAssociation(before == null ? event.getAssociationId() : before.getAssociationId());
      Reconciler.Before was = reconciler.before(before, event, now, rules); // the fold may change before
      CaseState after = fold.apply(before, event);
      if (before == null) {
        associationCases.put(SettingsSweep.indexKey(after.getAssociationId(), after.getCaseId()), after.getCaseId());
      }
      Long previous = after.getNextDueAt();
      store(after, previous, now, reconciler.reconcileAfterEvent(after, was, now, rules));
    } catch (RuntimeException e) {
      cases.forget(event.getCaseId()); // the cached object may have been changed without being stored
      throw e;
    }
  }

  private static void validate(String key, CaseEvent event) {
    CaseEventCheck.problem(key, event).ifPresent(reason -> {
      throw new InvalidCaseEventException(reason);
    });
  }

  /**
   * Evaluates a case now, emits what changed, stores the state and moves its entry in the deadline index;
   * {@code onClock}: its due time came (no fact changed), else its rules or settings did.
   */
  private void reconcile(CaseState state, Instant now, boolean onClock) {
    Long previous = state.getNextDueAt();
    RuleSettings rules = settings.forAssociation(state.getAssociationId());
    store(state, previous, now, onClock ? reconciler.reconcileOnClock(state, now, rules) : reconciler.reconcile(state, now, rules));
  }

  /**
   * Stores a state just reconciled, moves its entry in the deadline index (from {@code previous},
   * its due time before the reconciliation) and emits its alerts.
   */
  private void store(CaseState state, Long previous, Instant now, List<CaseAlert> emitted) {
    Long due = state.getNextDueAt();
    // stored first: a state the store refuses (too large) leaves the index as it was
    cases.put(state);
    if (!Objects.equals(previous, due)) {
      if (previous != null) {
        deadlines.delete(DeadlineKey.of(previous, state.getCaseId()));
      }
      if (due != null) {
        deadlines.put(DeadlineKey.of(due, state.getCaseId()), state.getCaseId());
      }
    }
    for (CaseAlert alert : emitted) {
      context.forward(new Record<>(state.getCaseId(), alert, now.toEpochMilli()));
    }
  }

  /** One wall-clock tick: the due cases first, then settings changes, within the bound. */
  private void tick() {
    Instant now = now();
    int budget = config.maxCasesPerTick();
    List<Bytes> due = new ArrayList<>();
    try (KeyValueIterator<Bytes, String> range = deadlines.range(DeadlineKey.first(), DeadlineKey.dueBy(now.toEpochMilli()))) {
      while (range.hasNext() && due.size() < budget) {
        due.add(range.next().key);
      }
    }
    for (Bytes key : due) {
      deadlines.delete(key);
      String caseId = DeadlineKey.caseId(key);
      reevaluate(caseId, now, true);
    }
    if (due.size() < budget) {
      sweep.run(budget - due.size(), caseId -> reevaluate(caseId, now, false));
    }
  }

  /**
   * Re-evaluates one case of a tick: {@code due}, its due time came (else a sweep after new rules or settings).
   * A case that fails is logged and skipped, not thrown: the exception would end the tick, and the cases after it (due, or in the settings sweep, which
   * would meet the same case again at every tick) would wait for later ticks, one failing case
   * each. Its state stays as stored; its next event evaluates it again.
   */
  private void reevaluate(String caseId, Instant now, boolean due) {
    try {
      CaseState state = cases.get(caseId);
      if (state != null) {
        if (due) {
          Reconciler.clearDue(state);
        }
        reconcile(state, now, due);
      }
    } catch (RuntimeException e) {
      cases.forget(caseId);
      LOG.error("Case {} could not be re-evaluated at {}: skipped until its next event", caseId, now, e);
    }
  }
}
