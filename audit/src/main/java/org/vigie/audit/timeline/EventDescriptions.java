package org.vigie.audit.timeline;

import static org.vigie.audit.timeline.FrenchLabels.date;

import java.util.List;
import java.util.StringJoiner;
import org.vigie.schemas.ApiExpiryRecorded;
import org.vigie.schemas.ApiIssued;
import org.vigie.schemas.BenefitKind;
import org.vigie.schemas.BlockageReported;
import org.vigie.schemas.BlockageResolved;
import org.vigie.schemas.CaseClosed;
import org.vigie.schemas.CaseErased;
import org.vigie.schemas.CaseOpened;
import org.vigie.schemas.CccContactAttempted;
import org.vigie.schemas.DecisionReceived;
import org.vigie.schemas.EmployerRefusedApi;
import org.vigie.schemas.SituationUpdated;
import org.vigie.schemas.SubmissionRecorded;
import org.vigie.schemas.VolunteerAssigned;

/** The type code (as in the HTTP API, e.g. BLOCKAGE_REPORTED) and the French description of an event payload. */
final class EventDescriptions {
  private EventDescriptions() {}

  static String type(Object payload) {
    return payload.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  static String describe(Object payload) {
    if (payload instanceof CaseOpened p) {
      StringJoiner s = new StringJoiner(" ; ", "Ouverture du dossier : ", "");
      s.add(FrenchLabels.permit(p.getPermitKind())
          + (p.getPermitExpiresOn() == null ? " (pas de titre en cours)" : " expirant le " + date(p.getPermitExpiresOn())));
      s.add(FrenchLabels.procedure(p.getProcedure()));
      s.add("département " + p.getDepartment());
      s.add("en emploi : " + FrenchLabels.yesNo(p.getEmployed()));
      s.add("prestations : " + FrenchLabels.yesNo(p.getReceivesBenefits()) + benefits(p.getBenefitKinds()));
      if (p.getAssignedVolunteerId() != null) {
        s.add("suivi par " + p.getAssignedVolunteerId());
      }
      return s.toString();
    }
    if (payload instanceof VolunteerAssigned p) {
      return "Suivi confié au bénévole " + p.getVolunteerId();
    }
    if (payload instanceof SubmissionRecorded p) {
      return "Demande déposée sur l'ANEF : " + FrenchLabels.procedure(p.getProcedure())
          + " (dossier complet : " + FrenchLabels.yesNo(p.getComplete()) + ")"
          + (p.getReceiptMentionsAppealRoutes() ? "" : " ; le récépissé ne mentionne pas les voies de recours");
    }
    if (payload instanceof BlockageReported p) {
      return "Blocage signalé : " + FrenchLabels.blockage(p.getBlockage());
    }
    if (payload instanceof BlockageResolved p) {
      return "Blocage résolu : " + FrenchLabels.blockage(p.getBlockage());
    }
    if (payload instanceof ApiIssued p) {
      return "API (attestation de prolongation d'instruction) délivrée, valable jusqu'au " + date(p.getValidUntil());
    }
    if (payload instanceof ApiExpiryRecorded) {
      return "API expirée sans renouvellement";
    }
    if (payload instanceof CccContactAttempted p) {
      return "Tentative de contact du CCC par " + FrenchLabels.channel(p.getChannel()) + " : "
          + FrenchLabels.outcome(p.getOutcome())
          + (p.getWaitMinutes() == null ? "" : " (attente " + p.getWaitMinutes() + " min)");
    }
    if (payload instanceof EmployerRefusedApi) {
      return "L'employeur refuse l'API";
    }
    if (payload instanceof DecisionReceived p) {
      return "Décision reçue : " + FrenchLabels.decision(p.getDecision())
          + (p.getNewPermitExpiresOn() == null ? "" : " ; nouveau titre valable jusqu'au " + date(p.getNewPermitExpiresOn()));
    }
    if (payload instanceof SituationUpdated p) {
      StringJoiner s = new StringJoiner(" ; ", "Situation mise à jour : ", "");
      if (p.getEmployed() != null) {
        s.add("en emploi : " + FrenchLabels.yesNo(p.getEmployed()));
      }
      if (p.getReceivesBenefits() != null) {
        s.add("prestations : " + FrenchLabels.yesNo(p.getReceivesBenefits()));
      }
      if (p.getBenefitKinds() != null) {
        s.add("prestations perçues" + benefits(p.getBenefitKinds()));
      }
      return s.toString();
    }
    if (payload instanceof CaseClosed) {
      return "Dossier clos";
    }
    if (payload instanceof CaseErased) {
      return "Identité effacée (droit à l'effacement ou fin de la durée de conservation)";
    }
    return "Événement " + type(payload);
  }

  private static String benefits(List<BenefitKind> kinds) {
    if (kinds == null || kinds.isEmpty()) {
      return "";
    }
    StringJoiner s = new StringJoiner(", ", " (", ")");
    kinds.forEach(k -> s.add(k == BenefitKind.FRANCE_TRAVAIL ? "France Travail" : k == BenefitKind.CAF ? "CAF" : "autre"));
    return s.toString();
  }
}
