package org.vigie.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes it does not trust. This registers the
 * Vigie model package once, on top of Avro's defaults, so decoding works without JVM flags.
 */
public final class TrustedClasses {
  private static final String MODEL_PACKAGE = "org.vigie.schemas.";
  private static volatile boolean registered;

  private TrustedClasses() {}

  public static void register() {
    if (registered) {
      return;
    }
    synchronized (TrustedClasses.class) {
      if (!registered) {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
            previous, type -> type.getName().startsWith(MODEL_PACKAGE)));
        registered = true;
      }
    }
  }
}
