package org.vigie.audit.timeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * What an association holds about one person in Vigie, as the answer to a right-of-access request
 * (GDPR, article 15), in French: the identity, the free-text notes, what the data is for, who sees it,
 * how long it is kept, and how to have it corrected or erased. The case's events are in its timeline
 * ({@link TimelinePdf}), given with it.
 */
public final class PersonalDataPdf {
  private static final float[] NOTE_COLUMNS = {70, PdfLayout.WIDTH - 70};

  /** A free-text note, with the day of the event it was recorded with. */
  public record Note(LocalDate on, String text) {}

  /**
   * @param reference the case's short reference, as the association names it
   * @param erasedOn the day the identity was erased, or null
   * @param retention how long after the case's last activity it is erased
   */
  public record PersonalData(String caseId, String reference, String associationName, Instant generatedAt,
      String displayName, String foreignerNumber, String phone, List<Note> notes, LocalDate openedOn, LocalDate erasedOn,
      Period retention) {
    public PersonalData {
      notes = List.copyOf(notes);
    }
  }

  private PersonalDataPdf() {}

  public static byte[] toPdf(PersonalData d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument document = new PDDocument()) {
      ZonedDateTime edited = d.generatedAt().atZone(TimelineBuilder.PARIS);
      document.getDocumentInformation().setTitle("Données personnelles — dossier " + d.reference());
      document.getDocumentInformation().setCreator("Vigie");
      document.getDocumentCatalog().setLanguage("fr-FR");
      try (PdfLayout layout = new PdfLayout(document, () -> {})) {
        layout.newPage();
        layout.paragraph("Vos données personnelles dans Vigie", layout.bold, 16);
        layout.paragraph("Réponse à une demande d'accès (RGPD, article 15)", layout.regular, 10);
        layout.skip(6);
        layout.paragraph("Association : " + (d.associationName() == null ? "—" : d.associationName()), layout.regular, 10);
        layout.paragraph("Dossier : " + d.reference() + " (" + d.caseId() + "), suivi depuis le "
            + Labels.FRENCH.date(d.openedOn()), layout.regular, 10);
        layout.paragraph("Édité le " + Labels.FRENCH.date(edited.toLocalDate()) + " à "
            + edited.format(DateTimeFormatter.ofPattern("HH:mm")) + " (heure de Paris)", layout.regular, 10);
        layout.skip(10);
        layout.paragraph("Identité", layout.bold, 12);
        if (d.erasedOn() != null) {
          layout.paragraph("Effacée le " + Labels.FRENCH.date(d.erasedOn()) + " : l'association ne conserve plus ni nom, ni"
              + " numéro, ni téléphone, ni note pour ce dossier.", layout.regular, 10);
        } else {
          layout.paragraph("Nom : " + orDash(d.displayName()), layout.regular, 10);
          layout.paragraph("Numéro étranger (AGDREF) : " + orDash(d.foreignerNumber()), layout.regular, 10);
          layout.paragraph("Téléphone : " + orDash(d.phone()), layout.regular, 10);
          layout.skip(8);
          layout.paragraph("Notes libres", layout.bold, 12);
          if (d.notes().isEmpty()) {
            layout.paragraph("Aucune note.", layout.regular, 10);
          }
          for (Note n : d.notes()) {
            layout.row(NOTE_COLUMNS, new String[] {Labels.FRENCH.date(n.on()), n.text()}, layout.regular, 9.5f, true);
          }
        }
        layout.skip(10);
        layout.paragraph("Ce que l'association en fait", layout.bold, 12);
        layout.paragraph("Ces données servent à suivre votre démarche de titre de séjour sur l'ANEF et à prévenir le ou la"
            + " bénévole qui vous accompagne avant qu'un droit ne soit perdu (séjour, travail, prestations). Elles sont"
            + " chiffrées et ne sont vues que par les bénévoles de l'association ; elles ne sont transmises à personne"
            + " d'autre, et les calculs d'échéances n'en ont pas besoin. Les événements de votre dossier (dépôt,"
            + " attestations, blocages, contacts, décision) figurent dans sa chronologie, remise avec ce document.",
            layout.regular, 10);
        layout.skip(6);
        layout.paragraph("Elles sont effacées " + years(d.retention()) + " après la dernière activité du dossier"
            + " (référentiel de la CNIL pour le secteur social, 2023). Vous pouvez demander à l'association de les"
            + " corriger ou de les effacer à tout moment, et saisir la CNIL (www.cnil.fr) si vous estimez que vos droits"
            + " ne sont pas respectés.", layout.regular, 10);
        transliterationNote(layout);
      }
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** What a PDF says at its end when some letters were written in Latin ones ({@link PdfLayout#transliterated}). */
  static final String TRANSLITERATION_NOTE = "Les lettres d'une écriture que ce document ne peut pas afficher (chinoise,"
      + " coréenne, tamoule, éthiopienne…) y sont transcrites en lettres latines ; Vigie les conserve telles qu'elles ont"
      + " été saisies.";

  /** Says that some letters were written in Latin ones ({@link PdfLayout#transliterated}), when some were. */
  static void transliterationNote(PdfLayout layout) throws IOException {
    if (layout.transliterated()) {
      layout.skip(6);
      layout.paragraph(TRANSLITERATION_NOTE, layout.regular, 8.5f);
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private static String years(Period p) {
    if (p.getMonths() == 0 && p.getDays() == 0) {
      return p.getYears() + (p.getYears() > 1 ? " ans" : " an");
    }
    return p.toTotalMonths() + " mois" + (p.getDays() > 0 ? " et " + p.getDays() + " jour(s)" : "");
  }
}
