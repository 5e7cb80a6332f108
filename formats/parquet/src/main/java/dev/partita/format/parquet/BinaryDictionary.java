package dev.partita.format.parquet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Dictionary of BINARY or FIXED_LEN_BYTE_ARRAY values. Entries are copied into one growing byte array with their
 * end offsets beside it; plain-encoded, a BINARY entry has a 4-byte little-endian length before its bytes and a
 * fixed-length one has none.
 */
final class BinaryDictionary extends DictionaryEncoder {
  private final boolean fixedLength;
  private byte[] data = new byte[256];
  private int dataSize;
  /** ends[id] is where entry id's bytes end; it starts where entry id - 1's end. */
  private int[] ends = new int[8];
  private byte[] probeArray;
  private int probeOffset;
  private int probeLength;

  BinaryDictionary(boolean fixedLength, Encoding dataPageEncoding, Encoding dictionaryPageEncoding,
      ByteBufferAllocator allocator, int maxPageBytes) {
    super(dataPageEncoding, dictionaryPageEncoding, allocator, maxPageBytes);
    this.fixedLength = fixedLength;
  }

  @Override
  public void writeBytes(Binary v) {
    ByteBuffer b = v.toByteBuffer();
    byte[] array;
    int offset;
    if (b.hasArray()) {
      array = b.array();
      offset = b.arrayOffset() + b.position();
    } else {
      array = v.getBytes();
      offset = 0;
    }
    probeArray = array;
    probeOffset = offset;
    probeLength = b.remaining();
    add(hash(array, offset, probeLength));
  }

  private static int hash(byte[] a, int off, int len) {
    long h = 0x9E3779B97F4A7C15L ^ len;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      long w = 0;
      for (int b = 0; b < 8; b++) {
        w |= (a[off + i + b] & 0xFFL) << (8 * b);
      }
      h = (h ^ w) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    for (; i < len; i++) {
      h = (h ^ (a[off + i] & 0xFF)) * 0x100000001B3L;
    }
    return mix(h);
  }

  private int start(int id) {
    return id == 0 ? 0 : ends[id - 1];
  }

  @Override
  boolean entryEquals(int id) {
    int s = start(id);
    return ends[id] - s == probeLength
        && Arrays.equals(data, s, ends[id], probeArray, probeOffset, probeOffset + probeLength);
  }

  @Override
  void addEntry(int id) {
    if (dataSize + probeLength > data.length) {
      data = Arrays.copyOf(data, Math.max(dataSize + probeLength, data.length * 2));
    }
    System.arraycopy(probeArray, probeOffset, data, dataSize, probeLength);
    dataSize += probeLength;
    if (id == ends.length) {
      ends = Arrays.copyOf(ends, id * 2);
    }
    ends[id] = dataSize;
  }

  @Override
  void clearEntries() {
    data = new byte[256];
    dataSize = 0;
    ends = new int[8];
  }

  @Override
  long dictionaryBytes() {
    return fixedLength ? dataSize : dataSize + 4L * entries();
  }

  @Override
  long entryStorageBytes() {
    return data.length + (long) ends.length * 4;
  }

  @Override
  void replayPage(ValuesWriter writer) {
    for (int i = 0, n = pageValues(); i < n; i++) {
      int id = idAt(i);
      int s = start(id);
      writer.writeBytes(Binary.fromReusedByteArray(data, s, ends[id] - s));
    }
  }

  @Override
  BytesInput plainEntries(int count) {
    int bytes = count == 0 ? 0 : ends[count - 1];
    byte[] out = new byte[fixedLength ? bytes : bytes + 4 * count];
    if (fixedLength) {
      System.arraycopy(data, 0, out, 0, bytes);
      return BytesInput.from(out);
    }
    int p = 0;
    for (int id = 0; id < count; id++) {
      int s = start(id);
      int len = ends[id] - s;
      out[p] = (byte) len;
      out[p + 1] = (byte) (len >>> 8);
      out[p + 2] = (byte) (len >>> 16);
      out[p + 3] = (byte) (len >>> 24);
      System.arraycopy(data, s, out, p + 4, len);
      p += 4 + len;
    }
    return BytesInput.from(out);
  }
}
