package org.vigie.intake.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.vigie.intake.command.WriteBehind;
import org.vigie.intake.command.WriteBehinds;
import org.vigie.intake.copy.CopyRows;
import org.vigie.schemas.CorrectionKind;

/** Cases and their timelines; every read is scoped to an association. */
public final class CaseRepository {
  private static final String COLUMNS = """
      case_id, association_id, permit_kind, permit_expires_on, procedure, department, assigned_volunteer_id,
      employed, receives_benefits, benefit_kinds, status, identity_erased, opened_on, last_event_on""";
  private static final String UPDATE = """
      UPDATE cases SET permit_kind = ?, permit_expires_on = ?, assigned_volunteer_id = ?, employed = ?,
        receives_benefits = ?, benefit_kinds = ?, status = ?, identity_erased = ?, last_event_on = ?,
        procedure = ?, department = ?, opened_on = ?
      WHERE case_id = ? AND association_id = ?""";
  private static final String APPEND_TIMELINE = """
      INSERT INTO case_events (event_id, case_id, association_id, type, occurred_on, recorded_at, recorded_by, source, details,
        corrects_event_id, correction_kind)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?)""";

  private final ObjectMapper mapper;
  private final WriteBehinds writeBehinds;

  public CaseRepository(ObjectMapper mapper) {
    this(mapper, new WriteBehinds());
  }

  /** In a group-commit transaction, updates and timeline entries are queued (see {@link WriteBehind}). */
  public CaseRepository(ObjectMapper mapper, WriteBehinds writeBehinds) {
    this.mapper = mapper;
    this.writeBehinds = writeBehinds;
  }

