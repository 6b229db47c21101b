package org.vigie.intake.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.vigie.intake.http.DateText;
import org.vigie.schemas.AppealKind;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.Decision;
import org.vigie.schemas.OqtfTerms;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.wording.CodeWording;

/** French spreadsheet values: dd/mm/yyyy dates, oui/non, French labels of permits and procedures. */
final class CsvValues {
  private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter FRENCH_SHORT = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private static final Map<String, String> PERMITS = Map.ofEntries(
      Map.entry("vlsts", PermitKind.VLS_TS.name()),
      Map.entry("cartetemporaire", PermitKind.CARTE_TEMPORAIRE.name()),
      Map.entry("cst", PermitKind.CARTE_TEMPORAIRE.name()),
      Map.entry("cartedesejourtemporaire", PermitKind.CARTE_TEMPORAIRE.name()),
      Map.entry("cartepluriannuelle", PermitKind.CARTE_PLURIANNUELLE.name()),
      Map.entry("cartederesident", PermitKind.CARTE_RESIDENT.name()),
      Map.entry("carteresident", PermitKind.CARTE_RESIDENT.name()),
      Map.entry("cartederesidentue", PermitKind.CARTE_RESIDENT_UE.name()),
      Map.entry("residentlongueduree", PermitKind.CARTE_RESIDENT_UE.name()),
      Map.entry("certificatderesidencealgerien", PermitKind.CERTIFICAT_RESIDENCE_ALGERIEN.name()),
      Map.entry("cra", PermitKind.CERTIFICAT_RESIDENCE_ALGERIEN.name()),
      Map.entry("aps", PermitKind.AUTORISATION_PROVISOIRE_SEJOUR.name()),
      Map.entry("autorisationprovisoiredesejour", PermitKind.AUTORISATION_PROVISOIRE_SEJOUR.name()),
      Map.entry("recepisse", PermitKind.RECEPISSE.name()),
      Map.entry("autre", PermitKind.OTHER.name()));

  private static final Map<String, String> PROCEDURES = Map.of(
      "renouvellement", Procedure.RENEWAL.name(),
      "premieredemande", Procedure.FIRST_REQUEST.name(),
      "changementdestatut", Procedure.CHANGE_OF_STATUS.name());

  private static final Map<String, String> DECISIONS = Map.ofEntries(
      Map.entry("accorde", Decision.GRANTED.name()),
      Map.entry("accordee", Decision.GRANTED.name()),
      Map.entry("accord", Decision.GRANTED.name()),
      Map.entry("titreaccorde", Decision.GRANTED.name()),
      Map.entry("favorable", Decision.GRANTED.name()),
      Map.entry("refus", Decision.REFUSED.name()),
      Map.entry("refuse", Decision.REFUSED.name()),
      Map.entry("refusee", Decision.REFUSED.name()),
      Map.entry("defavorable", Decision.REFUSED.name()),
      Map.entry("refusavecoqtf", Decision.REFUSED_WITH_OQTF.name()),
      Map.entry("refusoqtf", Decision.REFUSED_WITH_OQTF.name()),
      Map.entry("oqtf", Decision.REFUSED_WITH_OQTF.name()));

  private static final Map<String, String> OQTF_TERMS = Map.ofEntries(
      Map.entry("avecdelaidedepart", OqtfTerms.DEPARTURE_PERIOD.name()),
      Map.entry("avecdelaidedepartvolontaire", OqtfTerms.DEPARTURE_PERIOD.name()),
      Map.entry("delaidedepartvolontaire", OqtfTerms.DEPARTURE_PERIOD.name()),
      Map.entry("ddv", OqtfTerms.DEPARTURE_PERIOD.name()),
      Map.entry("sansdelai", OqtfTerms.NO_DEPARTURE_PERIOD.name()),
      Map.entry("sansdelaidedepart", OqtfTerms.NO_DEPARTURE_PERIOD.name()),
      Map.entry("sansdelaidedepartvolontaire", OqtfTerms.NO_DEPARTURE_PERIOD.name()),
      Map.entry("assignationaresidence", OqtfTerms.HOUSE_ARREST_OR_PRISON.name()),
      Map.entry("assignearesidence", OqtfTerms.HOUSE_ARREST_OR_PRISON.name()),
      Map.entry("detention", OqtfTerms.HOUSE_ARREST_OR_PRISON.name()),
      Map.entry("detenu", OqtfTerms.HOUSE_ARREST_OR_PRISON.name()),
      Map.entry("prison", OqtfTerms.HOUSE_ARREST_OR_PRISON.name()),
      Map.entry("retention", OqtfTerms.RETENTION_CENTRE.name()),
      Map.entry("centrederetention", OqtfTerms.RETENTION_CENTRE.name()));

  private static final Map<String, String> APPEALS = Map.ofEntries(
      Map.entry("recoursenannulation", AppealKind.COURT_APPEAL.name()),
      Map.entry("annulation", AppealKind.COURT_APPEAL.name()),
      Map.entry("recourscontentieux", AppealKind.COURT_APPEAL.name()),
      Map.entry("tribunaladministratif", AppealKind.COURT_APPEAL.name()),
      Map.entry("ta", AppealKind.COURT_APPEAL.name()),
      Map.entry("refere", AppealKind.SUSPENSION_REFERRAL.name()),
      Map.entry("referesuspension", AppealKind.SUSPENSION_REFERRAL.name()),
      Map.entry("referemesuresutiles", AppealKind.USEFUL_MEASURES_REFERRAL.name()),
      Map.entry("mesuresutiles", AppealKind.USEFUL_MEASURES_REFERRAL.name()),
      Map.entry("recoursgracieux", AppealKind.ADMINISTRATIVE_APPEAL.name()),
      Map.entry("gracieux", AppealKind.ADMINISTRATIVE_APPEAL.name()),
      Map.entry("recourshierarchique", AppealKind.ADMINISTRATIVE_APPEAL.name()),
      Map.entry("hierarchique", AppealKind.ADMINISTRATIVE_APPEAL.name()));

