package dev.partita.bench.sink;

import java.util.Locale;

/** The codecs every contender is measured with. */
public enum Codec {
  /** No compression. */
  NONE,
  /** Snappy. */
  SNAPPY,
  /** Zstandard at each library's default level (3). */
  ZSTD,
  /** Gzip (Deflate) at the default level; ORC's ZLIB. */
  GZIP,
  /** LZ4 blocks without framing (Parquet's LZ4_RAW; ORC's LZ4). */
  LZ4_RAW;

  /** The codec named in a JMH parameter: {@code none}, {@code snappy}, {@code zstd}, {@code gzip} or {@code lz4_raw}. */
  public static Codec parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The lower-case name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
