package org.vigie.rules.rule;

/** Catalogue entry of a rule: condition, timing and severities, in English. */
public record RuleDoc(String condition, String timing, String severity) {}
