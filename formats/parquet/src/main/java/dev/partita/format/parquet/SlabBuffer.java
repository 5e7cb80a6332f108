package dev.partita.format.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoded pages of one column chunk, kept until the row group is written. Bytes go into slabs that double in
 * size (8KB up to 1MB) so that growing never copies what is already buffered.
 */
final class SlabBuffer extends OutputStream {
  private static final int FIRST_SLAB = 8 * 1024;
  private static final int MAX_SLAB = 1024 * 1024;

  private final List<byte[]> slabs = new ArrayList<>();
  private byte[] current;
  private int position;
  private long size;
  private long capacity;

  long size() {
    return size;
  }

  long capacity() {
    return capacity;
  }

  /** Drops every slab. */
  void clear() {
    slabs.clear();
    current = null;
    position = 0;
    size = 0;
    capacity = 0;
  }

  /** Copies the content to {@code out}. */
  void writeTo(OutputStream out) throws IOException {
    for (int i = 0; i < slabs.size(); i++) {
      byte[] slab = slabs.get(i);
      out.write(slab, 0, i == slabs.size() - 1 ? position : slab.length);
    }
  }

  @Override
  public void write(int b) {
    if (current == null || position == current.length) {
      addSlab();
    }
    current[position++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (current == null || position == current.length) {
        addSlab();
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(b, off, current, position, n);
      position += n;
      off += n;
      len -= n;
      size += n;
    }
  }

  private void addSlab() {
    int length = current == null ? FIRST_SLAB : Math.min(MAX_SLAB, current.length * 2);
    current = new byte[length];
    slabs.add(current);
    position = 0;
    capacity += length;
  }
}
