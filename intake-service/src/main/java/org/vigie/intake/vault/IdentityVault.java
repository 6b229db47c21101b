package org.vigie.intake.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.vigie.intake.copy.CopyRows;

/**
 * Person identities and free-text notes, encrypted with AES-GCM under a random data key per case;
 * the data key is stored wrapped (AES-GCM) by the master key. A case gets its key with the first
 * secret it must protect (its identity, or a note): a case without either has nothing to encrypt,
 * and no key. Erasing a case deletes its data key (crypto-shredding) and its ciphertexts: nothing
 * left can be decrypted, by anyone.
 */
public final class IdentityVault {
  private final MasterKeys master;
  private final ForeignerNumberIndex numbers;
  private final PersonNameIndex names;
  private final Aead aead = new Aead();
  private final ObjectMapper mapper = new ObjectMapper();

  public IdentityVault(MasterKeys master, ForeignerNumberIndex numbers, PersonNameIndex names) {
    this.master = master;
    this.numbers = numbers;
    this.names = names;
  }

  /**
   * An open case found by its person's name hash, and whether its person has a foreigner number: two people
   * of the same name with different numbers are two people, so a name match counts only when one of the two
   * has no number.
   */
  public record NameMatch(UUID caseId, boolean hasNumber) {
    /** Whether this case may be the person of another case of the same name, which has a number or not. */
    public boolean maybeSamePersonAs(boolean otherHasNumber) {
      return !hasNumber || !otherHasNumber;
    }

    /**
     * Among the open cases of a name, those that may be the person of case {@code self} (null for a case not
     * opened yet), which has a number or not, leaving out those already found by number.
     */
    public static List<UUID> samePerson(List<NameMatch> matches, boolean selfHasNumber, UUID self, List<UUID> byNumber) {
      return matches.stream()
          .filter(m -> m.maybeSamePersonAs(selfHasNumber) && !m.caseId().equals(self) && !byNumber.contains(m.caseId()))
          .map(NameMatch::caseId).toList();
    }
  }

  /** Everything the vault stores for a new case, sealed in memory (for batched imports); no key when there is nothing to seal. */
  public record NewCaseSecrets(UUID caseId, MasterKeys.Wrapped wrappedKey, byte[] identity, byte[] numberIndex,
      byte[] nameIndex, Map<UUID, byte[]> notes) {}

