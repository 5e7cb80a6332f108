package dev.partita.codec;

import java.util.OptionalInt;

/**
 * Makes {@link CompressionCodec}s of one name; registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.partita.codec.CompressionCodecProvider}.
 */
public interface CompressionCodecProvider {

  /** The codec name this provider serves, lower case. */
  String name();

  /**
   * A codec at {@code level}, or at the codec's default when empty.
   *
   * @throws IllegalArgumentException naming the codec and its level range when the level is not supported
   */
  CompressionCodec create(OptionalInt level);
}
