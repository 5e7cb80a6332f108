package dev.partita.codec;

import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * gzip (RFC 1952) on the JDK's zlib, levels 1-9 (default 6). Each call produces one complete gzip member, so
 * compressed chunks can be concatenated into a valid multi-member {@code .gz} stream.
 */
final class GzipCodec implements CompressionCodec {
  private static final int DEFAULT_LEVEL = 6;
  private static final int HEADER = 10;
  private static final int TRAILER = 8;

  private final int level;

  GzipCodec(int level) {
    this.level = level;
  }

  @Override
  public String name() {
    return "gzip";
  }

  @Override
  public OptionalInt level() {
    return OptionalInt.of(level);
  }

  @Override
  public int maxCompressedLength(int length) {
    // zlib's deflateBound for stored blocks plus gzip framing.
    return length + (length >> 12) + (length >> 14) + (length >> 25) + 13 + HEADER + TRAILER + 5;
  }

  @Override
  public int compress(ByteBuffer input, ByteBuffer output) {
    int start = output.position();
    CRC32 crc = new CRC32();
    int inLen = input.remaining();
    crc.update(input.duplicate());
    output.put(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater d = new Deflater(level, true);
    try {
      d.setInput(input);
      d.finish();
      while (!d.finished()) {
        if (d.deflate(output) == 0 && !output.hasRemaining()) {
          throw new IllegalStateException("gzip output buffer too small");
        }
      }
    } finally {
      d.end();
    }
    putIntLe(output, (int) crc.getValue());
    putIntLe(output, inLen);
    return output.position() - start;
  }

  private static void putIntLe(ByteBuffer b, int v) {
    b.put((byte) v).put((byte) (v >>> 8)).put((byte) (v >>> 16)).put((byte) (v >>> 24));
  }

  @Override
  public int decompress(ByteBuffer input, ByteBuffer output) {
    int start = output.position();
    while (input.remaining() > 0) {
      skipHeader(input);
      Inflater inf = new Inflater(true);
      try {
        inf.setInput(input);
        while (!inf.finished()) {
          // An empty member finishes without producing a byte, so test finished() after the call.
          if (inf.inflate(output) == 0 && !inf.finished() && (inf.needsInput() || !output.hasRemaining())) {
            throw new IllegalStateException("truncated gzip data or output buffer too small");
          }
        }
        input.position(input.limit() - inf.getRemaining());
      } catch (DataFormatException e) {
        throw new IllegalStateException("corrupt gzip data: " + e.getMessage(), e);
      } finally {
        inf.end();
      }
      input.position(input.position() + TRAILER);
    }
    return output.position() - start;
  }

  private static void skipHeader(ByteBuffer in) {
    if (in.remaining() < HEADER || (in.get() & 0xff) != 0x1f || (in.get() & 0xff) != 0x8b || in.get() != 8) {
      throw new IllegalStateException("not gzip data");
    }
    int flags = in.get() & 0xff;
    in.position(in.position() + 6);
    if ((flags & 4) != 0) {
      int xlen = (in.get() & 0xff) | (in.get() & 0xff) << 8;
      in.position(in.position() + xlen);
    }
    if ((flags & 8) != 0) {
      while (in.get() != 0) {
        // file name
      }
    }
    if ((flags & 16) != 0) {
      while (in.get() != 0) {
        // comment
      }
    }
    if ((flags & 2) != 0) {
      in.position(in.position() + 2);
    }
  }

  /** Registers {@code gzip}. */
  public static final class Provider implements CompressionCodecProvider {
    @Override
    public String name() {
      return "gzip";
    }

    @Override
    public CompressionCodec create(OptionalInt level) {
      int l = level.orElse(DEFAULT_LEVEL);
      if (l < 1 || l > 9) {
        throw new IllegalArgumentException("gzip level must be in 1..9, got " + l);
      }
      return new GzipCodec(l);
    }
  }
}
