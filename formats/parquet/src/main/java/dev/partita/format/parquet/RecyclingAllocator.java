package dev.partita.format.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Recycles the buffers parquet-column's encoders allocate for every page and release when the page is written,
 * so that encoding does not churn the heap page after page. Arrays come in power-of-two sizes; a request gets a
 * view of exactly the size asked for over a pooled array. Released arrays are kept up to a limit and dropped by
 * {@link #clear()} when the row group closes, so that a flush really frees memory.
 *
 * <p>Safe because every page's bytes are copied (compressed) by {@link ColumnChunkBuffer} before parquet-column
 * resets its buffers.
 */
final class RecyclingAllocator implements ByteBufferAllocator {
  private static final int SMALLEST_CLASS = 6; // 64 bytes
  private static final int CLASSES = 31 - SMALLEST_CLASS;

  private final long limit;
  private final List<ArrayDeque<byte[]>> free = new ArrayList<>(Collections.nCopies(CLASSES, null));
  private long pooledBytes;

  /** An allocator that keeps at most {@code limit} bytes of released arrays. */
  RecyclingAllocator(long limit) {
    this.limit = limit;
  }

  @Override
  public ByteBuffer allocate(int size) {
    int cls = sizeClass(size);
    if (cls >= CLASSES) {
      return ByteBuffer.allocate(size);
    }
    ArrayDeque<byte[]> stack = free.get(cls);
    byte[] array;
    if (stack != null && !stack.isEmpty()) {
      array = stack.pop();
      pooledBytes -= array.length;
    } else {
      array = new byte[1 << (cls + SMALLEST_CLASS)];
    }
    return ByteBuffer.wrap(array, 0, size).slice();
  }

  @Override
  public void release(ByteBuffer b) {
    byte[] array = b.array();
    int cls = Integer.numberOfTrailingZeros(array.length) - SMALLEST_CLASS;
    if (Integer.bitCount(array.length) != 1 || cls < 0 || cls >= CLASSES || pooledBytes + array.length > limit) {
      return;
    }
    ArrayDeque<byte[]> stack = free.get(cls);
    if (stack == null) {
      stack = new ArrayDeque<>();
      free.set(cls, stack);
    }
    stack.push(array);
    pooledBytes += array.length;
  }

  @Override
  public boolean isDirect() {
    return false;
  }

  /** Drops every pooled array. */
  void clear() {
    Collections.fill(free, null);
    pooledBytes = 0;
  }

  /** Bytes of released arrays kept for reuse. */
  long pooledBytes() {
    return pooledBytes;
  }

  private static int sizeClass(int size) {
    int bits = size <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(size - 1);
    return Math.max(0, bits - SMALLEST_CLASS);
  }
}
