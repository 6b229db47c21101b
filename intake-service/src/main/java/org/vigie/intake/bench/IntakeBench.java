package org.vigie.intake.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running intake over HTTP from its own thread pool and prints single-event POST/s with
 * p50/p99 latency, then CSV import events/s. It creates its own association (administrator token
 * needed), one token per client thread (the per-token rate limit applies to each) and a pool of
 * cases per thread, which it records events on in turn: a case's history stays the length of a
 * real one (a few dozen events over a run) instead of growing to thousands of events. The measured
 * requests go through {@link KeepAliveConnection}, one keep-alive connection per thread, so that the
 * client's own CPU (on the same machine) stays small, and so do the imports; setup uses java.net.http.
 *
 * <pre>IntakeBench [--url http://localhost:8080] [--admin-token T] [--threads 64] [--seconds 20]
 *              [--warmup-seconds 5] [--cases-per-thread 50] [--import-rows 20000] [--import-chunk 2000]
 *              [--import-warmup-rows 60000] [--import-parallel 4]
 *              [--import-names]</pre>
 * With {@code --import-names}, every imported line also has a name (nom), which the vault encrypts.
 * The administrator token defaults to VIGIE_ADMIN_TOKEN.
 */
public final class IntakeBench {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String url;
  private final String adminToken;
  private final Options options;
  /** Setup requests. */
  private final HttpClient http;
  private final ExecutorService pool;

  /** What to run: client threads, the POST run's length and cases, the imports' sizes, parallelism and whether lines carry a name. */
  record Options(int threads, int seconds, int warmupSeconds, int casesPerThread, int importRows, int importChunk,
      int importWarmupRows, int importParallel, boolean importNames) {
    Options {
      if (threads < 1 || seconds < 1 || warmupSeconds < 0 || importRows < 1 || importChunk < 1 || importWarmupRows < 0
          || importParallel < 1) {
        throw new IllegalArgumentException("--threads, --seconds, --import-rows, --import-chunk and --import-parallel "
            + "must be at least 1, --warmup-seconds and --import-warmup-rows at least 0");
      }
    }

    static Options parse(String[] args) {
      return new Options(Integer.parseInt(arg(args, "--threads", "64")), Integer.parseInt(arg(args, "--seconds", "20")),
          Integer.parseInt(arg(args, "--warmup-seconds", "5")), Math.max(1, Integer.parseInt(arg(args, "--cases-per-thread", "50"))),
          Integer.parseInt(arg(args, "--import-rows", "20000")), Integer.parseInt(arg(args, "--import-chunk", "2000")),
          Integer.parseInt(arg(args, "--import-warmup-rows", "60000")), Integer.parseInt(arg(args, "--import-parallel", "4")),
          Arrays.asList(args).contains("--import-names"));
    }
  }

  IntakeBench(String url, String adminToken, Options options) {
    this.url = url.replaceAll("/+$", "");
    this.adminToken = adminToken;
    this.options = options;
    this.pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "bench-client");
      t.setDaemon(true);
      return t;
    });
    this.http = newHttpClient();
  }

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://localhost:8080");
    String admin = arg(args, "--admin-token", System.getenv("VIGIE_ADMIN_TOKEN"));
    if (admin == null) {
      System.err.println("An administrator token is required: --admin-token or VIGIE_ADMIN_TOKEN");
      System.exit(2);
    }
    IntakeBench bench = new IntakeBench(url, admin, Options.parse(args));
    try {
      Result post = bench.singleEvents();
      System.out.println(post.format());
      ImportResult imp = bench.csvImport();
      System.out.println(imp.format());
    } finally {
      bench.pool.shutdownNow();
    }
  }

  /** Figures of the single-event run. */
  public record Result(long ok, long failed, double seconds, long p50Micros, long p99Micros, long maxMicros) {
    public double perSecond() {
      return ok / seconds;
    }

    public String format() {
      return String.format(Locale.ROOT, "single-event POST: %d accepted, %d failed in %.1f s = %.0f POST/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
          ok, failed, seconds, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
    }
  }

  /** Figures of the CSV import run. */
  public record ImportResult(long rows, long events, double seconds) {
    public String format() {
      return String.format(Locale.ROOT, "CSV import: %d lines, %d events in %.1f s = %.0f events/s (%.0f lines/s)",
          rows, events, seconds, events / seconds, rows / seconds);
    }
  }

  Result singleEvents() throws Exception {
    String association = post("/api/v1/admin/associations", adminToken, "{\"name\":\"Bench " + UUID.randomUUID() + "\"}", 201)
        .get("associationId").asText();
    String coordinator = null;
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      JsonNode t = post("/api/v1/associations/" + association + "/tokens", adminToken, "{}", 201);
      tokens.add(t.get("token").asText());
      coordinator = coordinator == null ? t.get("token").asText() : coordinator;
    }
    List<List<String>> cases = openCases(tokens);
    this.importToken = coordinator;
    String event = "{\"type\":\"CCC_CONTACT_ATTEMPTED\",\"occurredOn\":\"" + LocalDate.now().minusDays(1)
        + "\",\"channel\":\"PHONE\",\"outcome\":\"NO_ANSWER\",\"waitMinutes\":40}";
    runFor(options.warmupSeconds(), tokens, cases, event, new AtomicLong(), new AtomicLong(), null);
    // Phase markers: a script sampling the processes' CPU can cut at these lines.
    System.out.println("measuring single-event POSTs for " + options.seconds() + " s");
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long start = System.nanoTime();
    runFor(options.seconds(), tokens, cases, event, ok, failed, latencies);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
    if (all.length == 0) {
      return new Result(ok.get(), failed.get(), elapsed, 0, 0, 0);
    }
    return new Result(ok.get(), failed.get(), elapsed, all[(int) (all.length * 0.50)] / 1000,
        all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1000, all[all.length - 1] / 1000);
  }

  private String importToken;

  /** The cases of each thread, opened by the thread pool (setup, not measured). */
  private List<List<String>> openCases(List<String> tokens) throws Exception {
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      String token = tokens.get(i);
      futures.add(pool.submit(() -> {
        List<String> mine = new ArrayList<>();
        for (int c = 0; c < options.casesPerThread(); c++) {
          mine.add(post("/api/v1/cases", token, """
              {"permit":{"kind":"CARTE_TEMPORAIRE","expiresOn":"2027-06-01"},"procedure":"RENEWAL","department":"93"}""", 201)
              .get("caseId").asText());
        }
        return mine;
      }));
    }
    List<List<String>> all = new ArrayList<>();
    for (Future<List<String>> f : futures) {
      all.add(f.get());
    }
    return all;
  }

  private void runFor(int forSeconds, List<String> tokens, List<List<String>> cases, String event, AtomicLong ok, AtomicLong failed,
      List<long[]> latencies) throws Exception {
    long end = System.nanoTime() + forSeconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      String token = tokens.get(i);
      URI base = URI.create(url);
      List<byte[]> requests = cases.get(i).stream()
          .map(c -> KeepAliveConnection.request(base, "POST", base.getRawPath() + "/api/v1/cases/" + c + "/events", token, "application/json", event))
          .toList();
      futures.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        int next = 0;
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
          while (System.nanoTime() < end) {
            byte[] request = requests.get(next++ % requests.size());
            long t0 = System.nanoTime();
            int status;
            try {
              status = connection.exchange(request);
            } catch (IOException e) {
              status = -1;
            }
            long took = System.nanoTime() - t0;
            if (status == 202) {
              ok.incrementAndGet();
              if (n == lat.length) {
                lat = Arrays.copyOf(lat, n * 2);
              }
              lat[n++] = took;
            } else {
              failed.incrementAndGet();
            }
          }
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    for (Future<long[]> f : futures) {
      long[] l = f.get();
      if (latencies != null) {
        latencies.add(l);
      }
    }
  }

  private static HttpClient newHttpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * The measured import, after a warm-up import of other lines (not counted), as the POSTs have
   * theirs: without it the measure includes the server compiling its import path.
   */
  ImportResult csvImport() throws Exception {
    if (options.importWarmupRows() > 0) {
      System.out.println("warming up the import with " + options.importWarmupRows() + " lines");
      importLines(options.importWarmupRows(), false);
    }
    return importLines(options.importRows(), true);
  }

  private ImportResult importLines(int lines, boolean measured) throws Exception {
    boolean names = options.importNames();
    String header = "reference;demarche;departement;type_titre;date_expiration;salarie;date_depot;api_delivree_le;api_valide_jusqu_au"
        + (names ? ";nom\n" : "\n");
    String run = UUID.randomUUID().toString().substring(0, 8);
    // Requests are built before the clock starts, and sent on keep-alive connections whose answers
    // are read only as far as their counts: the client shares the machine with the service.
    URI base = URI.create(url);
    List<byte[]> requests = new ArrayList<>();
    for (int start = 0; start < lines; start += options.importChunk()) {
      StringBuilder b = new StringBuilder(header);
      for (int i = start; i < Math.min(lines, start + options.importChunk()); i++) {
        b.append("B-").append(run).append('-').append(i).append(";renouvellement;93;carte temporaire;01/06/2027;oui;")
            .append("01/03/2026;01/09/2026;30/11/2026");
        if (names) {
          b.append(";Personne ").append(run).append(' ').append(i);
        }
        b.append('\n');
      }
      requests.add(KeepAliveConnection.request(base, "POST", base.getRawPath() + "/api/v1/imports", importToken, "text/csv", b.toString()));
    }
    int parallel = Math.max(1, options.importParallel());
    if (measured) {
      System.out.println("importing " + lines + " lines");
    }
    AtomicLong events = new AtomicLong();
    AtomicLong rows = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int p = 0; p < parallel; p++) {
      int first = p;
      futures.add(pool.submit(() -> {
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
          for (int i = first; i < requests.size(); i += parallel) {
            KeepAliveConnection.Answer answer = connection.exchangeForBody(requests.get(i));
            if (answer.status() != 200) {
              throw new IllegalStateException("import chunk refused: " + answer.status() + " "
                  + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            long[] counts = counts(answer.body(), "events", "accepted");
            events.addAndGet(counts[0]);
            rows.addAndGet(counts[1]);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    return new ImportResult(rows.get(), events.get(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * The top-level numbers {@code names} of an import's answer, read without its per-line report
   * (which comes after them, and which the client has no use for).
   */
  static long[] counts(byte[] answer, String... names) throws IOException {
    long[] out = new long[names.length];
    int found = 0;
    try (JsonParser parser = MAPPER.getFactory().createParser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("The import's answer is not a JSON object");
      }
      while (found < names.length && parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        int at = Arrays.asList(names).indexOf(field);
        if (at >= 0 && value == JsonToken.VALUE_NUMBER_INT) {
          out[at] = parser.getLongValue();
          found++;
        } else {
          parser.skipChildren();
        }
      }
    }
    if (found < names.length) {
      throw new IOException("The import's answer lacks one of " + Arrays.toString(names));
    }
    return out;
  }

  private JsonNode post(String path, String token, String body, int expected) throws IOException, InterruptedException {
    HttpResponse<String> r = send("POST", path, token, body, "application/json");
    if (r.statusCode() != expected) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return MAPPER.readTree(r.body());
  }

  private HttpResponse<String> send(String method, String path, String token, String body, String contentType)
      throws IOException, InterruptedException {
    return send(URI.create(url + path), token, body, contentType, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(URI uri, String token, String body, String contentType, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, handler);
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
