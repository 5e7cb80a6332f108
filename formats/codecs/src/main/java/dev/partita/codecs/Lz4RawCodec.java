package dev.partita.codecs;

import dev.partita.PartitaException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 in its raw block format (no frame, no length prefix), as Parquet's {@code LZ4_RAW} pages and ORC's
 * {@code lz4} chunks hold it, on lz4-java's fastest available implementation (JNI when it loads). Has no
 * levels. Decompression uses the bounds-checking decoder.
 */
final class Lz4RawCodec extends BlockCodec {
  static final Lz4RawCodec INSTANCE = new Lz4RawCodec();

  private final LZ4Compressor compressor;
  private final LZ4SafeDecompressor decompressor;

  private Lz4RawCodec() {
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = factory.fastCompressor();
    this.decompressor = factory.safeDecompressor();
  }

  @Override
  public String name() {
    return "lz4_raw";
  }

  @Override
  public OptionalInt level() {
    return OptionalInt.empty();
  }

  @Override
  public int maxCompressedLength(int length) {
    return compressor.maxCompressedLength(length);
  }

  @Override
  int compressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      return compressor.compress(in, inOff, inLen, out, outOff, outLen);
    } catch (LZ4Exception e) {
      throw new PartitaException("lz4_raw compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int compressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    try {
      return compressor.compress(in, inOff, inLen, out, outOff, outLen);
    } catch (LZ4Exception e) {
      throw new PartitaException("lz4_raw compression failed: " + e.getMessage(), e);
    }
  }

  @Override
  int decompressArrays(byte[] in, int inOff, int inLen, byte[] out, int outOff, int outLen) {
    try {
      return decompressor.decompress(in, inOff, inLen, out, outOff, outLen);
    } catch (LZ4Exception e) {
      throw new PartitaException("corrupt lz4_raw data or output buffer of " + outLen + " bytes too small: "
          + e.getMessage(), e);
    }
  }

  @Override
  int decompressDirect(ByteBuffer in, int inOff, int inLen, ByteBuffer out, int outOff, int outLen) {
    try {
      return decompressor.decompress(in, inOff, inLen, out, outOff, outLen);
    } catch (LZ4Exception e) {
      throw new PartitaException("corrupt lz4_raw data or output buffer of " + outLen + " bytes too small: "
          + e.getMessage(), e);
    }
  }
}
