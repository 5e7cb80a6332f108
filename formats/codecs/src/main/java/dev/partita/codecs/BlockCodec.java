package dev.partita.codecs;

import dev.partita.codec.CompressionCodec;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Base of the native-library codecs: checks the buffers, then hands both buffers to the library's array API
 * (both backed by accessible arrays) or its direct API (both direct). Otherwise (a heap buffer paired with a
 * direct one, or a read-only heap input) the side without an accessible array goes through a temporary array,
 * which costs one allocation and copy per call.
 */
abstract class BlockCodec implements CompressionCodec {

  @Override
  public final int compress(ByteBuffer input, ByteBuffer output) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    int inLen = input.remaining();
    int bound = maxCompressedLength(inLen);
    if (output.isReadOnly()) {
      throw new IllegalArgumentException(name() + " output buffer is read-only");
    }
    if (output.remaining() < bound) {
      throw new IllegalArgumentException(name() + " output buffer has " + output.remaining()
          + " bytes remaining; compressing " + inLen + " bytes needs maxCompressedLength = " + bound);
    }
    int n;
    if (input.hasArray() && output.hasArray()) {
      n = compressArrays(input.array(), input.arrayOffset() + input.position(), inLen,
          output.array(), output.arrayOffset() + output.position(), output.remaining());
    } else if (input.isDirect() && output.isDirect()) {
      n = compressDirect(input, input.position(), inLen, output, output.position(), output.remaining());
    } else if (input.hasArray()) {
      byte[] out = new byte[bound];
      n = compressArrays(input.array(), input.arrayOffset() + input.position(), inLen, out, 0, bound);
      output.put(output.position(), out, 0, n);
    } else {
      byte[] in = toArray(input);
      byte[] out = output.hasArray() ? output.array() : new byte[bound];
      int outOff = output.hasArray() ? output.arrayOffset() + output.position() : 0;
      n = compressArrays(in, 0, inLen, out, outOff, output.hasArray() ? output.remaining() : bound);
      if (!output.hasArray()) {
        output.put(output.position(), out, 0, n);
      }
    }
    input.position(input.limit());
    output.position(output.position() + n);
    return n;
  }

  @Override
  public final int decompress(ByteBuffer input, ByteBuffer output) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    if (output.isReadOnly()) {
      throw new IllegalArgumentException(name() + " output buffer is read-only");
    }
    int inLen = input.remaining();
    int n;
    if (input.hasArray() && output.hasArray()) {
      n = decompressArrays(input.array(), input.arrayOffset() + input.position(), inLen,
          output.array(), output.arrayOffset() + output.position(), output.remaining());
    } else if (input.isDirect() && output.isDirect()) {
      n = decompressDirect(input, input.position(), inLen, output, output.position(), output.remaining());
    } else if (input.hasArray()) {
      byte[] out = new byte[output.remaining()];
      n = decompressArrays(input.array(), input.arrayOffset() + input.position(), inLen, out, 0, out.length);
      output.put(output.position(), out, 0, n);
    } else {
      byte[] in = toArray(input);
      byte[] out = output.hasArray() ? output.array() : new byte[output.remaining()];
      int outOff = output.hasArray() ? output.arrayOffset() + output.position() : 0;
      n = decompressArrays(in, 0, inLen, out, outOff, output.remaining());
      if (!output.hasArray()) {
        output.put(output.position(), out, 0, n);
      }
    }
    input.position(input.limit());
    output.position(output.position() + n);
    return n;
  }

  private static byte[] toArray(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.get(b.position(), a);
    return a;
  }

  /** Compresses {@code in[inOff, inOff+inLen)} into {@code out} at {@code outOff}; returns the size written. */
  abstract int compressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen);

  /** As {@link #compressArrays} on direct buffers, by absolute offsets; must not move positions or limits. */
  abstract int compressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen);

  /** Decompresses one block; returns the size produced; fails if it needs more than {@code outLen}. */
  abstract int decompressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen);

  /** As {@link #decompressArrays} on direct buffers, by absolute offsets; must not move positions or limits. */
  abstract int decompressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen);

  /** The message for a decompressed size that does not fit the output. */
  final IllegalArgumentException outputTooSmall(long needed, int available) {
    return new IllegalArgumentException(name() + " block decompresses to " + needed + " bytes but the output "
        + "buffer has " + available + " bytes remaining");
  }

  @Override
  public String toString() {
    return level().isPresent() ? name() + "(level " + level().getAsInt() + ")" : name();
  }
}
