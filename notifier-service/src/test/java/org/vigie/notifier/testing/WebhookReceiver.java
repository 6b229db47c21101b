package org.vigie.notifier.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP receiver (on 127.0.0.1 unless told) recording webhook calls; each path answers a chosen status. */
public final class WebhookReceiver implements AutoCloseable {
  /** One received call. */
  public record Call(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

  public WebhookReceiver() {
    this("127.0.0.1", 0);
  }

  /** A receiver on another loopback address (127.0.0.2...) or a chosen port (0: any free one). */
  public WebhookReceiver(String loopbackAddress, int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(loopbackAddress, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getPath();
      calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders()), body));
      exchange.sendResponseHeaders(statuses.getOrDefault(path, 204), -1);
      exchange.close();
    });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void answer(String path, int status) {
    statuses.put(path, status);
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
