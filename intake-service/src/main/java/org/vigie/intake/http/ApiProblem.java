package org.vigie.intake.http;

/**
 * An RFC 9457 problem: thrown by any layer, turned into {@code application/problem+json} by
 * {@link ProblemResponder}. The detail never repeats the value sent (it may be personal data);
 * it names the field.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final String field;

  public ApiProblem(int status, String type, String title, String detail, String field) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.field = field;
  }

  /** Malformed request: not JSON, wrong JSON type, missing field, unparseable value. */
  public static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(400, "malformed-request", "Requête mal formée / Malformed request", detail, field);
  }

  /** Well-formed but not acceptable: unknown enum value, date out of range, closed case, … */
  public static ApiProblem unprocessable(String field, String detail) {
    return new ApiProblem(422, "invalid-value", "Valeur refusée / Value rejected", detail, field);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(404, "not-found", "Introuvable / Not found", what + " not found", null);
  }

  public static ApiProblem unauthorized() {
    return new ApiProblem(401, "unauthorized", "Authentification requise / Authentication required",
        "A valid bearer token is required", "Authorization");
  }

  public static ApiProblem forbidden() {
    return new ApiProblem(403, "forbidden", "Accès refusé / Forbidden",
        "Your role may not call this endpoint", null);
  }

  public static ApiProblem tooLarge(long limit) {
    return new ApiProblem(413, "payload-too-large", "Requête trop volumineuse / Payload too large",
        "The body exceeds " + limit + " bytes", null);
  }

  public static ApiProblem tooManyRequests() {
    return new ApiProblem(429, "rate-limited", "Trop de requêtes / Too many requests",
        "Rate limit exceeded for this token; retry later", null);
  }

  public static ApiProblem unavailable(String detail) {
    return new ApiProblem(503, "unavailable", "Service indisponible / Service unavailable", detail, null);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String field() {
    return field;
  }
}
