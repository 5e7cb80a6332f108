package dev.partita.codecs;

import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecProvider;
import java.util.OptionalInt;

/**
 * Registers the codec {@code snappy}: raw Snappy blocks, as Parquet and ORC store them. Snappy has no levels.
 * Raw blocks do not concatenate into a readable stream, so text formats cannot use this codec.
 */
public final class SnappyCodecProvider implements CompressionCodecProvider {

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SnappyCodecProvider() {}

  @Override
  public String name() {
    return "snappy";
  }

  /**
   * The snappy codec.
   *
   * @throws IllegalArgumentException when a level is given
   */
  @Override
  public CompressionCodec create(OptionalInt level) {
    if (level.isPresent()) {
      throw new IllegalArgumentException("codec 'snappy' has no levels; remove the level (got "
          + level.getAsInt() + ")");
    }
    return SnappyCodec.INSTANCE;
  }
}
