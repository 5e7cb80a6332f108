package dev.partita.format.parquet;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A reusable, contiguous, growable byte array: pages before and after compression, serialized headers. The array
 * is made on first use, so that buffers an open file may never need cost nothing.
 */
final class ScratchBuffer extends OutputStream {
  private static final byte[] EMPTY = new byte[0];

  private final int initialCapacity;
  private byte[] buf = EMPTY;
  private int size;

  ScratchBuffer(int initialCapacity) {
    this.initialCapacity = initialCapacity;
  }

  /** Forgets the content, keeping the array. */
  void reset() {
    size = 0;
  }

  /** Grows the array so that {@code capacity} bytes fit, keeping the content. */
  void ensureCapacity(int capacity) {
    if (capacity > buf.length) {
      int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(initialCapacity, buf.length * 2L));
      buf = Arrays.copyOf(buf, Math.max(capacity, grown));
    }
  }

  byte[] array() {
    return buf;
  }

  int size() {
    return size;
  }

  int capacity() {
    return buf.length;
  }

  /** Sets the size after bytes were placed into {@link #array()} directly. */
  void setSize(int size) {
    this.size = size;
  }

  /** The content as a heap buffer positioned at 0. */
  ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(buf, 0, size);
  }

  @Override
  public void write(int b) {
    ensureCapacity(size + 1);
    buf[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensureCapacity(size + len);
    System.arraycopy(b, off, buf, size, len);
    size += len;
  }
}
