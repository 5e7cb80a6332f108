package dev.partita.format.parquet;

import java.util.Arrays;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Dictionary of INT32, INT64, FLOAT or DOUBLE values, keyed by their bits (so that every NaN payload and both zeros
 * round-trip exactly).
 */
final class PrimitiveDictionary extends DictionaryEncoder {
  private final PrimitiveTypeName type;
  private final int width;
  private long[] keys = new long[8];
  private long probe;

  PrimitiveDictionary(PrimitiveTypeName type, Encoding dataPageEncoding, Encoding dictionaryPageEncoding,
      ByteBufferAllocator allocator, int maxPageBytes) {
    super(dataPageEncoding, dictionaryPageEncoding, allocator, maxPageBytes);
    this.type = type;
    this.width = switch (type) {
      case INT32, FLOAT -> 4;
      case INT64, DOUBLE -> 8;
      default -> throw new IllegalArgumentException("no primitive dictionary for " + type);
    };
  }

  @Override
  public void writeInteger(int v) {
    probe = v;
    add(mix(v));
  }

  @Override
  public void writeLong(long v) {
    probe = v;
    add(mix(v));
  }

  @Override
  public void writeFloat(float v) {
    writeInteger(Float.floatToRawIntBits(v));
  }

  @Override
  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  @Override
  boolean entryEquals(int id) {
    return keys[id] == probe;
  }

  @Override
  void addEntry(int id) {
    if (id == keys.length) {
      keys = Arrays.copyOf(keys, id * 2);
    }
    keys[id] = probe;
  }

  @Override
  void clearEntries() {
    keys = new long[8];
  }

  @Override
  long dictionaryBytes() {
    return (long) entries() * width;
  }

  @Override
  long entryStorageBytes() {
    return (long) keys.length * 8;
  }

  @Override
  void replayPage(ValuesWriter writer) {
    for (int i = 0, n = pageValues(); i < n; i++) {
      long k = keys[idAt(i)];
      switch (type) {
        case INT32 -> writer.writeInteger((int) k);
        case INT64 -> writer.writeLong(k);
        case FLOAT -> writer.writeFloat(Float.intBitsToFloat((int) k));
        case DOUBLE -> writer.writeDouble(Double.longBitsToDouble(k));
        default -> throw new IllegalStateException(type.name());
      }
    }
  }

  @Override
  BytesInput plainEntries(int count) {
    byte[] out = new byte[count * width];
    int p = 0;
    for (int id = 0; id < count; id++) {
      long k = keys[id];
      for (int b = 0; b < width; b++) {
        out[p++] = (byte) (k >>> (8 * b));
      }
    }
    return BytesInput.from(out);
  }
}
