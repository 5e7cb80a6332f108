package dev.partita.format.parquet;

import dev.partita.codec.CompressionCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;

/**
 * Compresses pages with a Partita codec. One per file writer; the result of a call is valid until the calling
 * thread's next call. The two buffers (the page before and after compression, each growing to the largest page)
 * belong to the thread, not the file, so that a thousand open files do not hold two thousand page buffers: a page
 * is always copied into its column chunk before the same thread compresses another.
 */
final class PageCompressor {
  private static final ThreadLocal<ScratchBuffer[]> BUFFERS =
      ThreadLocal.withInitial(() -> new ScratchBuffer[] {new ScratchBuffer(64 * 1024), new ScratchBuffer(64 * 1024)});

  private final CompressionCodec codec;
  private final boolean passThrough;
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
    ScratchBuffer[] buffers = BUFFERS.get();
    ScratchBuffer raw = buffers[0];
    ScratchBuffer packed = buffers[1];
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
    ScratchBuffer raw = BUFFERS.get()[0];
    raw.reset();
    input.writeAllTo(raw);
    return raw;
  }

  /** Compressed size over uncompressed size of everything compressed so far; 1 before the first page. */
  double ratio() {
    return rawTotal == 0 ? 1.0 : (double) packedTotal / rawTotal;
  }
}
