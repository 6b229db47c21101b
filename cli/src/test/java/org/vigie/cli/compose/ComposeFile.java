package org.vigie.cli.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** docker-compose.yml, parsed: the environment variable names of each service. */
final class ComposeFile {
  private final JsonNode root;

  private ComposeFile(JsonNode root) {
    this.root = root;
  }

  static ComposeFile read(Path file) {
    try {
      return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode service(String name) {
    JsonNode s = root.path("services").path(name);
    if (s.isMissingNode()) {
      throw new AssertionError("docker-compose.yml has no service " + name);
    }
    return s;
  }

  /** Names under {@code environment}, in its map form or its list form ({@code NAME=value}). */
  TreeSet<String> environment(String serviceName) {
    JsonNode env = service(serviceName).path("environment");
    TreeSet<String> names = new TreeSet<>();
    if (env.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
        names.add(it.next().getKey());
      }
    } else if (env.isArray()) {
      env.forEach(item -> names.add(item.asText().split("=", 2)[0]));
    }
    return names;
  }

  Optional<String> dockerfile(String serviceName) {
    JsonNode build = service(serviceName).path("build");
    return build.has("dockerfile") ? Optional.of(build.get("dockerfile").asText()) : Optional.empty();
  }
}
