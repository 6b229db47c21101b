package org.vigie.intake.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that sends a prepared request and reads the answer's status,
 * discarding its body or keeping it: the benchmark's measuring client. It shares the machine with the service, so
 * it must cost little per request (java.net.http costs about as much CPU per request as intake
 * itself). Plain http only; Content-Length and chunked bodies.
 */
final class KeepAliveConnection implements AutoCloseable {
  private final URI base;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final byte[] skip = new byte[8192];

  KeepAliveConnection(URI base) {
    this.base = base;
  }

  /** The bytes of a request, built once and sent many times. */
  static byte[] request(URI base, String method, String path, String token, String contentType, String body) {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port(base) + "\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + payload.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(payload, 0, all, h.length, payload.length);
    return all;
  }

  /** An answer whose body was kept. */
  record Answer(int status, byte[] body) {}

  /** Sends the request and returns the answer's status (the connection is reopened if the server closed it). */
  int exchange(byte[] request) throws IOException {
    return exchange(request, null);
  }

  /** Sends the request and returns the answer with its body. */
  Answer exchangeForBody(byte[] request) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = exchange(request, body);
    return new Answer(status, body.toByteArray());
  }

  private int exchange(byte[] request, OutputStream body) throws IOException {
    if (socket == null) {
      open();
    }
    try {
      out.write(request);
      out.flush();
      return readResponse(body);
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private void open() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(base.getHost(), port(base)), 10_000);
    socket.setSoTimeout(300_000);
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    out = socket.getOutputStream();
  }

  private int readResponse(OutputStream body) throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("Not an HTTP/1.1 answer");
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        copy(size, body);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length > 0) {
      copy(length, body);
    }
    if (close) {
      close();
    }
    return code;
  }

  /** Reads n bytes of the body into {@code body}, or discards them when it is null. */
  private void copy(long n, OutputStream body) throws IOException {
    while (n > 0) {
      int r = in.read(skip, 0, (int) Math.min(skip.length, n));
      if (r < 0) {
        throw new EOFException();
      }
      if (body != null) {
        body.write(skip, 0, r);
      }
      n -= r;
    }
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException();
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  private static int port(URI base) {
    return base.getPort() > 0 ? base.getPort() : 80;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already gone
      }
      socket = null;
    }
  }
}
