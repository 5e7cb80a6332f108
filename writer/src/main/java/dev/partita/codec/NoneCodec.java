package dev.partita.codec;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/** Stores bytes unchanged. */
final class NoneCodec implements CompressionCodec {
  static final NoneCodec INSTANCE = new NoneCodec();

  @Override
  public String name() {
    return "none";
  }

  @Override
  public OptionalInt level() {
    return OptionalInt.empty();
  }

  @Override
  public int maxCompressedLength(int length) {
    return length;
  }

  @Override
  public int compress(ByteBuffer input, ByteBuffer output) {
    int n = input.remaining();
    output.put(input);
    return n;
  }

  @Override
  public int decompress(ByteBuffer input, ByteBuffer output) {
    return compress(input, output);
  }

  /** Registers {@code none}. */
  public static final class Provider implements CompressionCodecProvider {
    @Override
    public String name() {
      return "none";
    }

    @Override
    public CompressionCodec create(OptionalInt level) {
      if (level.isPresent()) {
        throw new IllegalArgumentException("codec 'none' has no levels; remove the level");
      }
      return INSTANCE;
    }
  }
}
