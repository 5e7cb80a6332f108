package dev.partita.format.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The footer's {@code created_by}: {@code partita version <version> (build <id>)}, the form parquet-java's
 * {@code VersionParser} reads, so that readers never mistake these files for those of a writer with known bugs.
 * The version comes from the build (resource filtering), the build id from {@code build-id.txt}, which the build
 * writes with the commit hash in a git checkout; it reads {@code unknown} otherwise.
 */
final class CreatedBy {
  static final String VALUE = "partita version " + version() + " (build " + buildId() + ")";

  private CreatedBy() {}

  private static String version() {
    String v = read("version.properties");
    int eq = v.indexOf('=');
    String version = eq < 0 ? "" : v.substring(eq + 1).trim();
    // An unfiltered placeholder (running from an IDE without the Maven build) has no usable version.
    return version.isEmpty() || version.contains("${") ? "0.1.0-SNAPSHOT" : version;
  }

  private static String buildId() {
    String id = read("build-id.txt").trim();
    return id.matches("[0-9a-f]{7,40}") ? id : "unknown";
  }

  private static String read(String resource) {
    try (InputStream in = CreatedBy.class.getResourceAsStream(resource)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " of partita-parquet", e);
    }
  }
}
