package org.vigie.schemas.wording;

/**
 * The sentence that ends every alert's text (the rules write it): an alert helps a person follow the case, it is
 * not a binding computation of a legal deadline. A mail whose alerts all say it does not say it again.
 */
public final class Disclaimer {
  public static final String FRENCH = "Alerte d'aide au suivi, pas un calcul juridique opposable : vérifier les dates.";
  public static final String ENGLISH = "A reminder to help follow the case, not a binding legal computation: check the dates.";

  private Disclaimer() {}
}
