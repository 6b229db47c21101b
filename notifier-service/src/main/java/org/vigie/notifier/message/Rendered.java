package org.vigie.notifier.message;

/** A notification rendered for email: subject, plain text and HTML bodies. */
public record Rendered(String subject, String text, String html) {}
