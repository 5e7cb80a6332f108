package dev.partita.catalog.commit;

import java.nio.file.Path;

/** Child JVM helpers. */
final class Children {
  private Children() {}

  /** The java binary of the running JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
