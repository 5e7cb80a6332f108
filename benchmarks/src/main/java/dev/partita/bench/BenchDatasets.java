package dev.partita.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared datasets: {@code -Dpartita.datasets}, else {@code ../shared/datasets} relative to the working
 * directory or any of its parents (the repository root's sibling).
 */
final class BenchDatasets {
  private BenchDatasets() {}

  /** A dataset file by name. */
  static Path file(String name) {
    String p = System.getProperty("partita.datasets");
    if (p != null && Files.isRegularFile(Path.of(p, name))) {
      return Path.of(p, name);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("../shared/datasets").resolve(name).normalize();
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("dataset " + name + " not found; set -Dpartita.datasets=/path/to/shared/datasets");
  }
}
