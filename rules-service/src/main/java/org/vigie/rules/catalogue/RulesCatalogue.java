package org.vigie.rules.catalogue;

import java.util.Map;
import java.util.stream.Collectors;
import org.vigie.rules.rule.Rule;
import org.vigie.rules.rule.RuleDoc;
import org.vigie.rules.rule.RuleSets;

/** The rules catalogue (docs/rules.md), written from the rules themselves so it cannot drift from the code. */
public final class RulesCatalogue {
  private RulesCatalogue() {}

  public static String markdown(Iterable<Rule> rules) {
    StringBuilder md = new StringBuilder();
    md.append("# Vigie rules catalogue\n\n")
        .append("<!-- Generated from rules-service (RulesCatalogue); RulesCatalogueTest fails when this file is stale.\n")
        .append("     Regenerate: mvn -o test -pl rules-service -Dtest=RulesCatalogueTest -Dvigie.docs.update=true -->\n\n")
        .append("Each rule watches one way a person can lose a right while a residence-permit case is stuck in ANEF.\n")
        .append("Alerts help a volunteer act in time; they are **not** a binding computation of a legal deadline.\n")
        .append("Every alert carries the rule's legal reference, the date of the text version it encodes and the rule\n")
        .append("version, so an audit replay can tell which rule raised what.\n\n")
        .append("Severities: INFO (a window opens), WARNING (act soon), HIGH (act now), CRITICAL (a right is lost now).\n\n")
        .append("| rule | condition | timing | severity | reference | text version | rule version |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Rule rule : rules) {
      RuleDoc doc = rule.doc();
      md.append("| `").append(rule.id()).append("` | ").append(doc.condition()).append(" | ").append(doc.timing())
          .append(" | ").append(doc.severity()).append(" | ").append(rule.reference()).append(" | ")
          .append(rule.textVersionDate()).append(" | ").append(rule.version()).append(" |\n");
    }
    md.append("\n## Thresholds\n\n")
        .append("Defaults of DOMAIN.md. An association's coordinators override any of them, and disable rules, on\n")
        .append("the volunteers' page or with `PUT /api/v1/associations/{id}/settings` (intake, which refuses an unknown\n")
        .append("key or a value out of range and publishes the change). The rules read each association's\n")
        .append("`AssociationSettings` from `vigie.association-settings.v1` (key `RULE_ID.name`); the change\n")
        .append("re-evaluates its cases within a few ticks. Written to the topic by other means, unknown keys and\n")
        .append("negative values are ignored.\n\n")
        .append("| rule | thresholds (default) |\n|---|---|\n");
    for (Rule rule : rules) {
      md.append("| `").append(rule.id()).append("` | ").append(thresholds(rule.defaultThresholds())).append(" |\n");
    }
    md.append("\n## How alerts behave\n\n")
        .append("- **Episodes.** An alert is RAISED once per episode and RESOLVED when its condition ends. Its id is\n")
        .append("  `UUID.nameUUIDFromBytes(caseId|rule|episodeStart)`, and the episode start is computed from the case's\n")
        .append("  facts, so a replay, or the same events recorded in another order, gives the same ids. A condition that\n")
        .append("  comes back after its alert was resolved (a new request after a refusal, benefits received again) is a\n")
        .append("  new alert, never the resolved one raised again: its id adds how many alerts of its rule and episode\n")
        .append("  start were resolved on the case (`caseId|rule|episodeStart|n`), so its volunteer is told of it anew.\n")
        .append("  Each RESOLVED record says why (`resolution`): the situation ended, a refusal was recorded, the court\n")
        .append("  appeal the alert called for was recorded, the case is no longer followed, the rule was disabled, the\n")
        .append("  fact that raised it was corrected or withdrawn, or its deadline passed with nothing recorded (`lapsed`).\n")
        .append("- **Escalation.** When the severity of an open alert rises (e.g. `API_EXPIRING` from WARNING at −30 days to\n")
        .append("  HIGH at −7 days), RAISED is emitted again with the same alert id and the higher severity. A severity\n")
        .append("  that falls is not re-emitted.\n")
        .append("- **Hand-over.** When a case is given to another volunteer, every alert still open on it is RAISED again\n")
        .append("  with the same id, severity and dates and the new `assignedVolunteerId`: the volunteer now following the\n")
        .append("  case is told of it, takes it in hand and gets its reminders, instead of the former one.\n")
        .append("- **Updates.** An open alert whose deadline moves within its episode (a refusal corrected with the last day\n")
        .append("  the decision states, a shorter time set by the association) is RAISED again with the same id and severity\n")
        .append("  and the new deadline. So are the open alerts of `EMPLOYMENT_AT_RISK`, `BENEFITS_AT_RISK` and\n")
        .append("  `HEALTH_COVER_CLOSING` when a refusal is recorded, withdrawn or followed by a new request: their next steps\n")
        .append("  change (no API will come after a refusal: contest it; the aide médicale de l'État for health cover). No\n")
        .append("  new notification is sent for an update; the volunteer's list and the timeline show it.\n")
        .append("- **Compound cases.** A blockage open while the permit or API lapses within\n")
        .append("  `BLOCKAGE_UNRESOLVED.compoundLapseDays` days makes `RENEWAL_DEADLINE`, `PERMIT_EXPIRED_WITHOUT_API`,\n")
        .append("  `API_EXPIRING`, `API_EXPIRED`, `API_NOT_ISSUED` and `BLOCKAGE_UNRESOLVED` HIGH at least.\n")
        .append("- **Time.** Facts dated in the future count from their day. Each case is re-evaluated on the next day its\n")
        .append("  answer can change (start of that day, Europe/Paris), even if nothing is recorded again.\n")
        .append("- **Decisions.** A decision ends the instruction it answers: a grant with a new expiry date starts\n")
        .append("  watching the new permit; a refusal stops the instruction rules and opens `APPEAL_DEADLINE` for the\n")
        .append("  time to contest it (much shorter with an OQTF, by the terms its notification states: a month with a\n")
        .append("  voluntary departure period, seven days without one or under house arrest or in prison, 48 hours in a\n")
        .append("  retention centre; terms not recorded count as a month, the message telling the shorter times), while the rupture rules\n")
        .append("  (`EMPLOYMENT_AT_RISK`, `BENEFITS_AT_RISK`, `HEALTH_COVER_CLOSING`) keep watching, their next steps\n")
        .append("  turned from obtaining an API (none will come) to contesting the refusal, and for health cover to the\n")
        .append("  aide médicale de l'État. The decision's recorded date stands for its notification, from which the time\n")
        .append("  to contest runs.\n")
        .append("- **Appeals.** An appeal filed (`APPEAL_FILED`) before the administrative court, an annulment action or a\n")
        .append("  référé-suspension, on or after the day a rejection arose ends `APPEAL_DEADLINE` for that rejection, and\n")
        .append("  `IMPLICIT_REJECTION` once it arose; an appeal to the prefecture or a référé mesures utiles does not. A\n")
        .append("  later refusal opens its own time. An appeal to the prefecture (recours gracieux or hiérarchique) filed\n")
        .append("  within a two-month time to contest interrupts it (CRPA L.411-2): `APPEAL_DEADLINE` then runs to two months\n")
        .append("  after that appeal's implicit rejection (two months of silence, CRPA L.231-4), under the same alert; not with\n")
        .append("  an OQTF, nor for the year given when the receipt lacked the appeal routes. The prefecture's written answer\n")
        .append("  is recorded as a decision, which opens its own time.\n")
        .append("- **Closed or erased cases** raise nothing; their open alerts are resolved.\n")
        .append("- **Corrections.** An event recorded in error can be replaced (by the same kind of event with the right\n")
        .append("  content or date) or withdrawn. Its facts no longer count, the case is re-evaluated at once, and the alerts\n")
        .append("  follow: a withdrawn closure reopens the case, a corrected permit expiry moves the renewal alerts. A\n")
        .append("  volunteer assignment is not corrected (a new assignment replaces it), an erasure is final.\n")
        .append("- **Next steps** in every message: the CCC, the prefecture's point d'accueil numérique, a référé mesures\n")
        .append("  utiles (CJA L.521-3) before an implicit rejection or a référé-suspension (CJA L.521-1) after it, and\n")
        .append("  the Défenseur des droits in parallel; after a refusal, a lawyer or a legal help desk at once (an appeal\n")
        .append("  to the prefecture does not extend the time to contest an OQTF).\n\n")
        .append("## Rule sets\n\n")
        .append("A rule whose behaviour changes gets a new version; the rules in force before stay in an earlier set, which\n")
        .append("`vigie replay --rules-version NAME` replays the log with (a court asks what Vigie knew then). The\n")
        .append("rules service runs `").append(RuleSets.CURRENT).append("`.\n\n")
        .append("| set | changes |\n|---|---|\n");
    for (String name : RuleSets.names()) {
      md.append("| `").append(name).append("` | ").append(RuleSets.changes(name)).append(" |\n");
    }
    md.append("\nBackground: InfoMigrants, 5 May 2026, on the Conseil d'État's injunction to fix ANEF.\n");
    return md.toString();
  }

  private static String thresholds(Map<String, Integer> thresholds) {
    if (thresholds.isEmpty()) {
      return "none";
    }
    return thresholds.entrySet().stream().map(t -> "`" + t.getKey() + "` = " + t.getValue())
        .collect(Collectors.joining(", "));
  }
}