  /** Seals a new case's data key, identity and notes without touching the database. */
  public NewCaseSecrets seal(UUID caseId, Person person, Map<UUID, String> notes) {
    if (person == null && notes.isEmpty()) {
      return new NewCaseSecrets(caseId, null, null, null, null, Map.of());
    }
    byte[] dataKey = aead.randomKey();
    try {
      SecretKey key = new SecretKeySpec(dataKey, "AES");
      byte[] identity = person == null ? null : aead.seal(key, personJson(person), aad("person", caseId));
      Map<UUID, byte[]> sealedNotes = new LinkedHashMap<>();
      notes.forEach((id, text) -> sealedNotes.put(id, aead.seal(key, text.getBytes(StandardCharsets.UTF_8), aad("note:" + id, caseId))));
      return new NewCaseSecrets(caseId, master.wrap(dataKey, aad("key", caseId)), identity,
          person == null ? null : numbers.of(person.foreignerNumber()), person == null ? null : names.of(person.displayName()),
          sealedNotes);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** Stores sealed secrets of many new cases with one COPY per table. */
  public void insertAll(Handle h, List<NewCaseSecrets> all) {
    CopyRows keys = new CopyRows();
    CopyRows identities = new CopyRows();
    CopyRows notes = new CopyRows();
    for (NewCaseSecrets s : all) {
      if (s.wrappedKey() != null) {
        keys.row(s.caseId(), s.wrappedKey().bytes(), s.wrappedKey().keyId());
      }
      if (s.identity() != null) {
        identities.row(s.caseId(), s.identity(), s.numberIndex(), s.nameIndex());
      }
      s.notes().forEach((id, sealed) -> notes.row(id, s.caseId(), sealed));
    }
    keys.into(h, "case_keys (case_id, wrapped_key, master_key_id)");
    identities.into(h, "identities (case_id, ciphertext, foreigner_number_index, name_index)");
    notes.into(h, "notes (note_id, case_id, ciphertext)");
  }

  private byte[] personJson(Person person) {
    ObjectNode json = mapper.createObjectNode();
    json.put("displayName", person.displayName());
    json.put("foreignerNumber", person.foreignerNumber());
    json.put("phone", person.phone());
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The case's data key, created if it has none yet; the caller holds the case's lock (or has just created it). */
  private SecretKey keyFor(Handle h, UUID caseId) {
    return dataKey(h, caseId).orElseGet(() -> createKey(h, caseId));
  }

  private SecretKey createKey(Handle h, UUID caseId) {
    byte[] dataKey = aead.randomKey();
    try {
      MasterKeys.Wrapped wrapped = master.wrap(dataKey, aad("key", caseId));
      h.createUpdate("INSERT INTO case_keys (case_id, wrapped_key, master_key_id) VALUES (?, ?, ?)")
          .bind(0, caseId).bind(1, wrapped.bytes()).bind(2, wrapped.keyId()).execute();
      return new SecretKeySpec(dataKey, "AES");
    } finally {
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  public void storePerson(Handle h, UUID caseId, Person person) {
    byte[] sealed = aead.seal(keyFor(h, caseId), personJson(person), aad("person", caseId));
    h.createUpdate("""
            INSERT INTO identities (case_id, ciphertext, foreigner_number_index, name_index) VALUES (?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET ciphertext = excluded.ciphertext,
              foreigner_number_index = excluded.foreigner_number_index, name_index = excluded.name_index""")
        .bind(0, caseId).bind(1, sealed).bind(2, numbers.of(person.foreignerNumber())).bind(3, names.of(person.displayName()))
        .execute();
  }

  public Optional<Person> person(Handle h, UUID caseId) {
    Optional<SecretKey> key = dataKey(h, caseId);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery("SELECT ciphertext FROM identities WHERE case_id = ?").bind(0, caseId)
        .mapTo(byte[].class).findOne()
        .map(sealed -> openPerson(key.get(), caseId, sealed));
  }

  /** A case's sealed identity, opened with its data key. */
  private Person openPerson(SecretKey key, UUID caseId, byte[] sealed) {
    return personOf(aead.open(key, sealed, aad("person", caseId)));
  }

  private Person personOf(byte[] json) {
    try {
      ObjectNode n = (ObjectNode) mapper.readTree(json);
      return new Person(text(n, "displayName"), text(n, "foreignerNumber"), text(n, "phone"));
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt identity record", e);
    }
  }

  /** The identities of many cases with one query (those without one, erased or never given, are absent). */
  public Map<UUID, Person> people(Handle h, Collection<UUID> caseIds) {
    Map<UUID, Person> out = new HashMap<>();
    h.createQuery("""
            SELECT k.case_id, k.wrapped_key, k.master_key_id, i.ciphertext
            FROM case_keys k JOIN identities i ON i.case_id = k.case_id WHERE k.case_id = ANY(?)""")
        .bind(0, caseIds.toArray(new UUID[0]))
        .map((rs, ctx) -> {
          UUID caseId = rs.getObject(1, UUID.class);
          SecretKey key = unwrap(caseId, new MasterKeys.Wrapped(rs.getBytes(2), rs.getString(3)));
          return Map.entry(caseId, openPerson(key, caseId, rs.getBytes(4)));
        })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The hash the vault keeps of a foreigner number, to find the cases that have it. */
  public byte[] foreignerNumberIndex(String foreignerNumber) {
    return numbers.of(foreignerNumber);
  }

  /** The hash the vault keeps of a name, to find the cases of a person without a foreigner number. */
  public byte[] nameIndex(String displayName) {
    return names.of(displayName);
  }

  /** The association's open cases whose person has one of these name hashes ({@link #nameIndex}), by hash, oldest first. */
  public Map<ByteBuffer, List<NameMatch>> openCasesByNameIndex(Handle h, UUID associationId, Collection<byte[]> indexes) {
    Map<ByteBuffer, List<NameMatch>> out = new HashMap<>();
    h.createQuery("""
            SELECT i.name_index, i.case_id, coalesce(length(i.foreigner_number_index), 0) > 0
            FROM identities i JOIN cases c ON c.case_id = i.case_id
            WHERE i.name_index = ANY(?) AND c.association_id = ? AND c.status = 'OPEN'
            ORDER BY c.created_at, c.case_id""")
        .bind(0, indexes.toArray(new byte[0][])).bind(1, associationId)
        .map((rs, ctx) -> Map.entry(ByteBuffer.wrap(rs.getBytes(1)), new NameMatch(rs.getObject(2, UUID.class), rs.getBoolean(3))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /**
   * The association's open cases whose person has one of these foreigner-number hashes
   * ({@link #foreignerNumberIndex}), by hash, oldest first.
   */
  public Map<ByteBuffer, List<UUID>> openCasesByNumberIndex(Handle h, UUID associationId,
      Collection<byte[]> indexes) {
    Map<ByteBuffer, List<UUID>> out = new HashMap<>();
    h.createQuery("""
            SELECT i.foreigner_number_index, i.case_id FROM identities i JOIN cases c ON c.case_id = i.case_id
            WHERE i.foreigner_number_index = ANY(?) AND c.association_id = ? AND c.status = 'OPEN'
            ORDER BY c.created_at, c.case_id""")
        .bind(0, indexes.toArray(new byte[0][])).bind(1, associationId)
        .map((rs, ctx) -> Map.entry(ByteBuffer.wrap(rs.getBytes(1)), rs.getObject(2, UUID.class)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /**
   * The association's open cases grouped by person: each group holds two cases or more whose person
   * has the same foreigner number (most likely one person followed twice), oldest case first; the
   * groups in the order of their first case.
   */
  public List<List<UUID>> openCasesSharingANumber(Handle h, UUID associationId) {
    return groups(h, associationId, "foreigner_number_index", "true");
  }

  /**
   * The association's open cases grouped by name: two cases or more whose person has the same name, one of
   * them at least without a foreigner number (with a number each, they share it and are a group of
   * {@link #openCasesSharingANumber}, or they are two people); oldest case first.
   */
  public List<List<UUID>> openCasesSharingAName(Handle h, UUID associationId) {
    return groups(h, associationId, "name_index", "bool_or(coalesce(length(i.foreigner_number_index), 0) = 0)");
  }

  /** Open cases grouped by an index column of identities, groups of two or more meeting {@code having}. */
  private static List<List<UUID>> groups(Handle h, UUID associationId, String column, String having) {
    return h.createQuery("""
            SELECT array_agg(i.case_id ORDER BY c.created_at, c.case_id) FROM identities i JOIN cases c ON c.case_id = i.case_id
            WHERE c.association_id = ? AND c.status = 'OPEN' AND length(i.%1$s) > 0
            GROUP BY i.%1$s HAVING count(*) > 1 AND %2$s ORDER BY min(c.created_at)""".formatted(column, having))
        .bind(0, associationId)
        .map((rs, ctx) -> List.of((UUID[]) rs.getArray(1).getArray()))
        .list();
  }

  /**
   * Computes the foreigner-number and name hashes of up to {@code limit} identities stored before they
   * existed; returns how many were done (0 once none is left).
   */
  public int indexSomeIdentities(Handle h, int limit) {
    record Row(UUID caseId, MasterKeys.Wrapped key, byte[] identity) {}
    List<Row> rows = h.createQuery("""
            SELECT i.case_id, k.wrapped_key, k.master_key_id, i.ciphertext
            FROM identities i JOIN case_keys k ON k.case_id = i.case_id
            WHERE i.foreigner_number_index IS NULL OR i.name_index IS NULL LIMIT ? FOR UPDATE OF i SKIP LOCKED""")
        .bind(0, limit)
        .map((rs, ctx) -> new Row(rs.getObject(1, UUID.class), new MasterKeys.Wrapped(rs.getBytes(2), rs.getString(3)), rs.getBytes(4)))
        .list();
    var update = h.prepareBatch("UPDATE identities SET foreigner_number_index = ?, name_index = ? WHERE case_id = ?");
    for (Row r : rows) {
      Person person = openPerson(unwrap(r.caseId(), r.key()), r.caseId(), r.identity());
      update.bind(0, numbers.of(person.foreignerNumber())).bind(1, names.of(person.displayName())).bind(2, r.caseId()).add();
    }
    if (!rows.isEmpty()) {
      update.execute();
    }
    return rows.size();
  }

  /** Stores a free-text note; returns its opaque id (the {@code noteRef} events carry). */
  public UUID storeNote(Handle h, UUID caseId, String text) {
    UUID noteId = UUID.randomUUID();
    byte[] sealed = aead.seal(keyFor(h, caseId), text.getBytes(StandardCharsets.UTF_8), aad("note:" + noteId, caseId));
    h.createUpdate("INSERT INTO notes (note_id, case_id, ciphertext) VALUES (?, ?, ?)")
        .bind(0, noteId).bind(1, caseId).bind(2, sealed).execute();
    return noteId;
  }

  /** A follow-up note written on the case itself: when, by whom (a volunteer id, or "association"), and its text. */
  public record CaseNote(UUID noteId, java.time.Instant writtenAt, String writtenBy, String text) {}

  /** Stores a follow-up note of the case (not recorded with an event); returns its id. */
  public UUID storeCaseNote(Handle h, UUID caseId, String text, String by, java.time.Instant at) {
    UUID noteId = UUID.randomUUID();
    byte[] sealed = aead.seal(keyFor(h, caseId), text.getBytes(StandardCharsets.UTF_8), aad("note:" + noteId, caseId));
    h.createUpdate("INSERT INTO notes (note_id, case_id, ciphertext, written_at, written_by) VALUES (?, ?, ?, ?, ?)")
        .bind(0, noteId).bind(1, caseId).bind(2, sealed).bind(3, java.sql.Timestamp.from(at)).bind(4, by).execute();
    return noteId;
  }

  /** The case's follow-up notes, oldest first, read with its data key unwrapped once; none once the case is erased. */
  public List<CaseNote> caseNotes(Handle h, UUID caseId) {
    Optional<SecretKey> key = dataKey(h, caseId);
    if (key.isEmpty()) {
      return List.of();
    }
    return h.createQuery("""
            SELECT note_id, written_at, written_by, ciphertext FROM notes
            WHERE case_id = ? AND written_at IS NOT NULL ORDER BY written_at, note_id""")
        .bind(0, caseId)
        .map((rs, ctx) -> {
          UUID id = rs.getObject(1, UUID.class);
          return new CaseNote(id, rs.getTimestamp(2).toInstant(), rs.getString(3),
              new String(aead.open(key.get(), rs.getBytes(4), aad("note:" + id, caseId)), StandardCharsets.UTF_8));
        })
        .list();
  }

  /** Who wrote a follow-up note of the case (read without opening any note); empty when it has none of that id. */
  public Optional<String> caseNoteWriter(Handle h, UUID caseId, UUID noteId) {
    return h.createQuery("SELECT written_by FROM notes WHERE case_id = ? AND note_id = ? AND written_at IS NOT NULL")
        .bind(0, caseId).bind(1, noteId).mapTo(String.class).findOne();
  }

  /** Deletes a follow-up note of the case; false when it has none of that id. */
  public boolean deleteCaseNote(Handle h, UUID caseId, UUID noteId) {
    return h.createUpdate("DELETE FROM notes WHERE case_id = ? AND note_id = ? AND written_at IS NOT NULL")
        .bind(0, caseId).bind(1, noteId).execute() == 1;
  }

  /**
   * The notes recorded with the case's events, by id (their {@code noteRef}), read with its data key unwrapped
   * once; none once the case is erased. The follow-up notes are {@link #caseNotes}.
   */
  public Map<UUID, String> notes(Handle h, UUID caseId) {
    Optional<SecretKey> key = dataKey(h, caseId);
    Map<UUID, String> out = new HashMap<>();
    key.ifPresent(k -> h.createQuery("SELECT note_id, ciphertext FROM notes WHERE case_id = ? AND written_at IS NULL")
        .bind(0, caseId)
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
        .forEach(e -> out.put(e.getKey(),
            new String(aead.open(k, e.getValue(), aad("note:" + e.getKey(), caseId)), StandardCharsets.UTF_8))));
    return out;
  }

  /** Crypto-shredding: the data key and every ciphertext of the case are deleted. */
  public void erase(Handle h, UUID caseId) {
    h.createUpdate("DELETE FROM case_keys WHERE case_id = ?").bind(0, caseId).execute();
    h.createUpdate("DELETE FROM identities WHERE case_id = ?").bind(0, caseId).execute();
    h.createUpdate("DELETE FROM notes WHERE case_id = ?").bind(0, caseId).execute();
  }

  public boolean hasKey(Handle h, UUID caseId) {
    return dataKey(h, caseId).isPresent();
  }

  private Optional<SecretKey> dataKey(Handle h, UUID caseId) {
    return h.createQuery("SELECT wrapped_key, master_key_id FROM case_keys WHERE case_id = ?").bind(0, caseId)
        .map((rs, ctx) -> new MasterKeys.Wrapped(rs.getBytes(1), rs.getString(2))).findOne()
        .map(wrapped -> unwrap(caseId, wrapped));
  }

  /** The case's data key, from its wrapped form. */
  private SecretKey unwrap(UUID caseId, MasterKeys.Wrapped wrapped) {
    return new SecretKeySpec(master.unwrap(wrapped, keyAad(caseId)), "AES");
  }

  /** What binds a wrapped data key to its case. */
  static byte[] keyAad(UUID caseId) {
    return aad("key", caseId);
  }

  private static byte[] aad(String purpose, UUID caseId) {
    return (purpose + "|" + caseId).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ObjectNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }
}
