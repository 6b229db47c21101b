package org.vigie.rules.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vigie.rules.engine.RuleSettings;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.Severity;
import org.vigie.schemas.SubmissionFact;

/**
 * A renewal filed on time and no API ever issued, while the permit is about to expire (or has), or
 * months after filing. The Conseil d'État (opinions of 10 Oct 2024 n°493514 and 6 May 2025 n°499904)
 * holds that an API must then be issued; a référé mesures utiles obtains it. InfoMigrants (5 May 2026):
 * "une API doit être délivrée et garantir des droits".
 */
public final class ApiNotIssued extends BaseRule {
  public ApiNotIssued() {
    super(RuleId.API_NOT_ISSUED, "CESEDA R.431-15-1; CE avis 10/10/2024 n°493514, 6/5/2025 n°499904",
        LegalTexts.CE_2025_05_06, "1",
        new RuleDoc("Renewal filed on time (by expiry − lastOnTimeDays), no API ever issued.",
            "From the earlier of expiry − aboutToExpireDays and submission + afterSubmissionMonths; HIGH after expiry.",
            "WARNING → HIGH"),
        "aboutToExpireDays", 15, "afterSubmissionMonths", 4, "lastOnTimeDays", 60);
  }

  @Override
  public Optional<Condition> evaluate(CaseView view, RuleSettings settings) {
    Optional<LocalDate> expiry = view.permitExpiresOn();
    Optional<SubmissionFact> submission = view.firstSubmission();
    if (expiry.isEmpty() || submission.isEmpty() || !view.apis().isEmpty()
        || submission.get().getSubmittedOn().isAfter(expiry.get().minusDays(threshold(settings, "lastOnTimeDays")))) {
      return Optional.empty();
    }
    LocalDate starts = start(expiry.get(), submission.get(), settings);
    if (view.today().isBefore(starts)) {
      return Optional.empty();
    }
    boolean expired = view.today().isAfter(expiry.get());
    Severity severity = expired ? Severity.HIGH : Severity.WARNING;
    return Optional.of(new Condition(id(), severity, starts, expiry.get(), () -> Texts.pending(view, settings,
        "La demande de renouvellement a été déposée à temps le " + Texts.fr(submission.get().getSubmittedOn())
            + " mais aucune attestation de prolongation d'instruction (API) n'a été délivrée ; le titre "
            + (expired ? "a expiré le " : "expire le ") + Texts.fr(expiry.get())
            + ". L'API est due (Conseil d'État, avis du 6 mai 2025).",
        "The renewal was filed on time on " + Texts.en(submission.get().getSubmittedOn())
            + " but no API (attestation de prolongation d'instruction) was issued; the permit "
            + (expired ? "expired on " : "expires on ") + Texts.en(expiry.get())
            + ". The API is owed (Conseil d'État opinion of 6 May 2025).")));
  }

  private LocalDate start(LocalDate expiry, SubmissionFact submission, RuleSettings settings) {
    LocalDate aboutToExpire = expiry.minusDays(threshold(settings, "aboutToExpireDays"));
    LocalDate longAfterFiling = submission.getSubmittedOn().plusMonths(threshold(settings, "afterSubmissionMonths"));
    return aboutToExpire.isBefore(longAfterFiling) ? aboutToExpire : longAfterFiling;
  }

  @Override
  public List<LocalDate> boundaries(CaseView view, RuleSettings settings) {
    Optional<LocalDate> expiry = view.permitExpiresOn();
    Optional<SubmissionFact> submission = view.firstSubmission();
    if (expiry.isEmpty() || submission.isEmpty()) {
      return List.of();
    }
    return List.of(start(expiry.get(), submission.get(), settings), expiry.get().plusDays(1));
  }

  @Override
  public boolean advisesOnRejection() {
    return true;
  }
}
