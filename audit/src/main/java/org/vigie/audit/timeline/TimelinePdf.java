package org.vigie.audit.timeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A case's timeline as a PDF for a lawyer or the Défenseur des droits: in French, dated (edition
 * date and time, Paris), paginated ("page n / N"), one table row per entry, the column headers
 * repeated on every page.
 */
public final class TimelinePdf {
  private static final float[] COLUMNS = {62, 84, 84, PdfLayout.WIDTH - 62 - 84 - 84};
  private static final String[] HEADINGS = {"Date", "Enregistré le", "Par", "Élément"};
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private TimelinePdf() {}

  public static byte[] toPdf(CaseTimeline timeline) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    render(timeline, out);
    return out.toByteArray();
  }

  public static void render(CaseTimeline timeline, OutputStream out) {
    try (PDDocument document = new PDDocument()) {
      ZonedDateTime edited = timeline.generatedAt().atZone(TimelineBuilder.PARIS);
      String editedText = "Édité le " + Labels.FRENCH.date(edited.toLocalDate()) + " à "
          + edited.format(DateTimeFormatter.ofPattern("HH:mm")) + " (heure de Paris)";
      metadata(document, timeline, edited);
      boolean[] inTable = {false};
      PdfLayout[] holder = new PdfLayout[1];
      try (PdfLayout layout = new PdfLayout(document, () -> pageHeader(holder[0], editedText, inTable[0]))) {
        holder[0] = layout;
        layout.newPage();
        intro(layout, timeline);
        inTable[0] = true;
        tableHeader(layout);
        for (TimelineEntry e : timeline.entries()) {
          layout.row(COLUMNS, new String[] {Labels.FRENCH.date(e.date()),
              e.recordedAt().atZone(TimelineBuilder.PARIS).format(STAMP), e.author(), e.description()},
              layout.regular, 8.5f, true);
        }
        if (timeline.entries().isEmpty()) {
          layout.paragraph("Aucun élément enregistré pour ce dossier.", layout.regular, 10);
        }
        inTable[0] = false;
        PersonalDataPdf.transliterationNote(layout);
      }
      footers(document, holder[0], timeline.caseId());
      document.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void intro(PdfLayout layout, CaseTimeline t) throws IOException {
    layout.paragraph("Chronologie du dossier", layout.bold, 16);
    layout.skip(6);
    layout.paragraph("Dossier : " + t.caseId(), layout.regular, 10);
    layout.paragraph("Association : " + (t.associationName() == null ? t.associationId()
        : t.associationName() + " (" + t.associationId() + ")"), layout.regular, 10);
    if (t.erased()) {
      layout.paragraph("Identité effacée le " + Labels.FRENCH.date(t.erasedOn())
          + " : aucune donnée d'identité n'est conservée pour ce dossier.", layout.bold, 10);
    } else if (t.identityLabel() != null) {
      layout.paragraph("Personne : " + t.identityLabel(), layout.regular, 10);
    }
    layout.paragraph("Contenu : " + t.events() + " événement(s), " + t.alerts() + " alerte(s), " + t.notifications()
        + " notification(s).", layout.regular, 10);
    layout.skip(6);
    layout.paragraph("« Date » est le jour où le fait s'est produit, tel que déclaré ; « Enregistré le » est l'heure"
        + " d'enregistrement dans Vigie (heure de Paris) ; « Par » est le bénévole (son nom quand l'association"
        + " le connaît, sinon son identifiant pseudonyme), l'association ou le service qui a produit l'élément."
        + " Les alertes sont une aide pour les bénévoles, jamais un calcul opposable"
        + " d'un délai légal : chacune indique son fondement, la date de la version du texte appliqué et la version de"
        + " la règle. Un événement saisi par erreur n'est jamais effacé : il reste, marqué « remplacé » ou « retiré »"
        + " avec la date de la correction, et l'événement qui le corrige indique la date de celui qu'il corrige ; seul"
        + " le contenu corrigé compte pour les alertes.", layout.regular, 8.5f);
    layout.skip(10);
  }

  private static void tableHeader(PdfLayout layout) {
    try {
      layout.row(COLUMNS, HEADINGS, layout.bold, 9, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pageHeader(PdfLayout layout, String editedText, boolean inTable) {
    try {
      float y = PdfLayout.TOP + 30;
      PDFont bold = layout.bold;
      layout.text(PdfLayout.MARGIN, y, "Vigie — chronologie de dossier", bold, 9);
      float w = layout.width(editedText, layout.regular, 9);
      layout.text(PdfLayout.MARGIN + PdfLayout.WIDTH - w, y, editedText, layout.regular, 9);
      layout.line(PdfLayout.MARGIN, y - 6, PdfLayout.MARGIN + PdfLayout.WIDTH, y - 6, 0.3f);
      if (inTable) {
        tableHeader(layout);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Written once every page exists, so each footer knows the page count. */
  private static void footers(PDDocument document, PdfLayout fonts, String caseId) throws IOException {
    int total = document.getNumberOfPages();
    for (int i = 0; i < total; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream content = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        String text = "Dossier " + caseId + " — page " + (i + 1) + " / " + total;
        float w = fonts.width(text, fonts.regular, 8);
        content.beginText();
        content.setFont(fonts.regular, 8);
        content.newLineAtOffset((page.getMediaBox().getWidth() - w) / 2, 30);
        content.showText(text);
        content.endText();
      }
    }
  }

  private static void metadata(PDDocument document, CaseTimeline t, ZonedDateTime edited) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("Chronologie du dossier " + t.caseId());
    info.setCreator("Vigie");
    Calendar created = GregorianCalendar.from(edited);
    info.setCreationDate(created);
    document.getDocumentCatalog().setLanguage("fr-FR");
  }
}