  /**
   * Locks the cases of these ids (path strings; others are ignored) with one query, in id order,
   * and keeps them in the transaction's WriteBehind for {@link #lock}.
   */
  public void lockAll(Handle h, WriteBehind writeBehind, List<Object> ids) {
    List<UUID> uuids = new ArrayList<>();
    for (Object id : ids) {
      try {
        uuids.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
      } catch (IllegalArgumentException e) {
        // not a case id: nothing to lock
      }
    }
    if (uuids.isEmpty()) {
      return;
    }
    // Plain JDBC: this runs once per group-commit batch and the statement layer's mapping costs more than the query.
    java.sql.Connection connection = h.getConnection();
    try (java.sql.PreparedStatement ps = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM cases WHERE case_id = ANY(?) ORDER BY case_id FOR UPDATE")) {
      ps.setArray(1, connection.createArrayOf("uuid", uuids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CaseRecord c = map(rs);
          writeBehind.locked(c.caseId(), c);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Locking the batch's cases failed: " + e.getSQLState(), e);
    }
  }

  public void insert(Handle h, CaseRecord c) {
    h.createUpdate("INSERT INTO cases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(0, c.caseId()).bind(1, c.associationId()).bind(2, c.permitKind()).bind(3, c.permitExpiresOn())
        .bind(4, c.procedure()).bind(5, c.department()).bind(6, c.assignedVolunteerId()).bind(7, c.employed())
        .bind(8, c.receivesBenefits()).bind(9, c.benefitKinds()).bind(10, c.status()).bind(11, c.identityErased())
        .bind(12, c.openedOn()).bind(13, c.lastEventOn())
        .execute();
  }

  /** Inserts many new cases and their timelines with one COPY per table (CSV import). */
  public void insertAll(Handle h, List<CaseRecord> records, List<TimelineEntry> timeline, List<UUID> timelineCases) {
    CopyRows cases = new CopyRows();
    for (CaseRecord c : records) {
      cases.row(c.caseId(), c.associationId(), c.permitKind(), c.permitExpiresOn(), c.procedure(), c.department(),
          c.assignedVolunteerId(), c.employed(), c.receivesBenefits(), c.benefitKinds(), c.status(), c.identityErased(),
          c.openedOn(), c.lastEventOn());
    }
    cases.into(h, "cases (" + COLUMNS + ")");
    CopyRows events = new CopyRows();
    UUID association = records.isEmpty() ? null : records.get(0).associationId();
    for (int i = 0; i < timeline.size(); i++) {
      TimelineEntry e = timeline.get(i);
      events.row(e.eventId(), timelineCases.get(i), association, e.type(), e.occurredOn(), e.recordedAt(), e.recordedBy(),
          e.source(), e.details());
    }
    events.into(h, "case_events (event_id, case_id, association_id, type, occurred_on, recorded_at, recorded_by, source, details)");
  }

  /** The case of this association, locked for the rest of the transaction (events of a case are serialised). */
  public Optional<CaseRecord> lock(Handle h, UUID associationId, UUID caseId) {
    Optional<WriteBehind> writeBehind = writeBehinds.of(h);
    Optional<CaseRecord> held = writeBehind.flatMap(w -> w.locked(caseId, CaseRecord.class));
    if (held.isPresent()) {
      return held.filter(c -> c.associationId().equals(associationId));
    }
    Optional<CaseRecord> c = h.createQuery("SELECT " + COLUMNS + " FROM cases WHERE association_id = ? AND case_id = ? FOR UPDATE")
        .bind(0, associationId).bind(1, caseId).map((rs, ctx) -> map(rs)).findOne();
    c.ifPresent(found -> writeBehind.ifPresent(w -> w.locked(caseId, found)));
    return c;
  }

  public Optional<CaseRecord> find(Handle h, UUID associationId, UUID caseId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM cases WHERE association_id = ? AND case_id = ?")
        .bind(0, associationId).bind(1, caseId).map((rs, ctx) -> map(rs)).findOne();
  }

  public void update(Handle h, CaseRecord c) {
    Optional<WriteBehind> writeBehind = writeBehinds.of(h);
    if (writeBehind.isPresent()) {
      writeBehind.get().add(UPDATE, c.permitKind(), c.permitExpiresOn(), c.assignedVolunteerId(), c.employed(),
          c.receivesBenefits(), c.benefitKinds(), c.status(), c.identityErased(), c.lastEventOn(), c.procedure(),
          c.department(), c.openedOn(), c.caseId(), c.associationId());
      writeBehind.get().locked(c.caseId(), c);
      return;
    }
    h.createUpdate(UPDATE)
        .bind(0, c.permitKind()).bind(1, c.permitExpiresOn()).bind(2, c.assignedVolunteerId()).bind(3, c.employed())
        .bind(4, c.receivesBenefits()).bind(5, c.benefitKinds()).bind(6, c.status()).bind(7, c.identityErased())
        .bind(8, c.lastEventOn()).bind(9, c.procedure()).bind(10, c.department()).bind(11, c.openedOn())
        .bind(12, c.caseId()).bind(13, c.associationId())
        .execute();
  }

  public void appendTimeline(Handle h, UUID caseId, UUID associationId, TimelineEntry e) {
    UUID corrects = e.correction() == null ? null : e.correction().eventId();
    String kind = e.correction() == null ? null : e.correction().kind().name();
    Optional<WriteBehind> writeBehind = writeBehinds.of(h);
    if (writeBehind.isPresent()) {
      writeBehind.get().add(APPEND_TIMELINE, e.eventId(), caseId, associationId, e.type(), e.occurredOn(),
          Timestamp.from(e.recordedAt()), e.recordedBy(), e.source(), e.details().toString(), corrects, kind);
      writeBehind.get().gathered(Unsent.class, Unsent::new).add(caseId, e);
      return;
    }
    h.createUpdate(APPEND_TIMELINE)
        .bind(0, e.eventId()).bind(1, caseId).bind(2, associationId).bind(3, e.type()).bind(4, e.occurredOn())
        .bind(5, Timestamp.from(e.recordedAt())).bind(6, e.recordedBy()).bind(7, e.source()).bind(8, e.details().toString())
        .bind(9, corrects).bind(10, kind)
        .execute();
  }

  /** The timeline entries a group-commit transaction queued, not in the table until its commit. */
  private static final class Unsent {
    private final Map<UUID, List<TimelineEntry>> byCase = new HashMap<>();

    void add(UUID caseId, TimelineEntry e) {
      byCase.computeIfAbsent(caseId, k -> new ArrayList<>()).add(e);
    }

    List<TimelineEntry> of(UUID caseId) {
      return byCase.getOrDefault(caseId, List.of());
    }
  }

  public List<TimelineEntry> timeline(Handle h, UUID associationId, UUID caseId) {
    return h.createQuery("""
            SELECT event_id, type, occurred_on, recorded_at, recorded_by, source, details::text, corrects_event_id,
              correction_kind
            FROM case_events WHERE association_id = ? AND case_id = ? ORDER BY seq""")
        .bind(0, associationId).bind(1, caseId)
        .map((rs, ctx) -> new TimelineEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, java.time.LocalDate.class),
            rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), readObject(rs.getString(7)),
            rs.getString(9) == null ? null : new EventCorrection(rs.getObject(8, UUID.class), CorrectionKind.valueOf(rs.getString(9)))))
        .list();
  }

