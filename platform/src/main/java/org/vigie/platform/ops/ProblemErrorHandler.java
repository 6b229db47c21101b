package org.vigie.platform.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors the HTTP server answers before any route runs (a request line or path it cannot accept, such as an
 * encoded NUL) as an RFC 9457 problem, like every other error of the services, instead of the server's HTML page.
 * The detail is fixed: the server's own message may quote the request.
 */
public final class ProblemErrorHandler extends ErrorHandler {

  private static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

  /**
   * Makes the server of {@code config} answer its own errors with problems, and the framework's (a path no route
   * takes, a method a path does not take) too; a service with routes of its own may map the latter again after this.
   */
  public static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).contentType(PROBLEM_JSON)
        .result(body(e.getStatus(), switch (e.getStatus()) {
          case 404 -> "Adresse inconnue / Unknown path";
          case 405 -> "Méthode non permise à cette adresse / Method not allowed on this path";
          default -> detail(e.getStatus());
        })));
  }

  private static String detail(int code) {
    return code >= 500 ? "Erreur du serveur / Server error" : "Requête HTTP invalide / Invalid HTTP request";
  }

  private static String body(int code, String detail) {
    return "{\"type\":\"/problems/http-" + code + "\",\"title\":\"Requête refusée / Request rejected\",\"status\":" + code
        + ",\"detail\":\"" + detail + "\"}";
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String body = body(code, detail(code));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
    if (!HttpStatus.hasNoBody(code)) {
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    } else {
      callback.succeeded();
    }
  }
}
