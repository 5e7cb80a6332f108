package dev.partita.codec;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds codecs by name among the {@link CompressionCodecProvider}s on the class path. */
public final class CompressionCodecs {
  private CompressionCodecs() {}

  /** The codec {@code none}: bytes stored as they are. */
  public static CompressionCodec none() {
    return NoneCodec.INSTANCE;
  }

  /**
   * The codec of this name at its default level.
   *
   * @throws IllegalArgumentException listing the available names when none matches
   */
  public static CompressionCodec byName(String name) {
    return byName(name, OptionalInt.empty());
  }

  /**
   * The codec of this name at {@code level} (or its default when empty).
   *
   * @throws IllegalArgumentException listing the available names when none matches
   */
  public static CompressionCodec byName(String name, OptionalInt level) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    CompressionCodecProvider p = providers().get(key);
    if (p == null) {
      throw new IllegalArgumentException("unknown codec '" + name + "'; available: " + String.join(", ",
          providers().keySet()) + " (snappy, zstd and lz4_raw come with the partita-codecs artifact)");
    }
    return p.create(level);
  }

  /** Names of every codec found, sorted. */
  public static java.util.Set<String> names() {
    return providers().keySet();
  }

  private static Map<String, CompressionCodecProvider> providers() {
    Map<String, CompressionCodecProvider> out = new TreeMap<>();
    for (CompressionCodecProvider p : ServiceLoader.load(CompressionCodecProvider.class,
        CompressionCodecs.class.getClassLoader())) {
      out.putIfAbsent(p.name(), p);
    }
    return out;
  }
}
