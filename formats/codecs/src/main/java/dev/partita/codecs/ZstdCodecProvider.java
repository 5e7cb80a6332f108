package dev.partita.codecs;

import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecProvider;
import java.util.OptionalInt;

/**
 * Registers the codec {@code zstd}: Zstandard frames at levels {@value #MIN_LEVEL} (fastest) to
 * {@value #MAX_LEVEL} (smallest), default {@value #DEFAULT_LEVEL}. Zstandard's negative "fast" levels are not
 * offered. Frames concatenate into a valid stream, so text formats can use this codec ({@code .zst} files).
 */
public final class ZstdCodecProvider implements CompressionCodecProvider {
  /** The level used when none is given, as the zstd library and Parquet use by default. */
  public static final int DEFAULT_LEVEL = 3;
  /** The fastest level accepted. */
  public static final int MIN_LEVEL = 1;
  /** The strongest level accepted. */
  public static final int MAX_LEVEL = 22;

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public ZstdCodecProvider() {}

  @Override
  public String name() {
    return "zstd";
  }

  /**
   * A zstd codec at {@code level}, or at {@value #DEFAULT_LEVEL} when empty.
   *
   * @throws IllegalArgumentException when the level is outside {@value #MIN_LEVEL}..{@value #MAX_LEVEL}
   */
  @Override
  public CompressionCodec create(OptionalInt level) {
    int l = level.orElse(DEFAULT_LEVEL);
    if (l < MIN_LEVEL || l > MAX_LEVEL) {
      throw new IllegalArgumentException("zstd level must be in " + MIN_LEVEL + ".." + MAX_LEVEL + ", got " + l);
    }
    return new ZstdCodec(l);
  }
}
