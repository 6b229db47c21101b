package org.vigie.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every published version of each top-level record, read from the classpath
 * ({@code schema-history/<Record>/v<N>.avsc}, listed in {@code schema-history/index.txt}).
 * Events written years ago with any of these versions stay decodable without a registry server.
 */
public final class SchemaHistory {
  private static final String ROOT = "schema-history/";

  private SchemaHistory() {}

  /** All published versions of a record, oldest first. */
  public static List<Schema> versionsOf(String recordName) {
    List<Schema> versions = new ArrayList<>();
    for (String line : readResource(ROOT + "index.txt").split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      if (entry.startsWith(recordName + "/")) {
        versions.add(new Schema.Parser().parse(readResource(ROOT + entry)));
      }
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("No published schema for " + recordName + " in " + ROOT);
    }
    return List.copyOf(versions);
  }

  /** A store resolving every published version of a record by its fingerprint. */
  public static SchemaStore storeFor(String recordName) {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    versionsOf(recordName).forEach(cache::addSchema);
    return cache;
  }

  private static String readResource(String path) {
    ClassLoader loader = SchemaHistory.class.getClassLoader();
    try (InputStream in = Objects.requireNonNull(loader.getResourceAsStream(path), path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
