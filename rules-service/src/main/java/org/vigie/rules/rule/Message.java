package org.vigie.rules.rule;

/** User-facing text of an alert, French first. */
public record Message(String fr, String en) {}
