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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.schemas.AssociationSettings;

/**
 * Re-evaluates cases whose rules changed, a bounded number per tick: every case of the task once
 * the rules themselves changed (a new rule set, after an upgrade: a case is otherwise evaluated
 * again only at its next event or due day, computed by the former rules), then an association's
 * cases after its settings changed. The progress store keeps, for the rules and per association, the
 * version this task has applied and a cursor (the last entry re-evaluated), so the work resumes where
 * it stopped, also after a restart. A settings version of "-" stands for "no settings" (the defaults,
 * after a tombstone).
 */
final class SettingsSweep {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsSweep.class);
  static final String SEPARATOR = "/";
  /** The progress entry of the rules' own sweep; association ids never start with this character. */
  static final String RULES = "\u0000rules";
  private static final String DONE = "\u0000done";
  private static final String DEFAULTS = "-";

  private final ReadOnlyKeyValueStore<String, AssociationSettings> settings;
  private final KeyValueStore<String, String> associationCases;
  private final KeyValueStore<String, String> progress;
  private final String rulesVersion;

  /** @param rulesVersion names the rules in force (each rule's id and version): a change sweeps every case */
  SettingsSweep(ReadOnlyKeyValueStore<String, AssociationSettings> settings,
      KeyValueStore<String, String> associationCases, KeyValueStore<String, String> progress, String rulesVersion) {
    this.settings = settings;
    this.associationCases = associationCases;
    this.progress = progress;
    this.rulesVersion = rulesVersion;
  }

  static String indexKey(String associationId, String caseId) {
    return associationId + SEPARATOR + caseId;
  }

  /**
   * At a task's start, once its states are restored: a task with no case has nothing evaluated by former
   * rules, so its rules are recorded as applied; one with cases and no record was run by a release that
   * did not record its rules, and its cases are swept.
   */
  void started(boolean hasCases) {
    if (!hasCases && progress.get(RULES) == null) {
      progress.put(RULES, rulesVersion + "|" + DONE);
    }
  }

  /** Re-evaluates up to {@code budget} cases; returns how many it did. */
  int run(int budget, Consumer<String> reevaluate) {
    int done = sweep(RULES, rulesVersion, "", budget, reevaluate);
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
        if (!entry.key.equals(RULES)) {
          versions.putIfAbsent(entry.key, DEFAULTS);
        }
      }
    }
    for (Map.Entry<String, String> association : versions.entrySet()) {
      if (done >= budget) {
        break;
      }
      done += sweep(association.getKey(), association.getValue(), association.getKey() + SEPARATOR, budget - done,
          reevaluate);
    }
    return done;
  }

  /**
   * Re-evaluates, from where the progress entry {@code mark} left it at this version, up to {@code budget}
   * cases of the association index whose keys start with {@code prefix} (every case for "").
   */
  private int sweep(String markKey, String version, String prefix, int budget, Consumer<String> reevaluate) {
    if (budget <= 0) {
      return 0;
    }
    String mark = progress.get(markKey);
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
    // the cursor is the last index key swept, without the prefix
    String from = cursor.isEmpty() ? prefix : prefix + cursor + "\u0000";
    List<String> keys = new ArrayList<>();
    List<String> caseIds = new ArrayList<>();
    boolean more;
    try (KeyValueIterator<String, String> range = associationCases.range(from, prefix + "\uffff")) {
      while (range.hasNext() && caseIds.size() < budget) {
        KeyValue<String, String> entry = range.next();
        keys.add(entry.key);
        caseIds.add(entry.value);
      }
      more = range.hasNext();
    }
    if (markKey.equals(RULES) && cursor.isEmpty() && !caseIds.isEmpty()) {
      LOG.info("The rules changed since this task's cases were last evaluated ({}): evaluating every case again, {} per "
          + "tick at most", mark == null ? "evaluated by a release that did not record its rules" : "now " + changes(mark, version), budget);
    }
    caseIds.forEach(reevaluate);
    String last = keys.isEmpty() ? cursor : keys.get(keys.size() - 1).substring(prefix.length());
    progress.put(markKey, version + "|" + (more ? last : DONE));
    if (markKey.equals(RULES) && !more && !(cursor.isEmpty() && caseIds.isEmpty())) {
      LOG.info("Every case of this task is evaluated with the current rules");
    }
    return caseIds.size();
  }

  /** The rules of {@code version} that the progress {@code mark} ("version|cursor") did not have. */
  private static String changes(String mark, String version) {
    List<String> former = List.of(mark.substring(0, mark.indexOf('|')).split(","));
    List<String> now = new ArrayList<>();
    for (String rule : version.split(",")) {
      if (!former.contains(rule)) {
        now.add(rule);
      }
    }
    return String.join(", ", now);
  }
}