  /**
   * The blockages in the words the page and the alerts use ("compte bloqué", "aucune nouvelle de l'instruction"), also
   * without what follows them in brackets ("création de compte impossible"), and a few a help desk writes.
   */
  private static final Map<String, String> BLOCKAGES = blockages();

  private static Map<String, String> blockages() {
    Map<String, String> out = new HashMap<>();
    for (BlockageKind kind : BlockageKind.values()) {
      String words = CodeWording.FRENCH.of(kind);
      out.put(CsvColumns.normalize(words), kind.name());
      int bracket = words.indexOf(" (");
      if (bracket > 0) {
        out.put(CsvColumns.normalize(words.substring(0, bracket)), kind.name());
      }
    }
    out.put("numeroetrangernonreconnu", BlockageKind.ACCOUNT_CREATION_FAILED.name());
    out.put("pasdenouvelles", BlockageKind.NO_NEWS_IN_INSTRUCTION.name());
    out.put("aucunenouvelle", BlockageKind.NO_NEWS_IN_INSTRUCTION.name());
    out.put("apinonreconnue", BlockageKind.API_NOT_RECOGNISED_BY_THIRD_PARTY.name());
    out.put("cccinjoignable", BlockageKind.CCC_NO_ANSWER.name());
    out.put("autre", BlockageKind.OTHER.name());
    return Map.copyOf(out);
  }

  private CsvValues() {}

  /** dd/mm/yyyy (also d/m/yyyy and ISO yyyy-mm-dd); null when it is not a date. */
  static LocalDate date(String raw) {
    String text = raw.strip();
    LocalDate fast = DateText.french(text);
    if (fast == null) {
      fast = DateText.iso(text);
    }
    if (fast != null) {
      return fast;
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {FRENCH, FRENCH_SHORT, DateTimeFormatter.ISO_LOCAL_DATE}) {
      try {
        return LocalDate.parse(raw.strip(), f);
      } catch (DateTimeParseException e) {
        // next
      }
    }
    return null;
  }

  /** oui/non (also o/n, yes/no, true/false, 1/0); null otherwise. */
  static Boolean yesNo(String raw) {
    return switch (CsvColumns.normalize(raw)) {
      case "oui", "o", "yes", "y", "true", "vrai", "1", "x" -> true;
      case "non", "n", "no", "false", "faux", "0" -> false;
      default -> null;
    };
  }

  static String permitKind(String raw) {
    String key = CsvColumns.normalize(raw);
    return PERMITS.getOrDefault(key, raw.strip().toUpperCase());
  }

  /** accordé, refus, refus avec OQTF (or OQTF), or the code; the code as typed otherwise, for the API's own error. */
  static String decision(String raw) {
    String key = CsvColumns.normalize(raw);
    return DECISIONS.getOrDefault(key, raw.strip().toUpperCase());
  }

  /**
   * avec délai de départ (volontaire), sans délai (de départ), assignation à résidence, détention (or détenu,
   * prison), rétention (or centre de rétention), or the code; the code as typed otherwise, for the API's own error.
   */
  static String oqtfTerms(String raw) {
    String key = CsvColumns.normalize(raw);
    return OQTF_TERMS.getOrDefault(key, raw.strip().toUpperCase());
  }

  /**
   * recours en annulation (or contentieux, tribunal administratif), référé-suspension (or référé), référé mesures
   * utiles, recours gracieux or hiérarchique, or the code; the code as typed otherwise, for the API's own error.
   */
  static String appeal(String raw) {
    String key = CsvColumns.normalize(raw);
    return APPEALS.getOrDefault(key, raw.strip().toUpperCase());
  }

  /** The words a column of the sheet takes (besides the API's codes), as its errors name them. */
  static final Map<CsvColumns, String> WORDS = Map.of(
      CsvColumns.TYPE_TITRE, "carte temporaire, carte pluriannuelle, carte de résident, carte de résident UE, VLS-TS, "
          + "CRA, APS, récépissé, autre",
      CsvColumns.DEMARCHE, "renouvellement, première demande, changement de statut",
      CsvColumns.DECISION, "accordé, refus, refus avec OQTF",
      CsvColumns.CONDITIONS_OQTF, "avec délai de départ, sans délai, assignation à résidence, détention, rétention",
      CsvColumns.RECOURS_DEPOSE, "recours en annulation, référé-suspension, référé mesures utiles, recours gracieux, "
          + "recours hiérarchique",
      CsvColumns.BLOCAGE, Arrays.stream(BlockageKind.values()).map(CodeWording.FRENCH::of).collect(Collectors.joining(", ")));

  /** A blockage in the page's words (compte bloqué, aucune nouvelle de l'instruction…) or its code; as typed otherwise, for the API's own error. */
  static String blockage(String raw) {
    String key = CsvColumns.normalize(raw);
    return BLOCKAGES.getOrDefault(key, raw.strip().toUpperCase());
  }

  static String procedure(String raw) {
    String key = CsvColumns.normalize(raw);
    return PROCEDURES.getOrDefault(key, raw.strip().toUpperCase());
  }
}
