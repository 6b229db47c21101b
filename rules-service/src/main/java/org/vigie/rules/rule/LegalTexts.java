package org.vigie.rules.rule;

import java.time.LocalDate;

/** Dates of the text versions the rules encode. */
final class LegalTexts {
  /** CESEDA regulatory part as recodified (ordonnance 2020-1733, décret 2020-1734), in force since 1 May 2021. */
  static final LocalDate CESEDA_2021 = LocalDate.of(2021, 5, 1);
  /** CJA R.421-2 as amended by décret 2016-1480, in force since 1 January 2017. */
  static final LocalDate CJA_2017 = LocalDate.of(2017, 1, 1);
  /** Conseil d'État opinion of 6 May 2025, n°499904 (API and implicit rejection). */
  static final LocalDate CE_2025_05_06 = LocalDate.of(2025, 5, 6);
  /** Conseil d'État, 3 June 2022, n°452798: a non-digital alternative to ANEF is owed. */
  static final LocalDate CE_2022_06_03 = LocalDate.of(2022, 6, 3);
  /** CSS R.111-4 as amended by décret 2019-1468 (six-month continued cover), in force since 1 January 2020. */
  static final LocalDate CSS_2020 = LocalDate.of(2020, 1, 1);
  /**
   * CESEDA's contentious procedures against removal orders (book IX) as reformed by the law n° 2024-42 of 26
   * January 2024, in force since 15 July 2024 (décret n° 2024-799).
   */
  static final LocalDate CESEDA_2024 = LocalDate.of(2024, 7, 15);
  /** Help-desk practice as described by InfoMigrants, 5 May 2026. */
  static final LocalDate PRACTICE_2026 = LocalDate.of(2026, 5, 5);

  private LegalTexts() {}
}
