package org.vigie.cli.demo;

import java.time.LocalDate;
import java.util.List;

/** The demo's stories, taken from DOMAIN.md's table of rules. */
public final class DemoScenarios {
  private DemoScenarios() {}

  public static List<Scenario> all(LocalDate today) {
    return List.of(
        Scenario.of("Titre expiré depuis 10 jours, renouvellement déposé à temps, aucune API délivrée",
                "Permit expired 10 days ago, renewal filed on time, no API issued",
                "PERMIT_EXPIRED_WITHOUT_API", today.minusDays(10))
            .event("SUBMISSION_RECORDED", today.minusDays(80), "procedure", "RENEWAL", "complete", "true")
            .build(),
        Scenario.of("API valable encore 20 jours, pas de renouvellement", "API valid 20 more days, not renewed",
                "API_EXPIRING", today.minusDays(40))
            .event("SUBMISSION_RECORDED", today.minusDays(100), "procedure", "RENEWAL", "complete", "true")
            .event("API_ISSUED", today.minusDays(40), "validUntil", today.plusDays(20).toString())
            .build(),
        Scenario.of("Compte ANEF bloqué depuis 20 jours", "ANEF account locked for 20 days",
                "BLOCKAGE_UNRESOLVED", today.plusDays(200))
            .event("BLOCKAGE_REPORTED", today.minusDays(20), "blockage", "ACCOUNT_LOCKED")
            .build(),
        Scenario.of("Trois appels au CCC sans réponse en un mois", "Three unanswered CCC calls within a month",
                "CCC_UNANSWERED", today.plusDays(200))
            .event("CCC_CONTACT_ATTEMPTED", today.minusDays(20), "channel", "PHONE", "outcome", "NO_ANSWER", "waitMinutes", "45")
            .event("CCC_CONTACT_ATTEMPTED", today.minusDays(10), "channel", "WEB_FORM", "outcome", "AUTOMATED_REPLY", "waitMinutes", "0")
            .event("CCC_CONTACT_ATTEMPTED", today.minusDays(2), "channel", "PHONE", "outcome", "NO_ANSWER", "waitMinutes", "60")
            .build(),
        Scenario.of("L'employeur refuse l'API de son salarié", "The employer refuses the employee's API",
                "EMPLOYMENT_AT_RISK", today.minusDays(5))
            .employed()
            .event("SUBMISSION_RECORDED", today.minusDays(90), "procedure", "RENEWAL", "complete", "true")
            .event("API_ISSUED", today.minusDays(5), "validUntil", today.plusDays(85).toString())
            .event("EMPLOYER_REFUSED_API", today.minusDays(1))
            .build(),
        Scenario.of("Titre expirant dans 100 jours, rien déposé", "Permit expiring in 100 days, nothing filed",
                "RENEWAL_WINDOW_OPEN", today.plusDays(100))
            .build(),
        Scenario.of("API saisie avec une fausse date de fin, corrigée : elle expire dans 20 jours",
                "API recorded with a wrong end date, corrected: it expires in 20 days",
                "API_EXPIRING", today.minusDays(20))
            .event("SUBMISSION_RECORDED", today.minusDays(100), "procedure", "RENEWAL", "complete", "true")
            .event("API_ISSUED", today.minusDays(5), "validUntil", today.plusDays(80).toString())
            .correctedAs(today.minusDays(5), "validUntil", today.plusDays(20).toString())
            .build(),
        Scenario.of("Refus avec obligation de quitter le territoire (OQTF) sans délai de départ volontaire reçu il y a 3 "
                + "jours : sept jours pour la contester",
                "Refusal with an obligation to leave France (OQTF) without a voluntary departure period received 3 days "
                + "ago: seven days to contest it",
                "APPEAL_DEADLINE", today.minusDays(30))
            .raised()
            .event("SUBMISSION_RECORDED", today.minusDays(150), "procedure", "RENEWAL", "complete", "true")
            .event("DECISION_RECEIVED", today.minusDays(3), "decision", "REFUSED_WITH_OQTF", "oqtfTerms",
                "NO_DEPARTURE_PERIOD")
            .build(),
        Scenario.of("OQTF notifiée en rétention il y a 4 jours, enregistrée aujourd'hui : ses 48 heures pour la contester "
                + "sont passées",
                "OQTF notified in a retention centre 4 days ago, recorded today: its 48 hours to contest it are over",
                "APPEAL_DEADLINE", today.minusDays(30))
            .raised()
            .event("SUBMISSION_RECORDED", today.minusDays(60), "procedure", "RENEWAL", "complete", "true")
            .event("DECISION_RECEIVED", today.minusDays(4), "decision", "REFUSED_WITH_OQTF", "oqtfTerms",
                "RETENTION_CENTRE")
            .build(),
        Scenario.of("Refus reçu il y a 20 jours, recours en annulation déposé hier : le délai n'est plus à surveiller",
                "Refusal received 20 days ago, annulment action filed yesterday: the time to appeal needs no more watching",
                "APPEAL_DEADLINE", today.minusDays(30))
            .resolved()
            .event("SUBMISSION_RECORDED", today.minusDays(150), "procedure", "RENEWAL", "complete", "true")
            .event("DECISION_RECEIVED", today.minusDays(20), "decision", "REFUSED")
            .event("APPEAL_FILED", today.minusDays(1), "appeal", "COURT_APPEAL")
            .build(),
        Scenario.of("Demande déposée il y a sept mois, sans décision ni recours : le rejet implicite est devenu définitif",
                "Request filed seven months ago, no decision and no appeal: the implicit rejection has become final",
                "IMPLICIT_REJECTION", today.minusMonths(7).plusDays(70))
            .raised()
            .saying("le rejet est devenu définitif")
            .event("SUBMISSION_RECORDED", today.minusMonths(7), "procedure", "RENEWAL", "complete", "true")
            .build());
  }
}
