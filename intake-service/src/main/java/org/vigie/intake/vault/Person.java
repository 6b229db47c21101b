package org.vigie.intake.vault;

/** The identity of the person a case is about: vault only, never in Kafka or logs. */
public record Person(String displayName, String foreignerNumber, String phone) {
  @Override
  public String toString() {
    return "Person[redacted]";
  }
}
