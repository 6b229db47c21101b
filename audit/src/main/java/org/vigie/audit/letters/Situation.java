package org.vigie.audit.letters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigie.rules.rule.AppealDeadlineV4;
import org.vigie.rules.rule.AppealDeadlineV5;
import org.vigie.rules.rule.AppealDeadlineV6;
import org.vigie.rules.rule.ImplicitRejection;
import org.vigie.rules.rule.ImplicitRejectionV3;
import org.vigie.rules.state.CaseView;
import org.vigie.schemas.ApiFact;
import org.vigie.schemas.BlockageFact;
import org.vigie.schemas.CccAttemptFact;
import org.vigie.schemas.CccOutcome;
import org.vigie.schemas.Decision;
import org.vigie.schemas.DecisionFact;
import org.vigie.schemas.RuleId;
import org.vigie.schemas.SubmissionFact;
import org.vigie.schemas.wording.CodeWording;

/**
 * A case's facts as of the letter's day, read through the rules' own {@link CaseView} (the same current
 * cycle, the same API coverage and L.433-3 tolerance), and said in French sentences about the person.
 */
final class Situation {
  static final String NAME_PLACEHOLDER = "[Nom et prénom de la personne]";
  static final String NUMBER_PLACEHOLDER = "[numéro étranger à 10 chiffres]";
  private static final CodeWording WORDS = CodeWording.FRENCH;
  /** An API about to end within this many days is asked for again. */
  private static final int API_RENEWAL_NOTICE_DAYS = 30;

  private final LetterCase c;
  private final CaseView view;
  private final LocalDate today;
  private final int extraDays;

  Situation(LetterCase c) {
    this.c = c;
    this.today = c.today();
    this.view = CaseView.of(c.state(), today);
    this.extraDays = view.toleranceApplies()
        ? c.settings().threshold(RuleId.PERMIT_EXPIRED_WITHOUT_API, "toleranceDays") : 0;
  }

  LocalDate today() {
    return today;
  }

  String name() {
    return blank(c.personName()) ? NAME_PLACEHOLDER : c.personName();
  }

  String number() {
    return blank(c.foreignerNumber()) ? NUMBER_PLACEHOLDER : c.foreignerNumber();
  }

  String association() {
    return blank(c.associationName()) ? "[nom de l'association]" : c.associationName();
  }

  /** "la préfecture (département 93)", or "la préfecture" when the department is unknown. */
  String prefecture() {
    String d = c.state().getDepartment();
    return blank(d) ? "la préfecture" : "la préfecture (département " + d + ")";
  }

  /** What was asked for, after "sa demande de": "renouvellement de titre de séjour". */
  String procedure() {
    if (c.state().getProcedure() == null) {
      return "titre de séjour";
    }
    return switch (c.state().getProcedure()) {
      case RENEWAL -> "renouvellement de titre de séjour";
      case FIRST_REQUEST -> "premier titre de séjour";
      case CHANGE_OF_STATUS -> "changement de statut";
    };
  }

  /** The first submission of the current cycle (none once a decision answered it and nothing was filed since). */
  Optional<SubmissionFact> submission() {
    return view.firstSubmission();
  }

  /** The first day without any document, when today has none. */
  Optional<LocalDate> uncoveredSince() {
    return view.uncoveredSince(extraDays);
  }

  /** The first day ahead without any document, when it comes within {@code days}. */
  Optional<LocalDate> lapseWithin(int days) {
    return view.nextLapse(extraDays).filter(d -> d.isAfter(today) && !d.isAfter(today.plusDays(days)));
  }

  /** The API valid today, if any. */
  Optional<ApiFact> validApi() {
    return view.latestApi().filter(a -> !a.getIssuedOn().isAfter(today) && !view.apiEnd(a).isBefore(today));
  }

  LocalDate apiEnd(ApiFact api) {
    return view.apiEnd(api);
  }

  /** The permit is past its expiry but kept valid by the L.433-3 tolerance today. */
  Optional<LocalDate> toleranceUntil() {
    return view.permitExpiresOn().filter(e -> extraDays > 0 && e.isBefore(today) && !e.plusDays(extraDays).isBefore(today))
        .map(e -> e.plusDays(extraDays));
  }

  Optional<LocalDate> permitExpiresOn() {
    return view.permitExpiresOn();
  }

