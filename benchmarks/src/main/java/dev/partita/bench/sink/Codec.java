package dev.partita.bench.sink;

import java.util.Locale;

/** The codecs every contender is measured with. */
public enum Codec {
  /** No compression. */
  NONE,
  /** Snappy. */
  SNAPPY,
  /** Zstandard at each library's default level (3). */
  ZSTD;

  /** The codec named in a JMH parameter: {@code none}, {@code snappy} or {@code zstd}. */
  public static Codec parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The lower-case name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
