package org.vigie.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.notifier.alert.AlertView;
import org.vigie.notifier.directory.Contact;
import org.vigie.notifier.ledger.LedgerRow;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.Resolution;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.VolunteerRole;
import org.vigie.schemas.WebhookFormat;

class MessageComposerTest {
  private static final String CASE_ID = "3f9a1c2b-7d4e-4a61-9b0f-2c5d8e7a1f00";
  private final MessageComposer composer = new MessageComposer();

  @Test
  void casesOpenedInTheSameMinuteHaveDifferentReferences() {
    // intake's case ids are time-ordered (UUID version 7): ids made in the same minute share their first digits
    String first = "019ac3f2-5b10-7a41-9b0f-2c5d8e7a1f00";
    String second = "019ac3f2-5b10-7c02-8e11-64a09b33c5d7";
    String[] refs = {viewOf(first).shortCaseReference(), viewOf(second).shortCaseReference()};
    assertThat(refs[0]).isEqualTo("8E7A1F00").isNotEqualTo(refs[1]);
    assertThat(refs[1]).isEqualTo("9B33C5D7");
  }

  private static AlertView viewOf(String caseId) {
    return viewOf(caseId, "L'API expire bientôt.");
  }

  private static AlertView viewOf(String caseId, String messageFr) {
    return new AlertView("alert-1", caseId, "asso-1", RuleId.API_EXPIRING, Severity.WARNING,
        Instant.parse("2026-11-20T09:00:00Z"), LocalDate.parse("2026-12-01"), "vol-1", "CESEDA R.431-15-1", "2",
        messageFr, "The API expires soon.", null, null, null, 0);
  }

