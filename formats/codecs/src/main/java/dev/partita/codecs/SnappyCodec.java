package dev.partita.codecs;

import dev.partita.PartitaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.xerial.snappy.Snappy;

/**
 * Snappy in its raw block format (no framing, no checksums), as Parquet's {@code SNAPPY} pages and ORC's
 * {@code snappy} chunks hold it, on snappy-java's native library. Has no levels.
 */
final class SnappyCodec extends BlockCodec {
  static final SnappyCodec INSTANCE = new SnappyCodec();

  private SnappyCodec() {}

  @Override
  public String name() {
    return "snappy";
  }

  @Override
  public OptionalInt level() {
    return OptionalInt.empty();
  }

  @Override
  public int maxCompressedLength(int length) {
    return Snappy.maxCompressedLength(length);
  }

  @Override
  int compressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      return Snappy.compress(in, inOff, inLen, out, outOff);
    } catch (IOException e) {
      throw new PartitaException("snappy compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int compressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    // snappy-java's direct API reads position..limit and moves the output limit: work on views.
    try {
      return Snappy.compress(in.duplicate().limit(inOff + inLen).position(inOff), out.duplicate().position(outOff));
    } catch (IOException e) {
      throw new PartitaException("snappy compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int decompressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      // The native decoder trusts the output size; check the length the block declares first.
      int needed = Snappy.uncompressedLength(in, inOff, inLen);
      if (needed > outLen) {
        throw outputTooSmall(needed, outLen);
      }
      return Snappy.uncompress(in, inOff, inLen, out, outOff);
    } catch (IOException e) {
      throw new PartitaException("corrupt snappy data: " + e.getMessage(), e);
    }
  }

  @Override
  int decompressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    ByteBuffer src = in.duplicate().limit(inOff + inLen).position(inOff);
    try {
      int needed = Snappy.uncompressedLength(src);
      if (needed > outLen) {
        throw outputTooSmall(needed, outLen);
      }
      return Snappy.uncompress(src, out.duplicate().position(outOff));
    } catch (IOException e) {
      throw new PartitaException("corrupt snappy data: " + e.getMessage(), e);
    }
  }
}
