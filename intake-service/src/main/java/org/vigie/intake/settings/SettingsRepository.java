package org.vigie.intake.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.vigie.schemas.RuleId;

/** The association_settings table: one row per association that changed its settings. */
public final class SettingsRepository {
  private static final TypeReference<Map<String, Integer>> THRESHOLDS = new TypeReference<>() {};
  private static final Map<String, RuleId> RULES =
      java.util.Arrays.stream(RuleId.values()).collect(java.util.stream.Collectors.toMap(Enum::name, r -> r));

  /** An association's saved settings. */
  public record Saved(SettingsChange settings, Instant updatedAt, String updatedBy) {}

  private final ObjectMapper mapper;

  public SettingsRepository(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Optional<Saved> find(Handle h, UUID associationId) {
    return h.createQuery("""
            SELECT disabled_rules, thresholds::text, updated_at, updated_by
              FROM association_settings WHERE association_id = ?""")
        .bind(0, associationId)
        .map((rs, ctx) -> new Saved(
            new SettingsChange(ruleIds((String[]) rs.getArray(1).getArray()), thresholds(rs.getString(2))),
            rs.getTimestamp(3).toInstant(), rs.getString(4)))
        .findOne();
  }

  /**
   * Replaces an association's settings; returns the time of the change, which only increases for one
   * association (a change within the same millisecond as the previous one is dated a millisecond later).
   */
  public Instant save(Handle h, UUID associationId, SettingsChange change, Instant now, String by) {
    return h.createQuery("""
            INSERT INTO association_settings (association_id, disabled_rules, thresholds, updated_at, updated_by)
            VALUES (?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (association_id) DO UPDATE SET
              disabled_rules = excluded.disabled_rules,
              thresholds = excluded.thresholds,
              updated_at = GREATEST(excluded.updated_at, association_settings.updated_at + interval '1 millisecond'),
              updated_by = excluded.updated_by
            RETURNING updated_at""")
        .bind(0, associationId)
        .bind(1, change.disabledRules().stream().map(Enum::name).toArray(String[]::new))
        .bind(2, json(change.thresholds()))
        .bind(3, java.sql.Timestamp.from(now.truncatedTo(ChronoUnit.MILLIS)))
        .bind(4, by)
        .map((rs, ctx) -> rs.getTimestamp(1).toInstant())
        .one();
  }

  /** Rule ids a later version no longer has are dropped. */
  private static List<RuleId> ruleIds(String[] names) {
    List<RuleId> out = new ArrayList<>();
    for (String name : names) {
      RuleId id = RULES.get(name);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  private Map<String, Integer> thresholds(String json) {
    try {
      return mapper.readValue(json, THRESHOLDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable thresholds in association_settings", e);
    }
  }

  private String json(Map<String, Integer> thresholds) {
    try {
      return mapper.writeValueAsString(thresholds);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write thresholds", e);
    }
  }
}
