package dev.partita.codecs;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import dev.partita.PartitaException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Zstandard on zstd-jni. Each call writes one complete zstd frame (with the content size in its header), so
 * compressed chunks concatenate into a valid multi-frame {@code .zst} stream; decompression accepts one or more
 * concatenated frames.
 */
final class ZstdCodec extends BlockCodec {
  private final int level;

  ZstdCodec(int level) {
    this.level = level;
  }

  @Override
  public String name() {
    return "zstd";
  }

  @Override
  public OptionalInt level() {
    return OptionalInt.of(level);
  }

  @Override
  public int maxCompressedLength(int length) {
    return Math.toIntExact(Zstd.compressBound(length));
  }

  @Override
  int compressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      return check(Zstd.compressByteArray(out, outOff, outLen, in, inOff, inLen, level), "compression failed");
    } catch (ZstdException e) {
      throw new PartitaException("zstd compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int compressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    try {
      return check(Zstd.compressDirectByteBuffer(out, outOff, outLen, in, inOff, inLen, level),
          "compression failed");
    } catch (ZstdException e) {
      throw new PartitaException("zstd compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int decompressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      return check(Zstd.decompressByteArray(out, outOff, outLen, in, inOff, inLen), decompressFailure(outLen));
    } catch (ZstdException e) {
      throw new PartitaException(decompressFailure(outLen) + ": " + e.getMessage(), e);
    }
  }

  @Override
  int decompressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    try {
      return check(Zstd.decompressDirectByteBuffer(out, outOff, outLen, in, inOff, inLen),
          decompressFailure(outLen));
    } catch (ZstdException e) {
      throw new PartitaException(decompressFailure(outLen) + ": " + e.getMessage(), e);
    }
  }

  private static String decompressFailure(int outLen) {
    return "corrupt zstd data or output buffer of " + outLen + " bytes too small";
  }

  /** zstd-jni reports some errors as codes and others as {@link ZstdException}; both end up here. */
  private static int check(long result, String what) {
    if (Zstd.isError(result)) {
      throw new PartitaException("zstd " + what + ": " + Zstd.getErrorName(result));
    }
    return (int) result;
  }
}