  /**
   * The timeline of a case this transaction holds locked, with the entries it recorded so far (a group-commit
   * transaction sends them only at its commit).
   */
  public CaseHistory history(Handle h, UUID associationId, UUID caseId) {
    List<TimelineEntry> entries = new ArrayList<>(timeline(h, associationId, caseId));
    writeBehinds.of(h).ifPresent(w -> entries.addAll(w.gathered(Unsent.class, Unsent::new).of(caseId)));
    return new CaseHistory(entries);
  }

  /** The open cases of an association a volunteer follows (identity not erased), oldest first. */
  public List<UUID> openCasesFollowedBy(Handle h, UUID associationId, UUID volunteerId) {
    return h.createQuery("SELECT case_id FROM cases WHERE association_id = ? AND assigned_volunteer_id = ?"
            + " AND status = 'OPEN' AND NOT identity_erased ORDER BY created_at, case_id")
        .bind(0, associationId).bind(1, volunteerId)
        .mapTo(UUID.class).list();
  }

  public record Page(List<CaseRecord> cases, long total) {}

  public Page list(Handle h, CaseQuery q) {
    StringBuilder where = new StringBuilder(" WHERE association_id = :association");
    switch (q.status()) {
      case "open" -> where.append(" AND status = 'OPEN'");
      case "closed" -> where.append(" AND status = 'CLOSED'");
      default -> { }
    }
    q.assignedVolunteerId().ifPresent(v -> where.append(" AND assigned_volunteer_id = :volunteer"));
    q.department().ifPresent(v -> where.append(" AND department = :department"));
    q.procedure().ifPresent(v -> where.append(" AND procedure = :procedure"));
    q.permitExpiresBefore().ifPresent(v -> where.append(" AND permit_expires_on < :expiresBefore"));
    q.foreignerNumberIndex().ifPresent(v -> where.append(
        " AND case_id IN (SELECT case_id FROM identities WHERE foreigner_number_index = :numberIndex)"));
    long total = bindFilters(h.createQuery("SELECT count(*) FROM cases" + where), q).mapTo(Long.class).one();
    List<CaseRecord> cases = bindFilters(h.createQuery("SELECT " + COLUMNS + " FROM cases" + where
            + " ORDER BY created_at DESC, case_id LIMIT :limit OFFSET :offset"), q)
        .bind("limit", q.limit()).bind("offset", q.offset())
        .map((rs, ctx) -> map(rs)).list();
    return new Page(new ArrayList<>(cases), total);
  }

  private static Query bindFilters(Query query, CaseQuery q) {
    query.bind("association", q.associationId());
    q.assignedVolunteerId().ifPresent(v -> query.bind("volunteer", v));
    q.department().ifPresent(v -> query.bind("department", v));
    q.procedure().ifPresent(v -> query.bind("procedure", v));
    q.permitExpiresBefore().ifPresent(v -> query.bind("expiresBefore", v));
    q.foreignerNumberIndex().ifPresent(v -> query.bind("numberIndex", v));
    return query;
  }

  private ObjectNode readObject(String text) {
    try {
      return (ObjectNode) mapper.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt timeline entry", e);
    }
  }

  private static CaseRecord map(ResultSet rs) throws SQLException {
    return new CaseRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getObject(4, java.time.LocalDate.class), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
        rs.getBoolean(8), rs.getBoolean(9), rs.getString(10), rs.getString(11), rs.getBoolean(12),
        rs.getObject(13, java.time.LocalDate.class), rs.getObject(14, java.time.LocalDate.class));
  }
}
