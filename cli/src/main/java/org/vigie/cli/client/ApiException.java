package org.vigie.cli.client;

/** The intake API answered with an error status; carries its problem+json body for the user. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String body;

  public ApiException(String method, String path, int status, String body) {
    this(method, path, status, body, null);
  }

  /** As above, with a line telling the user what to do ({@code hint}, null for none). */
  public ApiException(String method, String path, int status, String body, String hint) {
    super(method + " " + path + " → HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body)
        + (hint == null ? "" : System.lineSeparator() + hint));
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
