package org.vigie.intake.http;

/**
 * An RFC 9457 problem: thrown by any layer, turned into {@code application/problem+json} by
 * {@link ProblemResponder}. The detail never repeats the value sent (it may be personal data);
 * it names the field. It is written in French and in English; the exception's message is the
 * English one (logs), the response's detail the caller's language.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final String title;
  private final Detail detail;
  private final String field;

  public ApiProblem(int status, String type, String title, Detail detail, String field) {
    super(detail.en(), null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.field = field;
  }

  /** Malformed request: not JSON, wrong JSON type, missing field, unparseable value. */
  public static ApiProblem badRequest(String field, String fr, String en) {
    return new ApiProblem(400, "malformed-request", "Requête mal formée / Malformed request", new Detail(fr, en), field);
  }

  /** Well-formed but not acceptable: unknown enum value, date out of range, closed case, … */
  public static ApiProblem unprocessable(String field, String fr, String en) {
    return new ApiProblem(422, "invalid-value", "Valeur refusée / Value rejected", new Detail(fr, en), field);
  }

  /** Acceptable, but not in the current state of what it names (an event already corrected, …). */
  public static ApiProblem conflict(String field, String fr, String en) {
    return new ApiProblem(409, "conflict", "Conflit / Conflict", new Detail(fr, en), field);
  }

  public static ApiProblem notFound(Resource what) {
    return new ApiProblem(404, "not-found", "Introuvable / Not found", what.notFound(), null);
  }

  public static ApiProblem unauthorized() {
    return new ApiProblem(401, "unauthorized", "Authentification requise / Authentication required",
        new Detail("Un jeton d'accès valide est requis", "A valid bearer token is required"), "Authorization");
  }

  public static ApiProblem forbidden() {
    return new ApiProblem(403, "forbidden", "Accès refusé / Forbidden",
        new Detail("Votre rôle ne permet pas cet appel", "Your role may not call this endpoint"), null);
  }

  public static ApiProblem tooLarge(long limit) {
    return new ApiProblem(413, "payload-too-large", "Requête trop volumineuse / Payload too large",
        new Detail("La requête dépasse " + limit + " octets", "The body exceeds " + limit + " bytes"), null);
  }

  public static ApiProblem tooManyRequests() {
    return new ApiProblem(429, "rate-limited", "Trop de requêtes / Too many requests",
        new Detail("Trop de requêtes pour ce jeton ; réessayez plus tard", "Rate limit exceeded for this token; retry later"), null);
  }

  public static ApiProblem unavailable(String fr, String en) {
    return new ApiProblem(503, "unavailable", "Service indisponible / Service unavailable", new Detail(fr, en), null);
  }

  /** The same problem naming {@code to} instead of its field, in the field and in the texts (a CSV column, say). */
  public ApiProblem forField(String to) {
    Detail renamed = field == null ? detail : detail.replace("'" + field + "'", "'" + to + "'");
    return new ApiProblem(status, type, title, renamed, to);
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

  public Detail detail() {
    return detail;
  }

  public String field() {
    return field;
  }
}
