package dev.partita.codec;

import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * A block compression codec: compresses one buffer at a time, as Parquet pages and text-file chunks need.
 * Instances are immutable and thread-safe; per-call state is created inside the call or kept per thread.
 * Buffers may be heap or direct.
 */
public interface CompressionCodec {

  /** The lower-case name used in options and file names: {@code none}, {@code gzip}, {@code snappy}, ... */
  String name();

  /** The compression level this instance uses, when the codec has levels. */
  OptionalInt level();

  /** An upper bound of the compressed size of {@code length} input bytes. */
  int maxCompressedLength(int length);

  /**
   * Compresses {@code input}'s remaining bytes into {@code output} from its position, which must have
   * {@link #maxCompressedLength} bytes remaining. Advances both positions.
   *
   * @return the number of compressed bytes written
   */
  int compress(ByteBuffer input, ByteBuffer output);

  /**
   * Decompresses {@code input}'s remaining bytes into {@code output}, whose remaining space must be at least the
   * uncompressed length (formats record it). Advances both positions.
   *
   * @return the number of bytes produced
   */
  int decompress(ByteBuffer input, ByteBuffer output);
}
