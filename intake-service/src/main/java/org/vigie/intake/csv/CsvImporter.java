package org.vigie.intake.csv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vigie.intake.auth.Caller;
import org.vigie.intake.cases.CaseCommands;
import org.vigie.intake.cases.CaseRequests;
import org.vigie.intake.cases.EventDraft;
import org.vigie.intake.cases.NewCase;
import org.vigie.intake.copy.CopyRows;
import org.vigie.intake.directory.DirectoryEntries.Volunteer;
import org.vigie.intake.directory.DirectoryRepository;
import org.vigie.intake.http.ApiProblem;
import org.vigie.intake.http.Detail;
import org.vigie.intake.http.Fields;
import org.vigie.intake.outbox.OutboxPublisher;
import org.vigie.intake.outbox.OutboxRecord;
import org.vigie.intake.followup.FollowUpKind;
import org.vigie.intake.followup.FollowUps;
import org.vigie.intake.vault.IdentityVault;
import org.vigie.platform.crypto.HmacSha256;
import org.vigie.schemas.EventSource;

/**
 * Imports an association's spreadsheet (CSV, French column names, dd/mm/yyyy dates): one case
 * per line, plus its submission, API and blockage events when the columns are filled. Lines are
 * validated exactly like the API requests. A keyed hash of each line (its reference when given,
 * else its content) makes a second import of the same file a no-op: those lines are DUPLICATE.
 * Lines are written in chunks, one transaction per chunk, then published and acknowledged.
 */
public final class CsvImporter {
  private static final int CHUNK = 500;

  private final Jdbi jdbi;
  private final CaseCommands commands;
  private final CaseRequests requests;
  private final DirectoryRepository directory;
  private final OutboxPublisher publisher;
  /** Keys the hash of each imported line (the vault keeps it; see VaultSecrets). */
  private final byte[] rowKey;
  private final IdentityVault vault;
  private final FollowUps followUps;
  private final Clock clock;

  public CsvImporter(Jdbi jdbi, CaseCommands commands, CaseRequests requests, DirectoryRepository directory,
      OutboxPublisher publisher, IdentityVault vault, FollowUps followUps, byte[] rowKey, Clock clock) {
    this.vault = vault;
    this.followUps = followUps;
    this.jdbi = jdbi;
    this.commands = commands;
    this.requests = requests;
    this.directory = directory;
    this.publisher = publisher;
    this.rowKey = rowKey.clone();
    this.clock = clock;
  }

  /**
   * How a spreadsheet names the association's active volunteers: by e-mail, by id, or by name as the page
   * shows it (without case nor accents) when no other volunteer has the same.
   */
  static void volunteersByKey(List<Volunteer> all, Map<String, Volunteer> out) {
    Map<String, List<Volunteer>> byName = new HashMap<>();
    all.stream().filter(Volunteer::active).forEach(v -> {
      out.put(v.email().toLowerCase(), v);
      out.put(v.volunteerId().toString(), v);
      byName.computeIfAbsent(CsvColumns.normalize(v.displayName()), k -> new ArrayList<>()).add(v);
    });
    byName.forEach((name, same) -> {
      if (same.size() == 1 && !name.isEmpty()) {
        out.putIfAbsent(name, same.get(0));
      }
    });
  }

  /** @param appointment the next appointment with the person, when the line gives one to come */
  private record Parsed(long line, byte[] key, NewCase newCase, List<EventDraft> events, LocalDate appointment) {}

