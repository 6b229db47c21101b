package org.vigie.cli.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Derives from source code which environment variables a service reads: string literals that are
 * configuration names ({@code "VIGIE_…"}, {@code "SMTP_…"}, {@code "KAFKA_…"}; one ending in
 * {@code _} is a prefix), references to the contract constants of {@code ConfigNames} (qualified or
 * statically imported), and {@code ${VIGIE_…}} placeholders in resources (e.g. logback.xml).
 */
final class EnvironmentScanner {
  private static final String NAME = "(?:VIGIE|SMTP|KAFKA)_[A-Z0-9_]*";
  private static final Pattern LITERAL = Pattern.compile("\"(" + NAME + ")\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + NAME + ")[:}]");
  private static final Pattern CONSTANT =
      Pattern.compile("public\\s+static\\s+final\\s+String\\s+([A-Z0-9_]+)\\s*=\\s*\"(" + NAME + ")\"");
  private static final Pattern QUALIFIED = Pattern.compile("\\bConfigNames\\.([A-Z0-9_]+)\\b");
  private static final String STATIC_IMPORT = "import static org.vigie.platform.config.ConfigNames.";

  private final Map<String, String> contractConstants;

  /** @param contractConstants ConfigNames constant name → variable name */
  EnvironmentScanner(Map<String, String> contractConstants) {
    this.contractConstants = Map.copyOf(contractConstants);
  }

  /** Reads the constants of a ConfigNames-like source file. */
  static Map<String, String> constantsOf(Path javaFile) {
    Map<String, String> out = new TreeMap<>();
    Matcher m = CONSTANT.matcher(read(javaFile));
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }

  /** The variables read by the sources under the given roots (directories of java files and resources, or files). */
  Reads scan(Path... roots) {
    Reads reads = new Reads(new TreeSet<>(), new TreeSet<>());
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile).filter(EnvironmentScanner::isSource).forEach(f -> scanFile(f, reads));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return reads;
  }

  private static boolean isSource(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".xml") || name.endsWith(".properties")
        || name.endsWith(".yml") || name.endsWith(".yaml");
  }

  private void scanFile(Path file, Reads reads) {
    String text = read(file);
    for (Pattern p : new Pattern[] {LITERAL, PLACEHOLDER}) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        reads.add(m.group(1));
      }
    }
    Matcher q = QUALIFIED.matcher(text);
    while (q.find()) {
      String name = contractConstants.get(q.group(1));
      if (name != null) {
        reads.add(name);
      }
    }
    if (text.contains(STATIC_IMPORT)) {
      contractConstants.forEach((constant, name) -> {
        if (Pattern.compile("(?<![.\\w])" + constant + "\\b").matcher(text.replace(STATIC_IMPORT, "")).find()) {
          reads.add(name);
        }
      });
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exact names, and prefixes (a family of names such as one per severity). */
  record Reads(TreeSet<String> names, TreeSet<String> prefixes) {
    void add(String name) {
      if (name.endsWith("_")) {
        prefixes.add(name);
      } else {
        names.add(name);
      }
    }

    boolean covers(String variable) {
      return names.contains(variable) || prefixes.stream().anyMatch(variable::startsWith);
    }
  }
}
