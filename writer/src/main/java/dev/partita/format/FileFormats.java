package dev.partita.format;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Finds formats by name among the {@link FileFormatProvider}s on the class path. */
public final class FileFormats {
  private FileFormats() {}

  /** The format of this name with default options. */
  public static FileFormat byName(String name) {
    return byName(name, Map.of());
  }

  /**
   * The format of this name configured with string options.
   *
   * @throws IllegalArgumentException listing the available formats when none matches
   */
  public static FileFormat byName(String name, Map<String, String> options) {
    FileFormatProvider p = providers().get(name.trim().toLowerCase(Locale.ROOT));
    if (p == null) {
      throw new IllegalArgumentException("unknown format '" + name + "'; available: "
          + String.join(", ", providers().keySet()) + " (add partita-parquet, partita-orc or partita-text)");
    }
    return p.create(options);
  }

  /** Names of every format found, sorted. */
  public static Set<String> names() {
    return providers().keySet();
  }

  private static Map<String, FileFormatProvider> providers() {
    Map<String, FileFormatProvider> out = new TreeMap<>();
    for (FileFormatProvider p : ServiceLoader.load(FileFormatProvider.class, FileFormats.class.getClassLoader())) {
      out.putIfAbsent(p.name(), p);
    }
    return out;
  }
}