  public List<ImportLine> importCsv(Caller caller, byte[] body) {
    String whole = decode(body);
    refuseWhatIsNotText(whole);
    // a title above the table is left out; the lines keep their numbers in the file
    int above = TitleLines.before(whole);
    String text = TitleLines.dropped(whole, above);
    LocalDate today = LocalDate.now(clock);
    Map<String, Volunteer> volunteers = new HashMap<>();
    jdbi.useHandle(h -> volunteersByKey(directory.volunteers(h, caller.associationId()), volunteers));
    List<ImportLine> report = new ArrayList<>();
    List<Parsed> chunk = new ArrayList<>();
    // Each chunk's records are sent when it is committed; the acks are awaited once, at the end.
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    Mac rowMac = HmacSha256.keyed(rowKey);
    // The hash of each line's foreigner number and name, to name the open cases that may be the same person's at the end.
    Map<Long, byte[]> numbers = new HashMap<>();
    Map<Long, byte[]> names = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format(text))) {
      Map<CsvColumns, String> headers = headers(parser.getHeaderNames());
      for (CSVRecord rec : parser) {
        long line = rec.getRecordNumber() + 1 + above;
        if (rec.stream().allMatch(String::isBlank)) {
          continue;
        }
        try {
          Parsed parsed = parse(caller, rec, headers, volunteers, today, line, rowMac);
          chunk.add(parsed);
          parsed.newCase().person().map(p -> p.foreignerNumber()).filter(n -> n != null)
              .ifPresent(n -> numbers.put(line, vault.foreignerNumberIndex(n)));
          parsed.newCase().person().map(p -> vault.nameIndex(p.displayName())).filter(n -> n.length > 0)
              .ifPresent(n -> names.put(line, n));
        } catch (ApiProblem p) {
          report.add(rejected(line, p));
        }
        if (chunk.size() == CHUNK) {
          report.addAll(write(caller, chunk, acks));
          chunk.clear();
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw ApiProblem.badRequest("body", "Le fichier CSV est illisible (vérifiez les guillemets et la ligne d'en-tête)",
          "The CSV file cannot be read (check quotes and the header line)");
    }
    report.addAll(write(caller, chunk, acks));
    awaitAcks(acks);
    report.sort(java.util.Comparator.comparingLong(ImportLine::line));
    return withSamePerson(caller, report, numbers, names);
  }

  /**
   * Each line opened with a foreigner number that other open cases of the association have (opened
   * before, or by another line of the file) names them: most likely the same person, followed twice;
   * and those with the same name, where one of the two has no number (a first request).
   */
  private List<ImportLine> withSamePerson(Caller caller, List<ImportLine> report, Map<Long, byte[]> numbers,
      Map<Long, byte[]> names) {
    if (numbers.isEmpty() && names.isEmpty()) {
      return report;
    }
    record Open(Map<ByteBuffer, List<UUID>> byNumber, Map<ByteBuffer, List<IdentityVault.NameMatch>> byName) {}
    Open open = jdbi.withHandle(h -> new Open(vault.openCasesByNumberIndex(h, caller.associationId(), numbers.values()),
        vault.openCasesByNameIndex(h, caller.associationId(), names.values())));
    List<ImportLine> out = new ArrayList<>(report.size());
    for (ImportLine l : report) {
      if (l.status() != ImportLine.Status.ACCEPTED) {
        out.add(l);
        continue;
      }
      byte[] number = numbers.get(l.line());
      List<UUID> byNumber = number == null ? List.of()
          : open.byNumber().getOrDefault(ByteBuffer.wrap(number), List.of()).stream().filter(id -> !id.equals(l.caseId())).toList();
      byte[] name = names.get(l.line());
      boolean hasNumber = number != null && number.length > 0;
      List<UUID> byName = name == null ? List.of() : IdentityVault.NameMatch.samePerson(
          open.byName().getOrDefault(ByteBuffer.wrap(name), List.of()), hasNumber, l.caseId(), byNumber);
      out.add(l.withPossibleDuplicates(byNumber, byName));
    }
    return out;
  }

  private static CSVFormat format(String text) {
    String first = text.lines().findFirst().orElse("");
    // the most frequent of ; , and tab in the header line (a tie between ; and , is ;, as French spreadsheets write)
    char delimiter = ';';
    long most = first.chars().filter(c -> c == ';').count();
    for (char candidate : new char[] {',', '\t'}) {
      long count = first.chars().filter(c -> c == candidate).count();
      if (count > most) {
        delimiter = candidate;
        most = count;
      }
    }
    return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
  }

  private static Map<CsvColumns, String> headers(List<String> names) {
    Map<CsvColumns, String> out = new EnumMap<>(CsvColumns.class);
    for (String n : names) {
      Optional<CsvColumns> c = CsvColumns.match(n);
      if (c.isEmpty() && !n.isBlank()) {
        String known = Arrays.stream(CsvColumns.values()).map(CsvColumns::label).collect(Collectors.joining(", "));
        throw ApiProblem.badRequest(n, "Colonne '" + n + "' inconnue ; les colonnes reconnues sont : " + known,
            "Unknown column '" + n + "'; the columns recognised are: " + known);
      }
      if (c.isPresent() && out.containsKey(c.get())) {
        // two columns for one field: which one holds the value would be a guess
        String first = out.get(c.get());
        throw ApiProblem.badRequest(n, "Les colonnes '" + first + "' et '" + n + "' désignent la même donnée ("
            + c.get().label() + ") : n'en garder qu'une", "Columns '" + first + "' and '" + n + "' both name "
            + c.get().label() + ": keep only one");
      }
      c.ifPresent(col -> out.put(col, n));
    }
    for (CsvColumns required : List.of(CsvColumns.DEMARCHE, CsvColumns.DEPARTEMENT)) {
      if (!out.containsKey(required)) {
        throw ApiProblem.badRequest(required.label(), "Colonne '" + required.label() + "' manquante",
            "Missing column '" + required.label() + "'");
      }
    }
    return out;
  }

  private Parsed parse(Caller caller, CSVRecord rec, Map<CsvColumns, String> headers, Map<String, Volunteer> volunteers,
      LocalDate today, long line, Mac rowMac) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Map<CsvColumns, String> v = new EnumMap<>(CsvColumns.class);
    headers.forEach((col, name) -> {
      String value = rec.isMapped(name) && rec.isSet(name) ? rec.get(name) : "";
      if (!value.isBlank()) {
        v.put(col, value.strip());
      }
    });
    ObjectNode c = f.objectNode();
    if (v.containsKey(CsvColumns.TYPE_TITRE) || v.containsKey(CsvColumns.DATE_EXPIRATION)) {
      ObjectNode permit = c.putObject("permit").put("kind", v.containsKey(CsvColumns.TYPE_TITRE)
          ? CsvValues.permitKind(v.get(CsvColumns.TYPE_TITRE)) : "OTHER");
      if (v.containsKey(CsvColumns.DATE_EXPIRATION)) {
        permit.put("expiresOn", isoDate(v, CsvColumns.DATE_EXPIRATION).toString());
      }
    }
    if (v.containsKey(CsvColumns.DEMARCHE)) {
      c.put("procedure", CsvValues.procedure(v.get(CsvColumns.DEMARCHE)));
    }
    if (v.containsKey(CsvColumns.DEPARTEMENT)) {
      String dept = v.get(CsvColumns.DEPARTEMENT);
      c.put("department", dept.length() == 1 ? "0" + dept : dept);
    }
    if (v.containsKey(CsvColumns.BENEVOLE)) {
      String named = v.get(CsvColumns.BENEVOLE);
      Volunteer vol = Optional.ofNullable(volunteers.get(named.toLowerCase()))
          .orElseGet(() -> volunteers.get(CsvColumns.normalize(named)));
      if (vol == null) {
        throw ApiProblem.unprocessable("assignedVolunteerId",
            "Aucun·e bénévole actif·ve de l'association n'a cet e-mail, cet identifiant ou ce nom (un nom porté par deux bénévoles ne suffit pas)",
            "No active volunteer of the association has this email, id or name (a name two volunteers share is not enough)");
      }
      c.put("assignedVolunteerId", vol.volunteerId().toString());
    }
    yesNo(v, CsvColumns.SALARIE).ifPresent(b -> c.put("employed", b));
    yesNo(v, CsvColumns.ALLOCATIONS).ifPresent(b -> c.put("receivesBenefits", b));
    if (v.containsKey(CsvColumns.DATE_OUVERTURE)) {
      c.put("openedOn", isoDate(v, CsvColumns.DATE_OUVERTURE).toString());
    }
    if (v.containsKey(CsvColumns.NOM) || v.containsKey(CsvColumns.NUMERO_ETRANGER) || v.containsKey(CsvColumns.TELEPHONE)) {
      ObjectNode p = c.putObject("person");
      Optional.ofNullable(v.get(CsvColumns.NOM)).ifPresent(s -> p.put("displayName", s));
      Optional.ofNullable(v.get(CsvColumns.NUMERO_ETRANGER)).ifPresent(s -> p.put("foreignerNumber", s));
      Optional.ofNullable(v.get(CsvColumns.TELEPHONE)).ifPresent(s -> p.put("phone", s));
    }
    NewCase newCase = requests.parseCase(c, today);

    List<EventDraft> events = new ArrayList<>();
    if (v.containsKey(CsvColumns.DATE_DEPOT)) {
      ObjectNode e = f.objectNode().put("type", "SUBMISSION_RECORDED").put("procedure", newCase.procedure().name())
          .put("occurredOn", isoDate(v, CsvColumns.DATE_DEPOT).toString());
      events.add(event(e, today, CsvColumns.DATE_DEPOT));
    }
    if (v.containsKey(CsvColumns.API_VALIDE_JUSQU_AU)) {
      LocalDate until = isoDate(v, CsvColumns.API_VALIDE_JUSQU_AU);
      LocalDate issued = v.containsKey(CsvColumns.API_DELIVREE_LE) ? isoDate(v, CsvColumns.API_DELIVREE_LE)
          : until.minusMonths(CaseRequests.API_MAX_MONTHS);
      ObjectNode e = f.objectNode().put("type", "API_ISSUED").put("occurredOn", issued.toString()).put("validUntil", until.toString());
      events.add(event(e, today, CsvColumns.API_VALIDE_JUSQU_AU));
    }
    if (v.containsKey(CsvColumns.BLOCAGE)) {
      ObjectNode e = f.objectNode().put("type", "BLOCKAGE_REPORTED").put("occurredOn", newCase.openedOn().toString())
          .put("blockage", CsvValues.blockage(v.get(CsvColumns.BLOCAGE)));
      events.add(event(e, today, CsvColumns.BLOCAGE));
    }
    requireTogether(v, CsvColumns.DECISION, CsvColumns.DATE_DECISION);
    for (CsvColumns withDecision : new CsvColumns[] {CsvColumns.RECOURS_JUSQU_AU, CsvColumns.CONDITIONS_OQTF}) {
      if (v.containsKey(withDecision) && !v.containsKey(CsvColumns.DECISION)) {
        throw ApiProblem.unprocessable(CsvColumns.DECISION.label(), "La colonne 'decision' est obligatoire avec '"
            + withDecision.label() + "'", "Column 'decision' is required with '" + withDecision.label() + "'");
      }
    }
    if (v.containsKey(CsvColumns.DECISION)) {
      ObjectNode e = f.objectNode().put("type", "DECISION_RECEIVED")
          .put("occurredOn", isoDate(v, CsvColumns.DATE_DECISION).toString())
          .put("decision", CsvValues.decision(v.get(CsvColumns.DECISION)));
      if (v.containsKey(CsvColumns.RECOURS_JUSQU_AU)) {
        e.put("appealDeadline", isoDate(v, CsvColumns.RECOURS_JUSQU_AU).toString());
      }
      if (v.containsKey(CsvColumns.CONDITIONS_OQTF)) {
        e.put("oqtfTerms", CsvValues.oqtfTerms(v.get(CsvColumns.CONDITIONS_OQTF)));
      }
      events.add(event(e, today, CsvColumns.DECISION, Map.of("occurredOn", CsvColumns.DATE_DECISION,
          "appealDeadline", CsvColumns.RECOURS_JUSQU_AU, "oqtfTerms", CsvColumns.CONDITIONS_OQTF)));
    }
    requireTogether(v, CsvColumns.RECOURS_DEPOSE, CsvColumns.DATE_RECOURS_DEPOSE);
    if (v.containsKey(CsvColumns.RECOURS_DEPOSE)) {
      ObjectNode e = f.objectNode().put("type", "APPEAL_FILED")
          .put("occurredOn", isoDate(v, CsvColumns.DATE_RECOURS_DEPOSE).toString())
          .put("appeal", CsvValues.appeal(v.get(CsvColumns.RECOURS_DEPOSE)));
      events.add(event(e, today, CsvColumns.RECOURS_DEPOSE, Map.of("occurredOn", CsvColumns.DATE_RECOURS_DEPOSE)));
    }
    // a next appointment already past is the spreadsheet's history, not a step to plan
    LocalDate appointment = v.containsKey(CsvColumns.PROCHAIN_RDV) ? isoDate(v, CsvColumns.PROCHAIN_RDV) : null;
    if (appointment != null && appointment.isAfter(today.plusDays(FollowUps.MAX_DAYS_AHEAD))) {
      throw ApiProblem.unprocessable(CsvColumns.PROCHAIN_RDV.label(), "La colonne 'prochain_rdv' doit être dans les deux ans",
          "Column 'prochain_rdv' must be within two years");
    }
    String identity = v.containsKey(CsvColumns.REFERENCE) ? "ref|" + v.get(CsvColumns.REFERENCE) : "row|" + String.join("\u001f", rec.values());
    byte[] key = rowMac.doFinal((caller.associationId() + "|" + identity).getBytes(StandardCharsets.UTF_8));
    return new Parsed(line, key, newCase, events, appointment != null && !appointment.isBefore(today) ? appointment : null);
  }

  /** Two columns that go together (a fact and its day): one given without the other is the other's error. */
  private static void requireTogether(Map<CsvColumns, String> v, CsvColumns fact, CsvColumns day) {
    if (v.containsKey(fact) != v.containsKey(day)) {
      CsvColumns missing = v.containsKey(fact) ? day : fact;
      CsvColumns given = missing == fact ? day : fact;
      throw ApiProblem.unprocessable(missing.label(),
          "La colonne '" + missing.label() + "' est obligatoire avec '" + given.label() + "'",
          "Column '" + missing.label() + "' is required with '" + given.label() + "'");
    }
  }

  private EventDraft event(ObjectNode e, LocalDate today, CsvColumns column) {
    return event(e, today, column, Map.of());
  }

  /** The event a line's columns give; an error names the column of its field ({@code byField}), else {@code column}. */
  private EventDraft event(ObjectNode e, LocalDate today, CsvColumns column, Map<String, CsvColumns> byField) {
    try {
      return requests.parseEvent(e, today);
    } catch (ApiProblem p) {
      throw p.forField(byField.getOrDefault(String.valueOf(p.field()), column).label());
    }
  }

  private static void awaitAcks(List<CompletableFuture<Void>> acks) {
    try {
      CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unconfirmed();
    } catch (java.util.concurrent.ExecutionException e) {
      throw unconfirmed();
    }
  }

  private static ApiProblem unconfirmed() {
    return ApiProblem.unavailable("Les lignes sont enregistrées mais le journal des événements n'a pas confirmé ; leur "
        + "publication se fera automatiquement. Importez de nouveau le fichier plus tard : les lignes enregistrées "
        + "apparaîtront en DUPLICATE.",
        "The lines are recorded but the event log did not confirm; they will be published "
        + "automatically. Import the file again later: recorded lines show as DUPLICATE.");
  }

  /** Writes a chunk in one transaction; on an unexpected failure, line by line so that one bad line fails alone. */
  private List<ImportLine> write(Caller caller, List<Parsed> chunk, List<CompletableFuture<Void>> acks) {
    if (chunk.isEmpty()) {
      return List.of();
    }
    List<ImportLine> out = new ArrayList<>();
    List<OutboxRecord> records = new ArrayList<>();
    try {
      jdbi.useTransaction(h -> out.addAll(writeChunk(h, caller, chunk, records)));
    } catch (RuntimeException e) {
      out.clear();
      records.clear();
      for (Parsed p : chunk) {
        List<OutboxRecord> lineRecords = new ArrayList<>();
        try {
          out.add(jdbi.inTransaction(h -> writeLine(h, caller, p, lineRecords)));
          records.addAll(lineRecords);
        } catch (ApiProblem problem) {
          out.add(rejected(p.line(), problem));
        } catch (RuntimeException other) {
          out.add(ImportLine.rejected(p.line(), null,
              new Detail("Cette ligne n'a pas pu être enregistrée", "This line could not be recorded")));
        }
      }
    }
    acks.add(publisher.publishAsync(records));
    return out;
  }

  /** The fast path: duplicates found with one query, new lines written with one batch per table. */
  private List<ImportLine> writeChunk(Handle h, Caller caller, List<Parsed> chunk, List<OutboxRecord> records) {
    Map<ByteBuffer, UUID> known = new HashMap<>();
    h.createQuery("SELECT row_key, case_id FROM import_rows WHERE association_id = ? AND row_key = ANY(?)")
        .bind(0, caller.associationId()).bind(1, chunk.stream().map(Parsed::key).toArray(byte[][]::new))
        .map((rs, ctx) -> Map.entry(ByteBuffer.wrap(rs.getBytes(1)), rs.getObject(2, UUID.class)))
        .forEach(e -> known.put(e.getKey(), e.getValue()));
    List<Parsed> fresh = new ArrayList<>();
    Set<ByteBuffer> inChunk = new HashSet<>();
    List<ImportLine> out = new ArrayList<>();
    List<Parsed> repeats = new ArrayList<>();
    Already already = already(h, caller.associationId(), chunk.stream()
        .filter(p -> known.containsKey(ByteBuffer.wrap(p.key())) && (!p.events().isEmpty() || p.appointment() != null))
        .map(p -> known.get(ByteBuffer.wrap(p.key()))).toList());
    for (Parsed p : chunk) {
      ByteBuffer k = ByteBuffer.wrap(p.key());
      if (known.containsKey(k)) {
        out.add(again(h, caller, known.get(k), p, already, records));
      } else if (!inChunk.add(k)) {
        repeats.add(p);
      } else {
        fresh.add(p);
      }
    }
    List<CaseCommands.Recorded> recorded = commands.openAll(h, caller, fresh.stream().map(Parsed::newCase).toList(),
        fresh.stream().map(Parsed::events).toList(), EventSource.CSV_IMPORT);
    recorded.forEach(r -> records.add(r.record()));
    CopyRows rows = new CopyRows();
    Map<ByteBuffer, UUID> created = new HashMap<>();
    int at = 0;
    for (Parsed p : fresh) {
      UUID caseId = recorded.get(at).caseId();
      at += 1 + p.events().size();
      created.put(ByteBuffer.wrap(p.key()), caseId);
      rows.row(caller.associationId(), p.key(), caseId);
      planAppointment(h, caller, caseId, p);
      out.add(new ImportLine(p.line(), ImportLine.Status.ACCEPTED, caseId, 1 + p.events().size(), null, null));
    }
    rows.into(h, "import_rows (association_id, row_key, case_id)");
    for (Parsed p : repeats) {
      out.add(new ImportLine(p.line(), ImportLine.Status.DUPLICATE, created.get(ByteBuffer.wrap(p.key())), 0, null, null));
    }
    return out;
  }

  private ImportLine writeLine(Handle h, Caller caller, Parsed p, List<OutboxRecord> records) {
    Optional<UUID> existing = h.createQuery("SELECT case_id FROM import_rows WHERE association_id = ? AND row_key = ?")
        .bind(0, caller.associationId()).bind(1, p.key()).mapTo(UUID.class).findOne();
    if (existing.isPresent()) {
      return again(h, caller, existing.get(), p, already(h, caller.associationId(), List.of(existing.get())), records);
    }
    CaseCommands.Recorded opened = commands.open(h, caller, p.newCase(), EventSource.CSV_IMPORT);
    records.add(opened.record());
    for (EventDraft e : p.events()) {
      records.add(commands.record(h, caller, opened.caseId(), e, EventSource.CSV_IMPORT).record());
    }
    h.createUpdate("INSERT INTO import_rows (association_id, row_key, case_id) VALUES (?, ?, ?)")
        .bind(0, caller.associationId()).bind(1, p.key()).bind(2, opened.caseId()).execute();
    planAppointment(h, caller, opened.caseId(), p);
    return new ImportLine(p.line(), ImportLine.Status.ACCEPTED, opened.caseId(), 1 + p.events().size(), null, null);
  }

  /**
   * A line imported before (a DUPLICATE): the facts it gives that its case does not have yet are recorded (the
   * sheet kept up to date and imported again: a decision, an API, a blockage added since). A fact is the same as
   * one recorded when it is of the same kind on the same day (an API: valid until the same day; a blockage: of
   * the same kind), whoever recorded it. A closed or erased case takes none: the line says so. Its next
   * appointment is planned when the case has none planned (a step planned on the page is kept).
   */
  private ImportLine again(Handle h, Caller caller, UUID caseId, Parsed p, Already already, List<OutboxRecord> records) {
    if (p.appointment() != null && already.openUnplanned().contains(caseId)) {
      planAppointment(h, caller, caseId, p); // nothing planned on the page: the sheet's next appointment
    }
    if (p.events().isEmpty()) {
      return new ImportLine(p.line(), ImportLine.Status.DUPLICATE, caseId, 0, null, null);
    }
    Set<String> recorded = already.facts().getOrDefault(caseId, Set.of());
    List<EventDraft> fresh = p.events().stream().filter(e -> !recorded.contains(sameFact(e.type().name(), e.occurredOn(),
        e.details().path("validUntil").asText(null), e.details().path("blockage").asText(null)))).toList();
    if (fresh.isEmpty()) {
      return new ImportLine(p.line(), ImportLine.Status.DUPLICATE, caseId, 0, null, null);
    }
    try {
      for (EventDraft e : fresh) {
        records.add(commands.record(h, caller, caseId, e, EventSource.CSV_IMPORT).record());
      }
    } catch (ApiProblem closed) {
      return new ImportLine(p.line(), ImportLine.Status.DUPLICATE, caseId, 0, null, closed.detail());
    }
    return new ImportLine(p.line(), ImportLine.Status.DUPLICATE, caseId, fresh.size(), null, null);
  }

  /** What the cases of lines imported before already have: their facts (see {@link #sameFact}), and which are open with no next step planned. */
  private record Already(Map<UUID, Set<String>> facts, Set<UUID> openUnplanned) {}

  /** One query for the facts of these cases, one for their next steps: a file imported again reads them per chunk. */
  private static Already already(Handle h, UUID associationId, List<UUID> caseIds) {
    Map<UUID, Set<String>> facts = new HashMap<>();
    Set<UUID> openUnplanned = new HashSet<>();
    if (!caseIds.isEmpty()) {
      h.createQuery("SELECT case_id, type, occurred_on, details->>'validUntil', details->>'blockage' FROM case_events"
              + " WHERE association_id = :association AND case_id = ANY(:cases)")
          .bind("association", associationId).bindArray("cases", UUID.class, caseIds)
          .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class),
              sameFact(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))))
          .forEach(e -> facts.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
      h.createQuery("SELECT c.case_id FROM cases c WHERE c.association_id = :association AND c.case_id = ANY(:cases)"
              + " AND c.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM case_follow_ups f WHERE f.case_id = c.case_id)")
          .bind("association", associationId).bindArray("cases", UUID.class, caseIds)
          .mapTo(UUID.class).forEach(openUnplanned::add);
    }
    return new Already(facts, openUnplanned);
  }

  /** What makes two events the same fact for a line imported again (see {@link #again}). */
  private static String sameFact(String type, LocalDate occurredOn, String validUntil, String blockage) {
    return switch (type) {
      case "API_ISSUED" -> type + "|" + validUntil;
      case "BLOCKAGE_REPORTED" -> type + "|" + occurredOn + "|" + blockage;
      default -> type + "|" + occurredOn;
    };
  }

  private void planAppointment(Handle h, Caller caller, UUID caseId, Parsed p) {
    if (p.appointment() != null) {
      followUps.set(h, caller.associationId(), caseId, p.appointment(), FollowUpKind.APPOINTMENT, caller.recordedBy(), clock.instant());
    }
  }

  private static LocalDate isoDate(Map<CsvColumns, String> v, CsvColumns col) {
    LocalDate d = CsvValues.date(v.get(col));
    if (d == null) {
      throw ApiProblem.badRequest(col.label(), "La colonne '" + col.label() + "' doit être une date jj/mm/aaaa",
          "Column '" + col.label() + "' must be a date dd/mm/yyyy");
    }
    return d;
  }

  private static Optional<Boolean> yesNo(Map<CsvColumns, String> v, CsvColumns col) {
    if (!v.containsKey(col)) {
      return Optional.empty();
    }
    Boolean b = CsvValues.yesNo(v.get(col));
    if (b == null) {
      throw ApiProblem.badRequest(col.label(), "La colonne '" + col.label() + "' doit valoir oui ou non",
          "Column '" + col.label() + "' must be oui or non");
    }
    return Optional.of(b);
  }

  /**
   * A rejected line, its problem naming the CSV column rather than the API field, in the sheet's terms: its dates
   * dd/mm/yyyy, and for a column of words the words it takes rather than the API's codes.
   */
  private static ImportLine rejected(long line, ApiProblem problem) {
    ApiProblem inColumns = problem.field() == null ? problem : problem.forField(column(problem.field()));
    Detail detail = inColumns.detail().replace("AAAA-MM-JJ", "jj/mm/aaaa").replace("YYYY-MM-DD", "dd/mm/yyyy");
    // an event's problem already names its column, a case's its API field
    Optional<CsvColumns> column = Optional.ofNullable(problem.field())
        .flatMap(f -> Optional.ofNullable(CsvColumns.BY_API_FIELD.get(f)).or(() -> CsvColumns.match(f)));
    if (column.isPresent() && CsvValues.WORDS.containsKey(column.get()) && Fields.isNotOneOf(inColumns.detail())) {
      String label = column.get().label();
      String words = CsvValues.WORDS.get(column.get());
      detail = new Detail("La colonne '" + label + "' doit valoir : " + words + " (ou le code de l'API)",
          "Column '" + label + "' must be one of: " + words + " (or the API's code)");
    }
    return ImportLine.rejected(line, inColumns.field(), detail);
  }

  /** The CSV column an API field came from (the report names columns, not API fields). */
  private static String column(String field) {
    if (field == null) {
      return null;
    }
    CsvColumns c = CsvColumns.BY_API_FIELD.get(field);
    return c != null ? c.label() : field;
  }

  /**
   * A file chosen by mistake (a PDF, a picture, a document) is said to be one, rather than read as a sheet whose
   * header would be an unknown column of binary: a PDF's signature, or control characters in its first 4 KB that no
   * spreadsheet writes (an old end-of-file mark, Ctrl-Z, aside).
   */
  static void refuseWhatIsNotText(String text) {
    String start = text.substring(0, Math.min(text.length(), 4096));
    boolean binary = start.startsWith("%PDF") || start.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a);
    if (binary) {
      throw ApiProblem.badRequest("body", "Ce fichier n'est pas un tableau : importez un classeur Excel (.xlsx) ou un fichier CSV",
          "This file is not a spreadsheet: import an Excel workbook (.xlsx) or a CSV file");
    }
  }

  /** UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode text"), else Windows-1252 as spreadsheets export it. */
  static String decode(byte[] body) {
    if (body.length >= 2 && ((body[0] == (byte) 0xFF && body[1] == (byte) 0xFE) || (body[0] == (byte) 0xFE && body[1] == (byte) 0xFF))) {
      String s = new String(body, StandardCharsets.UTF_16); // the BOM says which byte order, and is dropped
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(body, Charset.forName("windows-1252"));
    }
  }

}
