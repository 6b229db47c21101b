package org.vigie.notifier.channel;

/** A failed delivery: permanent (retrying cannot help: bad address, refused target) or transient. */
public final class DeliveryException extends Exception {
  private final boolean permanent;

  public DeliveryException(String reason, boolean permanent, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
  }

  public static DeliveryException permanent(String reason) {
    return new DeliveryException(reason, true, null);
  }

  public static DeliveryException transientFailure(String reason, Throwable cause) {
    return new DeliveryException(reason, false, cause);
  }

  public boolean permanent() {
    return permanent;
  }
}