  private static Notice notice(NotificationKind kind, String messageFr) {
    AlertView alert = viewOf(CASE_ID, messageFr);
    LedgerRow row = new LedgerRow(1, "alert-1|ALERT|0|EMAIL|vol-1", "alert-1", kind, 0, NotificationChannel.EMAIL, "vol-1",
        VolunteerRole.VOLUNTEER, "PENDING", 0, false, Instant.parse("2026-11-26T10:00:00Z"), null);
    Contact contact = new Contact("vol-1", "asso-1", "Amina", VolunteerRole.VOLUNTEER, "a@x.test", null, null, true,
        ZoneId.of("Europe/Paris"), null, null, false, "fr", WebhookFormat.STANDARD, null, null);
    return new Notice(row, contact, List.of(new Notice.Item(alert, "https://vigie.example/ack/TOKEN",
        Instant.parse("2026-12-26T10:00:00Z"))), Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Test
  void aNameInAChatTextCannotMentionTheChannelNorWriteALink() {
    Notice base = notice(NotificationKind.ALERT, "L'API expire bientôt.");
    Notice.Item item = base.items().get(0);
    String name = "Camille <!channel> <https://evil.example/ack|Accuser réception> [Accuser](https://evil.example) @all";
    Notice standIn = new Notice(base.row(), base.recipient(), List.of(new Notice.Item(item.alert(), item.ackUrl(),
        item.ackExpiresAt(), false, new Notice.StandIn(name, LocalDate.parse("2026-12-10")))), base.at());

    assertThat(composer.chatText(standIn))
        .contains("à la place de Camille ‹!channel› ‹https://evil.example/ack|Accuser réception› (Accuser)(https://evil.example) ＠all,")
        .doesNotContain("<!channel>", "<https://evil", "](", "@all");
    Rendered mail = composer.render(standIn);
    assertThat(mail.text()).as("a mail shows the name as typed").contains("à la place de " + name);
    assertThat(mail.html()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
  }

  @Test
  void aDeadlineBeforeTheNoticesDayIsSaidToBePast() {
    Notice ahead = notice(NotificationKind.ALERT, "L'API expire bientôt.");
    assertThat(composer.render(ahead).text()).contains("Échéance\u00A0: 1er décembre 2026\n").contains("Deadline: 1 December 2026\n")
        .doesNotContain("passée", "(passed)");
    Notice.Item item = ahead.items().get(0);
    AlertView a = item.alert();
    AlertView over = new AlertView(a.alertId(), a.caseId(), a.associationId(), RuleId.APPEAL_DEADLINE, Severity.CRITICAL,
        a.raisedAt(), LocalDate.parse("2026-11-24"), a.assignedVolunteerId(), a.reference(), "6",
        "Le délai pour la contester a pris fin le 24 novembre 2026.", "The time to contest it ended on 24 November 2026.",
        null, null, null, 0);
    Notice late = new Notice(ahead.row(), ahead.recipient(), List.of(new Notice.Item(over, item.ackUrl(),
        item.ackExpiresAt())), ahead.at());
    Rendered r = composer.render(late);
    assertThat(r.text()).contains("Échéance\u00A0: 24 novembre 2026 (passée)\n").contains("Deadline: 24 November 2026 (passed)\n");
    assertThat(r.html()).contains("24 novembre 2026 (passée)");
    assertThat(composer.chatText(late)).contains(" · échéance 24 novembre 2026 (passée)");
    assertThat(composer.webhookPayload(late, "msg_1").toString()).contains("deadline=2026-11-24")
        .doesNotContain("passée");
  }

  @Test
  void aDeadlineAlreadyBehindWhenTheAlertWasRaisedIsNotToldAsATimeMissed() {
    // the employer's refusal of the API on 24 November, recorded on the 26th: the alert is raised that day, its deadline
    // the day the refusal began
    AlertView a = viewOf(CASE_ID);
    AlertView employment = new AlertView(a.alertId(), a.caseId(), a.associationId(), RuleId.EMPLOYMENT_AT_RISK,
        Severity.CRITICAL, Instant.parse("2026-11-26T09:58:00Z"), LocalDate.parse("2026-11-24"), a.assignedVolunteerId(),
        "CESEDA R.431-15-2, L.433-3", "1", "L'employeur refuse l'API depuis le 24 novembre 2026.",
        "The employer has refused the API since 24 November 2026.", null, null, null, 0);
    String nb = "\u00A0";
    for (NotificationKind kind : List.of(NotificationKind.ALERT, NotificationKind.REMINDER, NotificationKind.ESCALATION)) {
      Notice told = withAlert(notice(kind, "x"), employment);
      Rendered r = composer.render(told);
      assertThat(r.text()).as("%s", kind)
          .contains("Échéance" + nb + ": 24 novembre 2026 (antérieure à l'alerte" + nb + ": la situation est déjà en cours)\n")
          .contains("Deadline: 24 November 2026 (before the alert was raised: the situation is already under way)\n")
          .doesNotContain("passée", "(passed)");
      assertThat(r.html()).as("%s", kind).contains("24 novembre 2026 (antérieure à l&#39;alerte" + nb + ": la situation");
      assertThat(composer.chatText(told)).as("%s", kind)
          .contains(" · échéance 24 novembre 2026 (antérieure à l'alerte : la situation est déjà en cours)");
    }
    // its resolution notice: the situation is over, the day is passed
    AlertView resolved = new AlertView(employment.alertId(), employment.caseId(), employment.associationId(),
        employment.rule(), employment.severity(), employment.raisedAt(), employment.deadline(),
        employment.assignedVolunteerId(), employment.reference(), employment.ruleVersion(), "Alerte résolue.",
        "Alert resolved.", null, null, Instant.parse("2026-11-26T09:00:00Z"), 0, Resolution.SITUATION_ENDED);
    assertThat(composer.render(withAlert(notice(NotificationKind.RESOLVED_NOTICE, "x"), resolved)).text())
        .contains("Échéance" + nb + ": 24 novembre 2026 (passée)\n").doesNotContain("antérieure");
    // raised on the day of its deadline (00:30 in Paris on the 24th), reminded two days later: that day passed
    AlertView onTheDay = new AlertView(employment.alertId(), employment.caseId(), employment.associationId(),
        employment.rule(), employment.severity(), Instant.parse("2026-11-23T23:30:00Z"), employment.deadline(),
        employment.assignedVolunteerId(), employment.reference(), employment.ruleVersion(), employment.messageFr(),
        employment.messageEn(), null, null, null, 0);
    assertThat(composer.render(withAlert(notice(NotificationKind.REMINDER, "x"), onTheDay)).text())
        .contains("Échéance" + nb + ": 24 novembre 2026 (passée)\n", "Deadline: 24 November 2026 (passed)\n")
        .doesNotContain("antérieure");
  }

  private static Notice withAlert(Notice n, AlertView alert) {
    Notice.Item item = n.items().get(0);
    return new Notice(n.row(), n.recipient(), List.of(new Notice.Item(alert, item.ackUrl(), item.ackExpiresAt())), n.at());
  }

  @Test
  void anAlertOfACaseJustHandedOverSaysSoBeforeItsMessage() {
    Notice plain = notice(NotificationKind.ALERT, "L'API expire bientôt.");
    Notice.Item item = plain.items().get(0);
    Notice handedOver = new Notice(plain.row(), plain.recipient(),
        List.of(new Notice.Item(item.alert(), item.ackUrl(), item.ackExpiresAt(), true)), plain.at());

    Rendered r = composer.render(handedOver);

    assertThat(r.text()).contains("Ce dossier vient de vous être confié\u00A0: cette alerte y était déjà ouverte.\nL'API expire bientôt.")
        .contains("This case has just been handed over to you: this alert was already open on it.");
    assertThat(r.html()).contains("Ce dossier vient de vous être confié");
    assertThat(composer.webhookPayload(handedOver, "msg_1").toString()).contains("handedOver=true");
    assertThat(composer.render(plain).text()).doesNotContain("confié", "handed over");
    assertThat(composer.webhookPayload(plain, "msg_1").toString()).contains("handedOver=false");
  }

  @Test
  void anAlertWhoseDeadlinePassedIsNotGoodNews() {
    Notice resolved = notice(NotificationKind.RESOLVED_NOTICE, "Alerte résolue : la situation a pris fin.");
    AlertView ran = resolved.items().get(0).alert();
    AlertView lapsedAlert = new AlertView(ran.alertId(), ran.caseId(), ran.associationId(), ran.rule(), ran.severity(),
        ran.raisedAt(), ran.deadline(), ran.assignedVolunteerId(), ran.reference(), ran.ruleVersion(),
        "Alerte close : son échéance est passée.", "Alert closed: its deadline passed.", null, null,
        Instant.parse("2026-12-02T05:00:00Z"), 0, Resolution.DEADLINE_PASSED);
    Notice lapsed = new Notice(resolved.row(), resolved.recipient(),
        List.of(new Notice.Item(lapsedAlert, null, null)), resolved.at());

    Rendered r = composer.render(lapsed);

    assertThat(r.subject()).startsWith("[Vigie] Échéance passée · ").contains("/ deadline passed, ").doesNotContain("Résolu");
    assertThat(r.text()).contains("L'échéance de cette alerte est passée sans que rien de ce qui l'aurait résolue ait été"
        + " enregistré\u00A0: un droit a pu être perdu.", "a right may have been lost").doesNotContain("Bonne nouvelle", "Good news");
    assertThat(composer.chatText(lapsed)).contains("un droit a pu être perdu").doesNotContain("Bonne nouvelle");
    assertThat(composer.webhookPayload(lapsed, "msg_1").toString()).contains("lapsed=true");
    // with an alert resolved by what was recorded, in one message: neither good news nor a loss for both
    Notice both = new Notice(resolved.row(), resolved.recipient(),
        List.of(resolved.items().get(0), new Notice.Item(lapsedAlert, null, null)), resolved.at());
    assertThat(composer.render(both).subject()).startsWith("[Vigie] Closes · ");
    assertThat(composer.render(both).text()).contains("chacune pour la raison dite ci-dessous", "un droit a pu être perdu",
        "each for the reason given below").doesNotContain("Bonne nouvelle");
    assertThat(composer.render(resolved).text()).contains("La situation qui avait déclenché cette alerte a pris fin.");
  }

  @Test
  void aResolutionNoticeSaysWhyTheAlertEnded() {
    Notice resolved = notice(NotificationKind.RESOLVED_NOTICE, "Alerte close.");
    AlertView ran = resolved.items().get(0).alert();
    Map<Resolution, String> said = Map.of(
        Resolution.REQUEST_REFUSED, "Cette alerte est close\u00A0: un refus a été enregistré. Les alertes ouvertes par le refus"
            + " disent ce qui reste à faire.",
        Resolution.APPEAL_FILED, "Cette alerte est close\u00A0: le recours devant le tribunal administratif a été enregistré.",
        Resolution.CASE_CLOSED, "Cette alerte est close\u00A0: le dossier n'est plus suivi.",
        Resolution.RULE_DISABLED, "Cette alerte est close\u00A0: votre association a désactivé la règle qui l'avait déclenchée.",
        Resolution.FACT_CORRECTED, "Cette alerte est close\u00A0: le fait qui l'avait déclenchée a été corrigé ou retiré (saisi"
            + " par erreur).",
        // not "good news": a situation that ended may be a job lost
        Resolution.SITUATION_ENDED, "La situation qui avait déclenché cette alerte a pris fin.");
    said.forEach((why, intro) -> {
      Notice one = new Notice(resolved.row(), resolved.recipient(), List.of(new Notice.Item(closed(ran, why), null, null)),
          resolved.at());
      Rendered r = composer.render(one);
      assertThat(r.text()).as("%s", why).contains(intro);
      assertThat(r.subject()).as("%s", why)
          .startsWith(why == Resolution.SITUATION_ENDED ? "[Vigie] Résolu · " : "[Vigie] Close · ");
      assertThat(r.text() + composer.chatText(one)).as("%s", why).doesNotContain("Bonne nouvelle", "Good news");
      assertThat(composer.webhookPayload(one, "msg_1").toString()).contains("resolution=" + why.name());
    });
    Notice two = new Notice(resolved.row(), resolved.recipient(), List.of(
        new Notice.Item(closed(ran, Resolution.REQUEST_REFUSED), null, null),
        new Notice.Item(closed(ran, Resolution.REQUEST_REFUSED), null, null)), resolved.at());
    assertThat(composer.render(two).text()).contains("Ces 2 alertes sont closes\u00A0: un refus a été enregistré.",
        "These 2 alerts are closed: a refusal was recorded.");
    assertThat(composer.render(two).subject()).startsWith("[Vigie] Closes · ");
  }

  private static AlertView closed(AlertView a, Resolution why) {
    return new AlertView(a.alertId(), a.caseId(), a.associationId(), a.rule(), a.severity(), a.raisedAt(), a.deadline(),
        a.assignedVolunteerId(), a.reference(), a.ruleVersion(), "Alerte close.", "Alert closed.", null, null,
        Instant.parse("2026-12-02T05:00:00Z"), 0, why);
  }

  @Test
  void frenchComesFirstThenEnglishAndTheRuleIsNamed() {
    Rendered r = composer.render(notice(NotificationKind.ALERT, "L'API expire bientôt."));
    assertThat(r.subject()).isEqualTo("[Vigie] Avertissement · API bientôt expirée · dossier 8E7A1F00 / warning · "
        + "API expiring · case 8E7A1F00 [API_EXPIRING]");
    assertThat(r.text().indexOf("Bonjour")).isLessThan(r.text().indexOf("Hello"));
    assertThat(r.text()).contains("L'API expire bientôt.").contains("The API expires soon.")
        .contains("Échéance\u00A0: 1er décembre 2026").contains("Règle\u00A0: API bientôt expirée — API_EXPIRING (CESEDA R.431-15-1")
        .contains("Rule: API expiring — API_EXPIRING (CESEDA R.431-15-1").contains("Deadline: 1 December 2026").contains("https://vigie.example/ack/TOKEN")
        .contains("26 décembre 2026");
    assertThat(r.html()).startsWith("<!DOCTYPE html>").contains("lang=\"fr\"").contains("href=\"https://vigie.example/ack/TOKEN\"");
  }

  @Test
  void aVolunteerWhoChoseEnglishReadsEnglishFirst() {
    Notice french = notice(NotificationKind.ALERT, "L'API expire bientôt.");
    Contact c = french.recipient();
    Contact english = new Contact(c.volunteerId(), c.associationId(), c.displayName(), c.role(), c.email(), c.webhookUrl(),
        c.webhookSecret(), c.active(), c.timeZone(), c.quietStartMinute(), c.quietEndMinute(), c.dailyDigest(), "en", c.webhookFormat(),
        c.absentUntil(), c.substituteVolunteerId());
    Rendered r = composer.render(new Notice(french.row(), english, french.items(), french.at()));
    assertThat(r.subject()).isEqualTo("[Vigie] warning · API expiring · case 8E7A1F00 / Avertissement · API bientôt expirée"
        + " · dossier 8E7A1F00 [API_EXPIRING]");
    assertThat(r.text()).startsWith("Hello,").contains("-- Français --").contains("Severity: Warning");
    assertThat(r.text().indexOf("Hello")).isLessThan(r.text().indexOf("Bonjour"));
    assertThat(r.html()).contains("<html lang=\"en\"");
    assertThat(r.html().indexOf("lang=\"en\"><p>Hello")).isLessThan(r.html().indexOf("lang=\"fr\"><p>Bonjour"));
  }

  @Test
  void aDigestGivesTheMostSevereFirstAndTheAlertsAreApart() {
    Notice one = notice(NotificationKind.DIGEST, "L'API expire bientôt.");
    AlertView info = new AlertView("alert-4", CASE_ID, "asso-1", RuleId.RENEWAL_WINDOW_OPEN, Severity.INFO,
        Instant.parse("2026-11-20T09:00:00Z"), LocalDate.parse("2027-01-15"), "vol-1", "CESEDA R.431-5", "1",
        "La fenêtre de renouvellement est ouverte.", "The renewal window is open.", null, null, null, 0);
    Notice digest = new Notice(one.row(), one.recipient(), List.of(new Notice.Item(info, null, null), one.items().get(0)), one.at());
    assertThat(composer.render(digest).subject())
        .isEqualTo("[Vigie] Récapitulatif du 26 novembre 2026 · Avertissement · 2 alertes / Daily digest of 26 November 2026 · warning · 2 alerts");
    String text = composer.render(digest).text();
    assertThat(text.indexOf("Avertissement")).as("the warning before the information").isLessThan(text.indexOf("Information"));
    assertThat(text).as("an empty line after each alert, with or without a link").contains("jusqu'au 26 décembre 2026)\n\nDossier\u00A0: ");
  }

  @Test
  void theFrenchKeepsItsPunctuationWithTheWordBeforeInHtmlAndPlainText() {
    Rendered r = composer.render(notice(NotificationKind.ALERT, "Délai : « un mois » ; agir vite ! Pourquoi ?"));
    String french = r.html().substring(r.html().indexOf("<div lang=\"fr\">"), r.html().indexOf("<div lang=\"en\">"));
    assertThat(french).contains("Délai\u00A0: «\u00A0un mois\u00A0»\u00A0; agir vite\u00A0! Pourquoi\u00A0?")
        .doesNotContain(" :", " ;", " !", " ?", "« ", " »");
    assertThat(r.html()).contains("style=\"font-family:sans-serif\"");
    String text = r.text();
    String frenchText = text.substring(0, text.indexOf("-- English --"));
    assertThat(frenchText).contains("Délai\u00A0: «\u00A0un mois\u00A0»\u00A0; agir vite\u00A0! Pourquoi\u00A0?",
            "Dossier\u00A0: 8E7A1F00\n", "Accuser réception\u00A0: https://vigie.example/ack/TOKEN (lien",
            "Ces alertes aident à agir à temps\u00A0; elles")
        .doesNotContain(" :", " ;", " !", " ?", "« ", " »");
    assertThat(text.substring(text.indexOf("-- English --"))).as("English as English is printed")
        .contains("Case: 8E7A1F00", "Acknowledge: https://vigie.example/ack/TOKEN").doesNotContain("\u00A0");
    assertThat(composer.chatText(notice(NotificationKind.ALERT, "Délai : un mois."))).as("a chat's text as written")
        .contains("Délai : un mois.");
  }

  /** Two rules' texts as the rules service writes them: what happened, the next steps, the caution that ends all. */
  private static final String STEPS_FR = "Relancer le Centre de contact citoyen (CCC, formulaire ou téléphone) et se rendre"
      + " au point d'accueil numérique de la préfecture ; saisir en parallèle le Défenseur des droits. Sans réponse, un"
      + " avocat ou l'association peut saisir le tribunal administratif d'un référé mesures utiles (CJA L.521-3).";
  private static final String STEPS_EN = "Chase the Centre de contact citoyen (CCC, web form or phone) and go to the"
      + " prefecture's point d'accueil numérique; in parallel, refer the case to the Défenseur des droits. Without an"
      + " answer, a lawyer or the association can ask the administrative court for a référé mesures utiles (CJA L.521-3).";
  private static final String CAUTION_FR = org.vigie.schemas.wording.Disclaimer.FRENCH;
  private static final String CAUTION_EN = org.vigie.schemas.wording.Disclaimer.ENGLISH;
  private static final String WITHOUT_CCC_FR = "Se rendre au point d'accueil numérique de la préfecture, en gardant la trace"
      + " des tentatives auprès du CCC (dates, captures d'écran) ; saisir en parallèle le Défenseur des droits.";

  private static AlertView ruleAlert(String id, RuleId rule, Severity severity, String caseId, String fr, String en) {
    return new AlertView(id, caseId, "asso-1", rule, severity, Instant.parse("2026-11-20T09:00:00Z"),
        LocalDate.parse("2026-12-01"), "vol-1", "CESEDA R.431-15-1", "1", fr, en, null, null, null, 0);
  }

  /** A French text as the mails print it: a non-breaking space before : and ; (the only marks these texts hold). */
  private static String printed(String french) {
    return french.replace(" :", "\u00A0:").replace(" ;", "\u00A0;");
  }

  private static int count(String in, String what) {
    int n = 0;
    for (int at = in.indexOf(what); at >= 0; at = in.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void aMailAboutSeveralAlertsSaysTheNextStepsAndTheCautionTheyShareOnceAfterThem() {
    AlertView expired = ruleAlert("alert-1", RuleId.API_EXPIRED, Severity.CRITICAL, CASE_ID,
        "L'attestation de prolongation d'instruction (API) n'est plus valable depuis le 1 décembre 2026 et aucune"
            + " nouvelle API n'a été délivrée : rupture du droit au séjour, au travail et aux prestations. " + STEPS_FR + " "
            + CAUTION_FR,
        "The API (attestation de prolongation d'instruction) lapsed on 1 December 2026 and no new API was issued: the"
            + " rights to stay, to work and to benefits are broken. " + STEPS_EN + " " + CAUTION_EN);
    AlertView blocked = ruleAlert("alert-2", RuleId.BLOCKAGE_UNRESOLVED, Severity.HIGH, "019ac3f2-5b10-7c02-8e11-64a09b33c5d7",
        "Blocage ANEF « Compte bloqué » signalé le 2 novembre 2026 et toujours pas résolu. " + STEPS_FR + " " + CAUTION_FR,
        "ANEF blockage \"Account locked\" reported on 2 November 2026 is still unresolved. " + STEPS_EN + " " + CAUTION_EN);
    AlertView ccc = ruleAlert("alert-3", RuleId.CCC_UNANSWERED, Severity.WARNING, CASE_ID,
        "Au moins 3 tentatives de contact avec le Centre de contact citoyen (CCC) en moins de 30 jours, sans résolution :"
            + " seuil atteint le 18 novembre 2026. Une alternative non numérique est due (Conseil d'État, 3 juin 2022) :"
            + " demander un rendez-vous en préfecture par écrit. " + WITHOUT_CCC_FR + " " + CAUTION_FR,
        "At least 3 attempts to reach the Centre de contact citoyen (CCC) within 30 days, without resolution: threshold"
            + " reached on 18 November 2026. A non-digital alternative is owed. " + CAUTION_EN);
    Notice one = notice(NotificationKind.ALERT, "x");
    Notice three = new Notice(one.row(), one.recipient(), List.of(new Notice.Item(expired, "https://vigie.example/ack/A",
        one.items().get(0).ackExpiresAt()), new Notice.Item(blocked, "https://vigie.example/ack/B",
        one.items().get(0).ackExpiresAt()), new Notice.Item(ccc, "https://vigie.example/ack/C",
        one.items().get(0).ackExpiresAt())), one.at());

    Rendered r = composer.render(three);

    String text = r.text();
    String fr = text.substring(0, text.indexOf("-- English --"));
    String en = text.substring(text.indexOf("-- English --"));
    String nb = "\u00A0";
    String stepsFr = printed(STEPS_FR);
    String cautionFr = printed(CAUTION_FR);
    assertThat(count(fr, stepsFr)).as("the steps two alerts share, once").isOne();
    assertThat(count(fr, cautionFr)).as("the caution all three end with, once").isOne();
    assertThat(count(en, STEPS_EN)).isOne();
    assertThat(count(en, CAUTION_EN)).isOne();
    // each alert keeps what happened and what is its own, and says where the rest is
    assertThat(fr).contains("rupture du droit au séjour, au travail et aux prestations.\nSuite" + nb + ": voir A et B après les"
            + " alertes.\n", "toujours pas résolu.\nSuite" + nb + ": voir A et B après les alertes.\n",
        "par écrit. " + printed(WITHOUT_CCC_FR) + "\nSuite" + nb + ": voir B après les alertes.\n")
        .contains("Commun à plusieurs alertes ci-dessus" + nb + ":\n\nA. " + stepsFr + "\n\nB. " + cautionFr + "\n\n");
    assertThat(fr.indexOf("Commun à plusieurs alertes")).as("after the alerts").isGreaterThan(fr.lastIndexOf("Accuser réception"));
    assertThat(en).contains("benefits are broken.\nContinued: see A and B after the alerts.\n",
        "A non-digital alternative is owed.\nContinued: see B after the alerts.\n",
        "Common to several alerts above:\n\nA. " + STEPS_EN + "\n\nB. " + CAUTION_EN);
    String html = r.html();
    String htmlFr = html.substring(html.indexOf("<div lang=\"fr\">"), html.indexOf("<div lang=\"en\">"));
    assertThat(count(htmlFr, MessageComposer.esc(stepsFr))).isOne();
    assertThat(count(htmlFr, MessageComposer.esc(cautionFr))).isOne();
    assertThat(htmlFr).contains("<br>Suite" + nb + ": voir A et B après les alertes.</p>",
        "<p><strong>A.</strong> " + MessageComposer.esc(stepsFr) + "</p>");
    assertThat(count(html, MessageComposer.esc(CAUTION_EN))).isOne();
    // the rules' caution ends every alert's text: the mail does not add its own, which says the same
    assertThat(count(fr, "calcul juridique opposable")).as("one caution in the French text").isOne();
    assertThat(count(en, "binding legal computation")).as("one caution in the English text").isOne();
    assertThat(count(htmlFr, "calcul juridique opposable")).isOne();

    // a team chat's text: the same, in the recipient's language
    String chat = composer.chatText(three);
    assertThat(count(chat, STEPS_FR)).as("the steps two alerts share, once in the chat").isOne();
    assertThat(count(chat, CAUTION_FR)).as("the caution, once in the chat").isOne();
    assertThat(chat).contains("aux prestations.\nSuite : voir A et B après les alertes.\n",
            "par écrit. " + WITHOUT_CCC_FR + "\nSuite : voir B après les alertes.\n")
        .endsWith("Commun à plusieurs alertes ci-dessus :\n\nA. " + STEPS_FR + "\n\nB. " + CAUTION_FR + "\n");
    assertThat(composer.chatText(new Notice(one.row(), one.recipient(), List.of(three.items().get(0)), one.at())))
        .as("one alert's text whole").contains(STEPS_FR + " " + CAUTION_FR + "\n").doesNotContain("Suite : voir", "Commun à");

    // one alert: its text whole
    Rendered alone = composer.render(new Notice(one.row(), one.recipient(), List.of(three.items().get(0)), one.at()));
    assertThat(alone.text()).contains(stepsFr + " " + cautionFr + "\n").doesNotContain("Suite" + nb + ": voir", "Commun à",
        "Continued: see");
  }

  @Test
  void whatTwoAlertsHappenToSayAlikeStaysWithEach() {
    // two cases whose permits expired the same day: the same words, each alert keeps them
    String same = "Le titre de séjour a expiré le 1 décembre 2026 sans demande de renouvellement : la personne n'a plus de"
        + " droit au séjour. Déposer la demande sur l'ANEF immédiatement.";
    AlertView first = ruleAlert("alert-1", RuleId.RENEWAL_DEADLINE, Severity.CRITICAL, CASE_ID, same + " " + CAUTION_FR,
        "x. " + CAUTION_EN);
    AlertView second = ruleAlert("alert-2", RuleId.RENEWAL_DEADLINE, Severity.CRITICAL, "019ac3f2-5b10-7c02-8e11-64a09b33c5d7",
        same + " " + CAUTION_FR, "x. " + CAUTION_EN);
    Notice one = notice(NotificationKind.REMINDER, "x");
    Rendered r = composer.render(new Notice(one.row(), one.recipient(), List.of(new Notice.Item(first, null, null),
        new Notice.Item(second, null, null)), one.at()));
    String fr = r.text().substring(0, r.text().indexOf("-- English --"));
    String firstSentence = printed(same.substring(0, same.indexOf(" Déposer")));
    assertThat(count(fr, firstSentence)).as("what happened, with each alert").isEqualTo(2);
    assertThat(count(fr, printed(CAUTION_FR))).isOne();
  }

  @Test
  void theStoodInVolunteersNameIsElidedBeforeAVowel() {
    assertThat(MessageComposer.ofName("Alix")).isEqualTo("d'Alix");
    assertThat(MessageComposer.ofName("Hélène")).isEqualTo("d'Hélène");
    assertThat(MessageComposer.ofName("Élodie")).isEqualTo("d'Élodie");
    assertThat(MessageComposer.ofName("Camille")).isEqualTo("de Camille");
  }

  @Test
  void anEscalationOfSeveralAlertsCountsThemAndGivesTheWorstSeverity() {
    Notice one = notice(NotificationKind.ESCALATION, "L'API expire bientôt.");
    AlertView sameCase = viewOf(CASE_ID, "Le titre a expiré.");
    AlertView critical = new AlertView("alert-3", "019ac3f2-5b10-7c02-8e11-64a09b33c5d7", "asso-1", RuleId.API_EXPIRED,
        Severity.CRITICAL, Instant.parse("2026-11-20T09:00:00Z"), LocalDate.parse("2026-11-30"), "vol-1", "CESEDA R.431-15-1",
        "1", "L'API a expiré.", "The API expired.", null, null, null, 0);
    Notice several = new Notice(one.row(), one.recipient(), List.of(new Notice.Item(critical, "https://vigie.example/ack/A",
        Instant.parse("2026-12-26T10:00:00Z")), one.items().get(0), new Notice.Item(sameCase, "https://vigie.example/ack/C",
        Instant.parse("2026-12-26T10:00:00Z"))), one.at());

    Rendered r = composer.render(several);

    assertThat(r.subject()).isEqualTo("[Vigie] Sans réponse · Critique · 3 alertes, 2 dossiers / unacknowledged, critical"
        + " · 3 alerts, 2 cases");
    Notice oneCase = new Notice(one.row(), one.recipient(), List.of(one.items().get(0), several.items().get(2)), one.at());
    assertThat(composer.render(oneCase).subject()).contains("2 alertes · dossier 8E7A1F00 / ").endsWith("2 alerts · case 8E7A1F00");
    assertThat(r.text()).contains("ces 3 alertes n'ont pas été prises en compte à temps")
        .contains("these 3 alerts were not acknowledged in time").contains("L'API a expiré.").contains("Le titre a expiré.");
  }

  @Test
  void theFullCaseIdAndTheVolunteerNameAreNotInTheMessage() {
    Rendered r = composer.render(notice(NotificationKind.ALERT, "x"));
    assertThat(r.subject() + r.text() + r.html()).doesNotContain(CASE_ID).doesNotContain("Amina");
  }

  @Test
  void htmlIsEscaped() {
    Rendered r = composer.render(notice(NotificationKind.REMINDER, "<script>alert(1)</script> & co"));
    assertThat(r.html()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp; co");
    assertThat(r.subject()).startsWith("[Vigie] Rappel");
  }

  @Test
  void withThePageUrlEachAlertLinksToItsCaseByItsReference() {
    MessageComposer linking = new MessageComposer(java.util.Optional.of("https://vigie.example"));
    Rendered r = linking.render(notice(NotificationKind.ALERT, "L'API expire bientôt."));
    assertThat(r.text()).contains("Ouvrir le dossier dans Vigie\u00A0: https://vigie.example/#dossier=8E7A1F00")
        .contains("Open the case in Vigie: https://vigie.example/#dossier=8E7A1F00").doesNotContain(CASE_ID);
    assertThat(r.html()).contains("href=\"https://vigie.example/#dossier=8E7A1F00\"");
    assertThat(linking.webhookPayload(notice(NotificationKind.ALERT, "x"), "msg_1").toString())
        .contains("caseUrl=https://vigie.example/#dossier=8E7A1F00");

    Rendered without = composer.render(notice(NotificationKind.ALERT, "L'API expire bientôt."));
    assertThat(without.text()).doesNotContain("Ouvrir le dossier").doesNotContain("#dossier=");
    assertThat(composer.webhookPayload(notice(NotificationKind.ALERT, "x"), "msg_1").toString()).doesNotContain("caseUrl");
  }

  @Test
  void anAlertNamesTheDraftsItsNextStepsCallForButAResolutionDoesNot() {
    // API_EXPIRING: the next step is the CCC
    Rendered alert = composer.render(notice(NotificationKind.ALERT, "L'API expire bientôt."));
    assertThat(alert.text()).contains("Brouillons prêts sous la chronologie du dossier, dans Vigie\u00A0: Message au Centre de"
        + " contact citoyen.", "Drafts ready below the case's timeline, in Vigie: Message to the Centre de contact citoyen.");
    assertThat(alert.html()).contains("Brouillons prêts sous la chronologie du dossier");
    assertThat(composer.webhookPayload(notice(NotificationKind.ALERT, "x"), "msg_1").toString()).contains("letters=[ccc-request]");

    Rendered resolved = composer.render(notice(NotificationKind.RESOLVED_NOTICE, "Alerte résolue."));
    assertThat(resolved.text()).doesNotContain("Brouillons", "Drafts ready");
    assertThat(composer.webhookPayload(notice(NotificationKind.RESOLVED_NOTICE, "x"), "msg_1").toString()).contains("letters=[]");
  }

  @Test
  void theWebhookPayloadCarriesTheAlertWithoutIdentity() {
    Map<String, Object> body = composer.webhookPayload(notice(NotificationKind.ALERT, "x"), "msg_1");
    assertThat(body).containsEntry("type", "vigie.notification.alert");
    assertThat(body.toString()).contains("caseReference=8E7A1F00").contains("rule=API_EXPIRING").doesNotContain(CASE_ID);
  }
}
