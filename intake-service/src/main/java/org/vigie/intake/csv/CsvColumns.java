package org.vigie.intake.csv;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an association's spreadsheet. Headers are matched without case, accents,
 * spaces, underscores, dashes or apostrophes, so "Date d'expiration", "date_expiration" and
 * "DATE EXPIRATION" are the same column. See README-csv.md.
 */
public enum CsvColumns {
  REFERENCE("reference", "ref", "numerodossier", "dossier"),
  NOM("nom", "nomprenom", "personne"),
  NUMERO_ETRANGER("numeroetranger", "agdref", "numeroagdref"),
  TELEPHONE("telephone", "tel"),
  TYPE_TITRE("typetitre", "titre", "typedetitre"),
  DATE_EXPIRATION("dateexpiration", "datedexpiration", "expirationtitre", "dateexpirationtitre", "datedexpirationdutitre", "finvalidite"),
  DEMARCHE("demarche", "procedure"),
  DEPARTEMENT("departement", "dept", "prefecture"),
  BENEVOLE("benevole", "benevolereferent", "suivipar"),
  SALARIE("salarie", "emploi", "enemploi"),
  ALLOCATIONS("allocations", "prestations", "caf"),
  DATE_OUVERTURE("dateouverture", "ouverture", "datedebutsuivi"),
  DATE_DEPOT("datedepot", "depot", "datedemande"),
  API_DELIVREE_LE("apidelivreele", "dateapi"),
  API_VALIDE_JUSQU_AU("apivalidejusquau", "finapi", "apijusquau"),
  BLOCAGE("blocage", "dysfonctionnement"),
  DECISION("decision", "decisionprefecture", "decisiondelaprefecture"),
  DATE_DECISION("datedecision", "datedeladecision", "decisionrecuele", "datenotification"),
  RECOURS_JUSQU_AU("recoursjusquau", "daterecours", "datelimiterecours", "delaiderecours"),
  CONDITIONS_OQTF("conditionsoqtf", "typeoqtf", "delaidedepart", "delaidedepartvolontaire"),
  RECOURS_DEPOSE("recoursdepose", "recours", "typederecours", "typerecours"),
  DATE_RECOURS_DEPOSE("daterecoursdepose", "recoursdeposele", "datedepotrecours", "datedudepotdurecours"),
  PROCHAIN_RDV("prochainrdv", "prochainrendezvous", "rdv", "rendezvous", "prochaineetape");

  private final List<String> aliases;

  CsvColumns(String... aliases) {
    this.aliases = List.of(aliases);
  }

  /** The column name as documented (lower case, underscores). */
  public String label() {
    return name().toLowerCase();
  }

  public static Optional<CsvColumns> match(String header) {
    String key = normalize(header);
    for (CsvColumns c : values()) {
      if (c.aliases.contains(key) || normalize(c.name()).equals(key)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static String normalize(String s) {
    String ascii = normalizeAscii(s);
    if (ascii != null) {
      return ascii;
    }
    String n = Normalizer.normalize(s.strip().toLowerCase(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.replaceAll("[^a-z0-9]", "");
  }

  /** The same as the general path for plain ASCII text (most values), without Normalizer and regexes; null otherwise. */
  private static String normalizeAscii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + ('a' - 'A')));
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Which column an API field came from, for the per-line report. */
  static final Map<String, CsvColumns> BY_API_FIELD = new LinkedHashMap<>();

  static {
    BY_API_FIELD.put("permit.kind", TYPE_TITRE);
    BY_API_FIELD.put("permit.expiresOn", DATE_EXPIRATION);
    BY_API_FIELD.put("permit", DATE_EXPIRATION);
    BY_API_FIELD.put("procedure", DEMARCHE);
    BY_API_FIELD.put("department", DEPARTEMENT);
    BY_API_FIELD.put("assignedVolunteerId", BENEVOLE);
    BY_API_FIELD.put("employed", SALARIE);
    BY_API_FIELD.put("receivesBenefits", ALLOCATIONS);
    BY_API_FIELD.put("openedOn", DATE_OUVERTURE);
    BY_API_FIELD.put("person.displayName", NOM);
    BY_API_FIELD.put("person.foreignerNumber", NUMERO_ETRANGER);
    BY_API_FIELD.put("person.phone", TELEPHONE);
  }
}
