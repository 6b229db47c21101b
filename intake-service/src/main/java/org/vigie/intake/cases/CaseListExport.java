package org.vigie.intake.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.vigie.intake.alerts.AlertRepository.OpenAlerts;
import org.vigie.intake.http.Language;
import org.vigie.intake.followup.FollowUps;
import org.vigie.intake.vault.Person;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.Severity;
import org.vigie.schemas.wording.CaseReference;
import org.vigie.schemas.wording.CodeWording;
import org.vigie.schemas.wording.SpreadsheetCell;

/**
 * An association's cases as a spreadsheet, one line per case, in the caller's language: French
 * (';' between columns, dd/mm/yyyy dates, as French spreadsheet software opens it) or English (','
 * and yyyy-mm-dd). UTF-8 with a byte order mark, so that accents open right. Codes are in words, as
 * e-mails say them; a text typed by a person is never read as a formula ({@link SpreadsheetCell}). A list to work from (whom to call, whose permit expires first), not a copy of the
 * cases: their events stay in Vigie.
 */
final class CaseListExport {
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final List<String> FRENCH = List.of("Référence", "Nom", "Numéro étranger", "Téléphone", "Titre", "Expire le",
      "Démarche", "Département", "Suivi par", "État", "Ouvert le", "Dernière activité", "Alertes ouvertes",
      "Gravité la plus haute", "Échéance la plus proche", "Prochaine étape", "Étape");
  private static final List<String> ENGLISH = List.of("Reference", "Name", "Foreigner number", "Phone", "Permit", "Expires on",
      "Procedure", "Department", "Followed by", "Status", "Opened on", "Last activity", "Open alerts", "Highest severity",
      "Nearest deadline", "Next step", "Step");

  private final Language language;
  private final CodeWording words;

  CaseListExport(Language language) {
    this.language = language;
    this.words = language == Language.EN ? CodeWording.ENGLISH : CodeWording.FRENCH;
  }

  String csv(List<CaseRecord> cases, Map<UUID, Person> people, Map<UUID, String> volunteerNames, Map<String, OpenAlerts> alerts,
      Map<UUID, FollowUps.FollowUp> followUps) {
    boolean french = language == Language.FR;
    StringBuilder out = new StringBuilder("\uFEFF");
    CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(french ? ';' : ',')
        .setHeader((french ? FRENCH : ENGLISH).toArray(new String[0])).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (CaseRecord c : cases) {
        Person p = people.get(c.caseId());
        OpenAlerts open = alerts.get(c.caseId().toString());
        printer.printRecord(CaseReference.of(c.caseId().toString()),
            p == null ? "" : SpreadsheetCell.text(p.displayName()), p == null ? "" : p.foreignerNumber(),
            p == null ? "" : p.phone(),
            c.permitKind() == null ? "" : words.of(PermitKind.valueOf(c.permitKind())), date(c.permitExpiresOn()),
            words.of(Procedure.valueOf(c.procedure())), c.department(),
            c.assignedVolunteerId() == null ? "" : SpreadsheetCell.text(volunteerNames.getOrDefault(c.assignedVolunteerId(), "")),
            status(c), date(c.openedOn()), date(c.lastEventOn()),
            open == null ? 0 : open.count(), open == null ? "" : words.of(Severity.valueOf(open.worstSeverity())),
            open == null ? "" : date(open.nearestDeadline()),
            followUps.containsKey(c.caseId()) ? date(followUps.get(c.caseId()).dueOn()) : "",
            followUps.containsKey(c.caseId()) ? followUps.get(c.caseId()).kind().in(language == Language.EN).toLowerCase(java.util.Locale.ROOT) : "");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private String status(CaseRecord c) {
    boolean french = language == Language.FR;
    String status = c.closed() ? (french ? "clos" : "closed") : (french ? "ouvert" : "open");
    return c.identityErased() ? status + (french ? ", identité effacée" : ", identity erased") : status;
  }

  private String date(LocalDate d) {
    return d == null ? "" : language == Language.FR ? FRENCH_DATE.format(d) : d.toString();
  }
}
