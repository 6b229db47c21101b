package org.vigie.platform.ops;

import io.javalin.config.JavalinConfig;
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

  /** Makes the server of {@code config} answer its own errors with problems. */
  public static void install(JavalinConfig config) {
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String body = "{\"type\":\"/problems/http-" + code + "\",\"title\":\"Requête refusée / Request rejected\",\"status\":" + code
        + ",\"detail\":\"" + (code >= 500 ? "Erreur du serveur / Server error" : "Requête HTTP invalide / Invalid HTTP request")
        + "\"}";
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json; charset=utf-8");
    if (!HttpStatus.hasNoBody(code)) {
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    } else {
      callback.succeeded();
    }
  }
}
