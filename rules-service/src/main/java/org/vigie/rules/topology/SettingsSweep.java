package org.vigie.rules.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.vigie.schemas.AssociationSettings;

/**
 * Re-evaluates an association's cases after its settings changed, a bounded number per tick. The
 * progress store keeps, per association, the settings version this task has applied and a cursor
 * (the last case id re-evaluated), so the work resumes where it stopped, also after a restart. A
 * version of "-" stands for "no settings" (the defaults, after a tombstone).
 */
final class SettingsSweep {
  static final String SEPARATOR = "/";
  private static final String DONE = "\u0000done";
  private static final String DEFAULTS = "-";

  private final ReadOnlyKeyValueStore<String, AssociationSettings> settings;
  private final KeyValueStore<String, String> associationCases;
  private final KeyValueStore<String, String> progress;

  SettingsSweep(ReadOnlyKeyValueStore<String, AssociationSettings> settings,
      KeyValueStore<String, String> associationCases, KeyValueStore<String, String> progress) {
    this.settings = settings;
    this.associationCases = associationCases;
    this.progress = progress;
  }

  static String indexKey(String associationId, String caseId) {
    return associationId + SEPARATOR + caseId;
  }

  /** Re-evaluates up to {@code budget} cases; returns how many it did. */
  int run(int budget, Consumer<String> reevaluate) {
    Map<String, String> versions = new LinkedHashMap<>();
    try (KeyValueIterator<String, AssociationSettings> all = settings.all()) {
      while (all.hasNext()) {
        KeyValue<String, AssociationSettings> entry = all.next();
        versions.put(entry.key, Long.toString(entry.value.getUpdatedAt().toEpochMilli()));
      }
    }
    try (KeyValueIterator<String, String> all = progress.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        versions.putIfAbsent(entry.key, DEFAULTS);
      }
    }
    int done = 0;
    for (Map.Entry<String, String> association : versions.entrySet()) {
      if (done >= budget) {
        break;
      }
      done += sweep(association.getKey(), association.getValue(), budget - done, reevaluate);
    }
    return done;
  }

  private int sweep(String associationId, String version, int budget, Consumer<String> reevaluate) {
    String mark = progress.get(associationId);
    String cursor = "";
    if (mark != null) {
      int bar = mark.indexOf('|');
      if (mark.substring(0, bar).equals(version)) {
        cursor = mark.substring(bar + 1);
        if (cursor.equals(DONE)) {
          return 0;
        }
      }
    }
    String prefix = associationId + SEPARATOR;
    String from = cursor.isEmpty() ? prefix : prefix + cursor + "\u0000";
    List<String> caseIds = new ArrayList<>();
    boolean more;
    try (KeyValueIterator<String, String> range = associationCases.range(from, prefix + "\uffff")) {
      while (range.hasNext() && caseIds.size() < budget) {
        caseIds.add(range.next().value);
      }
      more = range.hasNext();
    }
    caseIds.forEach(reevaluate);
    String last = caseIds.isEmpty() ? cursor : caseIds.get(caseIds.size() - 1);
    progress.put(associationId, version + "|" + (more ? last : DONE));
    return caseIds.size();
  }
}
