package org.vigie.cli.client;

/** The intake API answered with an error status; carries its problem+json body for the user. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String body;

  public ApiException(String method, String path, int status, String body) {
    super(method + " " + path + " → HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body));
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
