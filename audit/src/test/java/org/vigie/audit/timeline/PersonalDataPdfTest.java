package org.vigie.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The answer to a right-of-access request renders, in French, with the identity, the notes and what the data is for. */
class PersonalDataPdfTest {
  private static final Instant EDITED = Instant.parse("2026-11-27T09:15:00Z");

  @Test
  void theIdentityTheNotesAndWhatTheyAreForAreOnTheDocument() throws Exception {
    byte[] pdf = PersonalDataPdf.toPdf(new PersonalDataPdf.PersonalData("case-1", "3A8E87E2", "Permanence de Bobigny", EDITED,
        "Aminata Koné", "7512345670", "+33 6 11 22 33 44",
        List.of(new PersonalDataPdf.Note(LocalDate.of(2026, 10, 2), "Compte ANEF bloqué depuis le 1er octobre, rappeler lundi"),
            new PersonalDataPdf.Note(LocalDate.of(2026, 11, 4), "Rendez-vous au point d'accueil numérique le 12")),
        LocalDate.of(2026, 9, 14), null, Period.ofYears(2)));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 60);
      assertThat(TimelineTest.darkPixels(page)).isGreaterThan(2_000);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Vos données personnelles dans Vigie", "RGPD, article 15", "Association : Permanence de Bobigny",
          "Dossier : 3A8E87E2", "suivi depuis le 14/09/2026", "Édité le 27/11/2026 à 10:15 (heure de Paris)",
          "Nom : Aminata Koné", "Numéro étranger (AGDREF) : 7512345670", "Téléphone : +33 6 11 22 33 44",
          "02/10/2026", "Compte ANEF bloqué depuis le 1er octobre", "Rendez-vous au point d'accueil numérique",
          "effacées 2 ans après la dernière activité", "CNIL");
    }
  }

  @Test
  void aNameInAnotherScriptKeepsItsLettersAndAnArabicOneReadsRightToLeft() throws Exception {
    byte[] pdf = pdf("case-3", "5C6D7E8F", "Олена Коваленко / Ελένη", "7512345671",
        List.of(new PersonalDataPdf.Note(LocalDate.of(2026, 10, 2), "Nom d'usage : أمينة, sœur de 李 et de Zoë 🦊")));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Nom : Олена Коваленко / Ελένη", "sœur de");
      // the letters of the Arabic name, drawn right to left (the text extractor reads them back either way)
      assertThat(text).containsAnyOf("أمينة", "ةنيمأ");
      // a letter of a script the font lacks (Chinese) is written in Latin letters, an emoji is one '?'
      assertThat(text).contains("sœur de Lǐ et de Zoë ?");
      assertThat(text.replaceAll("\\s+", " ")).contains(PersonalDataPdf.TRANSLITERATION_NOTE);
      assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
      document.getPage(0).getResources().getFontNames().forEach(name -> {
        try {
          assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).as("fonts are embedded").isTrue();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  @Test
  void namesInScriptsTheFontLacksAreWrittenInLatinLettersAndTheDocumentSaysSo() throws Exception {
    byte[] pdf = pdf("case-5", "7E8F9012", "王芳 / 김민준", "7512345673",
        List.of(new PersonalDataPdf.Note(LocalDate.of(2026, 10, 2), "Frère : முருகன், cousin : ዮሃንስ ተስፋይ")));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Nom : Wáng Fāng / Gimminjun", "Frère : Murukaṉ, cousin : Yohānǝs Tasǝfāy")
          .doesNotContain("?");
      assertThat(text.replaceAll("\\s+", " ")).contains(PersonalDataPdf.TRANSLITERATION_NOTE);
    }
    byte[] latin = pdf("case-6", "8F901234", "Zoë Ngô", "7512345674", List.of());
    try (PDDocument document = Loader.loadPDF(latin)) {
      assertThat(new PDFTextStripper().getText(document)).as("said only when it happened")
          .doesNotContain("transcrites en lettres latines");
    }
  }

  @Test
  void anArabicNameIsDrawnWithItsLettersJoinedAsItIsWritten() throws Exception {
    byte[] pdf = pdf("case-4", "6D7E8F90", "بلال أمينة", "7512345672", List.of());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StringBuilder drawn = new StringBuilder();
      PDFTextStripper glyphs = new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition text) {
          drawn.append(text.getUnicode());
          super.processTextPosition(text);
        }
      };
      glyphs.getText(document);
      // the glyphs as drawn, left to right: أمينة then بلال, each letter in its joined form, lām-alif one ligature
      assertThat(drawn.toString()).contains("\uFE94\uFEE8\uFEF4\uFEE3\uFE83 \uFEDD\uFEFC\uFE91");
    }
  }

  @Test
  void anErasedIdentityIsSaidErasedAndNothingElse() throws Exception {
    byte[] pdf = PersonalDataPdf.toPdf(new PersonalDataPdf.PersonalData("case-2", "00AA11BB", null, EDITED,
        null, null, null, List.of(), LocalDate.of(2025, 1, 6), LocalDate.of(2026, 11, 20), Period.ofMonths(18)));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Effacée le 20/11/2026", "effacées 18 mois après").doesNotContain("Nom :", "Notes libres");
    }
  }

  /** The document of a case followed since 14 September 2026 by an unnamed association, no phone, kept two years. */
  private static byte[] pdf(String caseId, String reference, String name, String number, List<PersonalDataPdf.Note> notes) {
    return PersonalDataPdf.toPdf(new PersonalDataPdf.PersonalData(caseId, reference, null, EDITED, name, number, null,
        notes, LocalDate.of(2026, 9, 14), null, Period.ofYears(2)));
  }
}
