package dev.partita.codecs;

import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecProvider;
import java.util.OptionalInt;

/**
 * Registers the codec {@code lz4_raw}: raw LZ4 blocks, Parquet's {@code LZ4_RAW}. Has no levels.
 *
 * <p>No codec is registered under the bare name {@code lz4}, because it is ambiguous: Parquet's deprecated
 * {@code LZ4} is Hadoop's framed variant while ORC's {@code lz4} is raw blocks. Raw blocks do not concatenate
 * into a readable stream, so text formats cannot use this codec.
 */
public final class Lz4RawCodecProvider implements CompressionCodecProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public Lz4RawCodecProvider() {}

  @Override
  public String name() {
    return "lz4_raw";
  }

  /**
   * The lz4_raw codec.
   *
   * @throws IllegalArgumentException when a level is given
   */
  @Override
  public CompressionCodec create(OptionalInt level) {
    if (level.isPresent()) {
      throw new IllegalArgumentException("codec 'lz4_raw' has no levels; remove the level (got "
          + level.getAsInt() + ")");
    }
    return Lz4RawCodec.INSTANCE;
  }
}
