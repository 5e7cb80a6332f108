package dev.partita.format.parquet;

import dev.partita.codec.CompressionCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;

/**
 * Compresses pages with a Partita codec into reused buffers. One per file writer; the result of a call is valid
 * until the next call.
 */
final class PageCompressor {
  private final CompressionCodec codec;
  private final boolean passThrough;
  private final ScratchBuffer raw = new ScratchBuffer(64 * 1024);
  private final ScratchBuffer packed = new ScratchBuffer(64 * 1024);
  private long rawTotal;
  private long packedTotal;

  PageCompressor(CompressionCodec codec) {
    this.codec = codec;
    this.passThrough = codec.name().equals("none");
  }

  /** Whether pages are stored as they are. */
  boolean isPassThrough() {
    return passThrough;
  }

  /** The bytes of {@code input} compressed. */
  ScratchBuffer compress(BytesInput input) throws IOException {
    raw.reset();
    input.writeAllTo(raw);
    if (passThrough) {
      return raw;
    }
    int bound = codec.maxCompressedLength(raw.size());
    packed.reset();
    packed.ensureCapacity(bound);
    ByteBuffer out = ByteBuffer.wrap(packed.array(), 0, bound);
    int n = codec.compress(raw.asByteBuffer(), out);
    packed.setSize(n);
    rawTotal += raw.size();
    packedTotal += n;
    return packed;
  }

  /** The bytes of {@code input} uncompressed. */
  ScratchBuffer copy(BytesInput input) throws IOException {
    raw.reset();
    input.writeAllTo(raw);
    return raw;
  }

  /** Compressed size over uncompressed size of everything compressed so far; 1 before the first page. */
  double ratio() {
    return rawTotal == 0 ? 1.0 : (double) packedTotal / rawTotal;
  }
}
