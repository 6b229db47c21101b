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
    assertThat(composer.render(ahead).text()).contains("Échéance : 1er décembre 2026\n").contains("Deadline: 1 December 2026\n")
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
    assertThat(r.text()).contains("Échéance : 24 novembre 2026 (passée)\n").contains("Deadline: 24 November 2026 (passed)\n");
    assertThat(r.html()).contains("24 novembre 2026 (passée)");
    assertThat(composer.chatText(late)).contains(" · échéance 24 novembre 2026 (passée)");
    assertThat(composer.webhookPayload(late, "msg_1").toString()).contains("deadline=2026-11-24")
        .doesNotContain("passée");
  }

  @Test
  void anAlertOfACaseJustHandedOverSaysSoBeforeItsMessage() {
    Notice plain = notice(NotificationKind.ALERT, "L'API expire bientôt.");
    Notice.Item item = plain.items().get(0);
    Notice handedOver = new Notice(plain.row(), plain.recipient(),
        List.of(new Notice.Item(item.alert(), item.ackUrl(), item.ackExpiresAt(), true)), plain.at());

    Rendered r = composer.render(handedOver);

    assertThat(r.text()).contains("Ce dossier vient de vous être confié : cette alerte y était déjà ouverte.\nL'API expire bientôt.")
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
        + " enregistré : un droit a pu être perdu.", "a right may have been lost").doesNotContain("Bonne nouvelle", "Good news");
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
        Resolution.REQUEST_REFUSED, "Cette alerte est close : un refus a été enregistré. Les alertes ouvertes par le refus"
            + " disent ce qui reste à faire.",
        Resolution.APPEAL_FILED, "Cette alerte est close : le recours devant le tribunal administratif a été enregistré.",
        Resolution.CASE_CLOSED, "Cette alerte est close : le dossier n'est plus suivi.",
        Resolution.RULE_DISABLED, "Cette alerte est close : votre association a désactivé la règle qui l'avait déclenchée.",
        Resolution.FACT_CORRECTED, "Cette alerte est close : le fait qui l'avait déclenchée a été corrigé ou retiré (saisi"
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
    assertThat(composer.render(two).text()).contains("Ces 2 alertes sont closes : un refus a été enregistré.",
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
        .contains("Échéance : 1er décembre 2026").contains("Règle : API bientôt expirée — API_EXPIRING (CESEDA R.431-15-1")
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
    assertThat(text).as("an empty line after each alert, with or without a link").contains("jusqu'au 26 décembre 2026)\n\nDossier : ");
  }

  @Test
  void theFrenchHtmlKeepsItsPunctuationWithTheWordBefore() {
    Rendered r = composer.render(notice(NotificationKind.ALERT, "Délai : « un mois » ; agir vite !"));
    String french = r.html().substring(r.html().indexOf("<div lang=\"fr\">"), r.html().indexOf("<div lang=\"en\">"));
    assertThat(french).contains("Délai\u00A0: «\u00A0un mois\u00A0»\u00A0; agir vite\u00A0!").doesNotContain(" :", " ;", " !", "« ");
    assertThat(r.html()).contains("style=\"font-family:sans-serif\"");
    assertThat(r.text()).as("the plain text as written").contains("Délai : « un mois » ; agir vite !");
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
    assertThat(r.text()).contains("Ouvrir le dossier dans Vigie : https://vigie.example/#dossier=8E7A1F00")
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
    assertThat(alert.text()).contains("Brouillons prêts sous la chronologie du dossier, dans Vigie : Message au Centre de"
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