  String permitKind() {
    return WORDS.of(view.permitKind());
  }

  boolean employed() {
    return view.employed();
  }

  List<BlockageFact> openBlockages() {
    return view.openBlockages();
  }

  List<CccAttemptFact> cccAttempts() {
    return view.cccAttempts();
  }

  long unansweredCccAttempts() {
    return view.cccAttempts().stream().filter(a -> a.getOutcome() != CccOutcome.RESOLVED).count();
  }

  /** The latest decision, on or before today, when it refused the request (with or without an OQTF). */
  Optional<DecisionFact> refusal() {
    return view.decision().filter(d -> d.getDecision() != Decision.GRANTED);
  }

  /**
   * The last day to contest a refusal as the rules count it: the one the decision states when recorded, else
   * from the decision's recorded date (its notification).
   */
  LocalDate refusalAppealDeadline(DecisionFact refusal) {
    return AppealDeadlineV5.deadlineOf(refusal, c.settings()).orElseThrow();
  }

  /**
   * The last day to contest a refusal as the rules count it ({@link AppealDeadlineV6#lastDayToContest}: an appeal to
   * the prefecture filed within the time moves it).
   */
  LocalDate lastDayToContest(DecisionFact refusal) {
    return AppealDeadlineV6.lastDayToContest(view, refusal, c.settings()).orElseThrow().day();
  }

  /** An annulment action or a référé-suspension was filed on or after {@code day}. */
  boolean courtSeizedSince(LocalDate day) {
    return view.courtAppealFiledSince(day);
  }

  /** The time to contest the rejection as interrupted by an appeal to the prefecture, as the rules count it. */
  Optional<AppealDeadlineV4.Interrupted> interruptedAppealTime() {
    return AppealDeadlineV4.interrupted(view, c.settings());
  }

  /** The time to contest the implicit rejection as the rules count it ({@link ImplicitRejectionV3#timeToContest}). */
  Optional<ImplicitRejectionV3.TimeToContest> implicitRejectionTimeToContest() {
    return ImplicitRejectionV3.timeToContest(view, c.settings());
  }

  /** The day the implicit rejection arises (or arose) for the pending complete submission. */
  Optional<LocalDate> implicitRejection() {
    return ImplicitRejection.arises(view, c.settings());
  }

  /**
   * An API is owed and missing or about to end: a renewal is pending, no decision yet, and the permit has
   * ended or ends within a month, with no API covering the month ahead.
   */
  boolean apiNeeded() {
    if (submission().isEmpty()) {
      return false;
    }
    boolean permitEnding = view.permitExpiresOn().map(e -> !e.isAfter(today.plusDays(API_RENEWAL_NOTICE_DAYS))).orElse(false);
    boolean uncoveredSoon = uncoveredSince().isPresent() || lapseWithin(API_RENEWAL_NOTICE_DAYS).isPresent();
    return permitEnding && uncoveredSoon;
  }

  boolean apiEverIssued() {
    return !view.apis().isEmpty();
  }

  /** What the person risks losing: the right to stay, and work and benefits when they have them. */
  String atStake() {
    List<String> rights = new ArrayList<>(List.of("son droit au séjour"));
    if (view.employed()) {
      rights.add("son emploi");
    }
    if (view.receivesBenefits()) {
      rights.add("ses prestations" + benefitKinds());
    }
    if (rights.size() == 1) {
      return rights.get(0);
    }
    return String.join(", ", rights.subList(0, rights.size() - 1)) + " et " + rights.get(rights.size() - 1);
  }

