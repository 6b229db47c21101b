package org.vigie.audit.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import org.vigie.schemas.BlockageKind;
import org.vigie.schemas.CccChannel;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.NotificationChannel;
import org.vigie.schemas.NotificationKind;
import org.vigie.schemas.NotificationState;
import org.vigie.schemas.PermitKind;
import org.vigie.schemas.Procedure;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;

/** French wording of the event model's codes, for documents read by volunteers and lawyers. */
final class FrenchLabels {
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static final Map<BlockageKind, String> BLOCKAGES = new EnumMap<>(Map.ofEntries(
      Map.entry(BlockageKind.ACCOUNT_CREATION_FAILED, "création de compte impossible (numéro étranger non reconnu)"),
      Map.entry(BlockageKind.ACCOUNT_LOCKED, "compte bloqué"),
      Map.entry(BlockageKind.AUTHENTICATION_ERROR, "erreur d'authentification"),
      Map.entry(BlockageKind.CANNOT_SUBMIT, "dépôt de la demande impossible"),
      Map.entry(BlockageKind.PREVIOUS_PERMIT_HANDOVER_NOT_RECORDED, "remise du titre précédent non enregistrée"),
      Map.entry(BlockageKind.CANNOT_ATTACH_DOCUMENTS, "pièces justificatives impossibles à joindre"),
      Map.entry(BlockageKind.CANNOT_MODIFY_AFTER_SUBMISSION, "modification impossible après dépôt"),
      Map.entry(BlockageKind.NO_DEPOSIT_ATTESTATION, "pas d'attestation de dépôt"),
      Map.entry(BlockageKind.DUPLICATE_REQUEST_CONFLICT, "conflit de demandes en double"),
      Map.entry(BlockageKind.ADDRESS_CHANGE_NOT_RECORDED, "changement d'adresse non enregistré"),
      Map.entry(BlockageKind.NO_NEWS_IN_INSTRUCTION, "aucune nouvelle de l'instruction"),
      Map.entry(BlockageKind.REQUEST_LOST, "demande perdue"),
      Map.entry(BlockageKind.CLOSED_WITHOUT_ACTION, "demande clôturée sans suite"),
      Map.entry(BlockageKind.API_NOT_ISSUED, "API non délivrée"),
      Map.entry(BlockageKind.API_NOT_RENEWED, "API non renouvelée"),
      Map.entry(BlockageKind.API_NOT_RECOGNISED_BY_THIRD_PARTY, "API non reconnue par un tiers"),
      Map.entry(BlockageKind.NO_APPOINTMENT_AVAILABLE, "aucun rendez-vous disponible"),
      Map.entry(BlockageKind.CARD_NEVER_DELIVERED, "titre jamais remis"),
      Map.entry(BlockageKind.CCC_NO_ANSWER, "pas de réponse du CCC"),
      Map.entry(BlockageKind.ANEF_PREFECTURE_DISCREPANCY, "discordance entre ANEF et la préfecture"),
      Map.entry(BlockageKind.OTHER, "autre dysfonctionnement")));

  private static final Map<RuleId, String> RULES = new EnumMap<>(Map.ofEntries(
      Map.entry(RuleId.RENEWAL_WINDOW_OPEN, "fenêtre de renouvellement ouverte"),
      Map.entry(RuleId.RENEWAL_DEADLINE, "date limite de demande de renouvellement"),
      Map.entry(RuleId.PERMIT_EXPIRED_WITHOUT_API, "titre expiré sans API"),
      Map.entry(RuleId.API_EXPIRING, "API bientôt expirée"),
      Map.entry(RuleId.API_EXPIRED, "API expirée"),
      Map.entry(RuleId.API_NOT_ISSUED, "API non délivrée"),
      Map.entry(RuleId.IMPLICIT_REJECTION, "décision implicite de rejet"),
      Map.entry(RuleId.APPEAL_DEADLINE, "délai de recours"),
      Map.entry(RuleId.BLOCKAGE_UNRESOLVED, "blocage non résolu"),
      Map.entry(RuleId.CCC_UNANSWERED, "CCC sans réponse"),
      Map.entry(RuleId.EMPLOYMENT_AT_RISK, "emploi menacé"),
      Map.entry(RuleId.BENEFITS_AT_RISK, "prestations menacées"),
      Map.entry(RuleId.HEALTH_COVER_CLOSING, "fin de couverture maladie")));

  private FrenchLabels() {}

  static String date(LocalDate date) {
    return date == null ? "" : date.format(DATE);
  }

  static String blockage(BlockageKind kind) {
    return BLOCKAGES.getOrDefault(kind, kind.name());
  }

  static String rule(RuleId rule) {
    return RULES.getOrDefault(rule, rule.name());
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case INFO -> "information";
      case WARNING -> "avertissement";
      case HIGH -> "élevée";
      case CRITICAL -> "critique";
    };
  }

  static String permit(PermitKind kind) {
    return switch (kind) {
      case VLS_TS -> "VLS-TS";
      case CARTE_TEMPORAIRE -> "carte de séjour temporaire";
      case CARTE_PLURIANNUELLE -> "carte pluriannuelle";
      case CARTE_RESIDENT -> "carte de résident";
      case CARTE_RESIDENT_UE -> "carte de résident UE";
      case CERTIFICAT_RESIDENCE_ALGERIEN -> "certificat de résidence algérien";
      case AUTORISATION_PROVISOIRE_SEJOUR -> "autorisation provisoire de séjour";
      case RECEPISSE -> "récépissé";
      case OTHER -> "autre titre";
    };
  }

  static String procedure(Procedure procedure) {
    return switch (procedure) {
      case FIRST_REQUEST -> "première demande";
      case RENEWAL -> "renouvellement";
      case CHANGE_OF_STATUS -> "changement de statut";
    };
  }

  static String channel(CccChannel channel) {
    return switch (channel) {
      case PHONE -> "téléphone";
      case WEB_FORM -> "formulaire en ligne";
      case EMAIL -> "courriel";
    };
  }

  static String outcome(CccOutcome outcome) {
    return switch (outcome) {
      case NO_ANSWER -> "sans réponse";
      case AUTOMATED_REPLY -> "réponse automatique";
      case ANSWERED_UNRESOLVED -> "réponse sans solution";
      case RESOLVED -> "résolu";
    };
  }

  static String decision(Decision decision) {
    return switch (decision) {
      case GRANTED -> "titre accordé";
      case REFUSED -> "refus";
      case REFUSED_WITH_OQTF -> "refus avec OQTF";
    };
  }

  static String notificationChannel(NotificationChannel channel) {
    return channel == NotificationChannel.EMAIL ? "courriel" : "webhook";
  }

  static String notificationKind(NotificationKind kind) {
    return switch (kind) {
      case ALERT -> "alerte";
      case REMINDER -> "rappel";
      case ESCALATION -> "escalade au coordinateur";
      case RESOLVED_NOTICE -> "avis de résolution";
      case DIGEST -> "récapitulatif";
    };
  }

  static String notificationState(NotificationState state) {
    return switch (state) {
      case PENDING -> "en attente";
      case SENT -> "envoyée";
      case ACKNOWLEDGED -> "accusé de réception";
      case FAILED -> "échec d'envoi";
      case ESCALATED -> "escaladée";
    };
  }

  static String yesNo(boolean value) {
    return value ? "oui" : "non";
  }
}