  /** The facts, one sentence each, in the order a reader needs them. */
  List<String> facts() {
    List<String> facts = new ArrayList<>();
    String who = name();
    view.permitExpiresOn().ifPresent(e -> {
      String kind = permitKind();
      facts.add(e.isBefore(today)
          ? "Son titre de séjour (" + kind + ") a expiré le " + FrenchDates.of(e) + toleranceClause(e) + "."
          : "Son titre de séjour (" + kind + ") expire le " + FrenchDates.of(e) + ".");
    });
    Optional<SubmissionFact> submission = submission();
    if (submission.isPresent()) {
      LocalDate on = submission.get().getSubmittedOn();
      facts.add("Sa demande de " + procedure() + " a été déposée sur l'ANEF le " + FrenchDates.of(on)
          + (submission.get().getComplete() ? "" : " (dossier alors signalé incomplet)")
          + " ; elle est sans décision depuis " + FrenchDates.elapsed(on, today) + ".");
      Optional<ApiFact> latest = view.latestApi();
      if (latest.isEmpty()) {
        facts.add("Aucune attestation de prolongation d'instruction (API) ne lui a été délivrée depuis ce dépôt.");
      } else {
        LocalDate end = view.apiEnd(latest.get());
        facts.add(end.isBefore(today)
            ? "La dernière attestation de prolongation d'instruction (API), délivrée le " + FrenchDates.of(latest.get().getIssuedOn())
                + ", n'est plus valable depuis le " + FrenchDates.of(end.plusDays(1)) + " et n'a pas été renouvelée."
            : "Une attestation de prolongation d'instruction (API) lui a été délivrée le "
                + FrenchDates.of(latest.get().getIssuedOn()) + ", valable jusqu'au " + FrenchDates.of(end) + ".");
      }
    } else if (view.decision().isEmpty()) {
      facts.add("Aucune demande n'a pu être déposée sur l'ANEF à ce jour.");
    }
    view.decision().ifPresent(d -> facts.add("Décision de la préfecture du " + FrenchDates.of(d.getDecidedOn()) + " : "
        + WORDS.of(d.getDecision()) + "."));
    view.appeals().forEach(a -> facts.add("Recours déposé le " + FrenchDates.of(a.getOn()) + " : " + WORDS.of(a.getAppeal())
        + "."));
    uncoveredSince().ifPresent(d -> facts.add("Depuis le " + FrenchDates.of(d) + ", " + who
        + " n'a plus aucun document valide attestant de son droit au séjour."));
    lapseWithin(60).ifPresent(d -> facts.add("Sans nouveau document, " + who + " n'aura plus de document valide à partir du "
        + FrenchDates.of(d) + "."));
    for (BlockageFact b : view.openBlockages()) {
      facts.add("Blocage de l'ANEF signalé le " + FrenchDates.of(b.getReportedOn()) + ", toujours pas résolu : "
          + WORDS.of(b.getKind()) + ".");
    }
    List<CccAttemptFact> attempts = view.cccAttempts();
    if (attempts.size() == 1) {
      facts.add("Une tentative de contact du Centre de contact citoyen (CCC), le " + FrenchDates.of(attempts.get(0).getAttemptedOn())
          + (unansweredCccAttempts() == 1 ? ", restée sans solution." : ", qui a résolu la difficulté."));
    } else if (attempts.size() > 1) {
      facts.add(attempts.size() + " tentatives de contact du Centre de contact citoyen (CCC) entre le "
          + FrenchDates.of(attempts.get(0).getAttemptedOn()) + " et le "
          + FrenchDates.of(attempts.get(attempts.size() - 1).getAttemptedOn()) + ", dont " + unansweredCccAttempts()
          + " sans solution.");
    }
    if (view.employed()) {
      facts.add(who + " est salarié·e.");
    }
    view.employerRefusals().stream().findFirst().ifPresent(r -> facts.add("Son employeur refuse l'attestation de prolongation"
        + " d'instruction depuis le " + FrenchDates.of(r.getOn()) + "."));
    if (view.receivesBenefits()) {
      facts.add(who + " perçoit des prestations" + benefitKinds() + ".");
    }
    return facts;
  }

  /** Each CCC attempt: its day, channel and outcome. */
  List<String> cccAttemptLines() {
    return view.cccAttempts().stream().map(a -> "le " + FrenchDates.of(a.getAttemptedOn()) + ", par " + WORDS.of(a.getChannel())
        + " : " + WORDS.of(a.getOutcome())).toList();
  }

  /** " (CAF, France Travail)", or nothing when the kinds were not recorded. */
  private String benefitKinds() {
    return c.state().getBenefitKinds().isEmpty() ? ""
        : " (" + c.state().getBenefitKinds().stream().map(WORDS::of).collect(Collectors.joining(", ")) + ")";
  }

  private String toleranceClause(LocalDate expiry) {
    return extraDays > 0 ? " ; la demande de renouvellement ayant été déposée avant, la carte reste valable jusqu'au "
        + FrenchDates.of(expiry.plusDays(extraDays)) + " (CESEDA L.433-3)" : "";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
