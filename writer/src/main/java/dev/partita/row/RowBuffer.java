package dev.partita.row;

import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Rows copied out of the caller's rows into one array per column, growing as rows arrive: primitives as their
 * bits in a {@code long[]} (no boxing), strings and decimals by reference (they are immutable), binaries copied
 * (callers may reuse their arrays). {@link #row(int)} reads a row back through the {@link Row} getters.
 *
 * <p>For a writer that holds a few rows before it commits to encoding them, at a cost close to the rows' own size;
 * {@link #heapBytes()} estimates that cost for a memory budget. Not thread-safe.
 */
public final class RowBuffer {
  private static final int FIRST_CAPACITY = 16;

  private final Schema schema;
  private final Kind[] kinds;
  private long[][] bits;
  private Object[][] objects;
  private long[][] nulls;
  private int capacity;
  private int size;
  private long objectBytes;
  private final View view = new View();

  /** How a column is held: the first five in {@code bits}, the others in {@code objects}. */
  private enum Kind { BOOLEAN, INT, LONG, FLOAT, DOUBLE, STRING, DECIMAL, BINARY }

  /** An empty buffer for rows of {@code schema}; nothing is allocated before the first row. */
  public RowBuffer(Schema schema) {
    this.schema = schema;
    int n = schema.size();
    this.kinds = new Kind[n];
    for (int c = 0; c < n; c++) {
      kinds[c] = switch (schema.column(c).type().kind()) {
        case BOOLEAN -> Kind.BOOLEAN;
        case INT32, DATE -> Kind.INT;
        case INT64, TIME, TIMESTAMP -> Kind.LONG;
        case FLOAT32 -> Kind.FLOAT;
        case FLOAT64 -> Kind.DOUBLE;
        case STRING -> Kind.STRING;
        case DECIMAL -> Kind.DECIMAL;
        case BINARY -> Kind.BINARY;
      };
    }
  }

  /** Rows held. */
  public int size() {
    return size;
  }

  /**
   * Copies {@code row} in. When a getter of {@code row} throws, the buffer is as before (the slot is overwritten
   * by the next row).
   */
  public void add(Row row) {
    if (size == capacity) {
      grow();
    }
    int r = size;
    int word = r >>> 6;
    long bit = 1L << r;
    long added = 0;
    for (int c = 0; c < kinds.length; c++) {
      if (row.isNull(c)) {
        nulls[c][word] |= bit;
        continue;
      }
      nulls[c][word] &= ~bit;
      switch (kinds[c]) {
        case BOOLEAN -> bits[c][r] = row.getBoolean(c) ? 1 : 0;
        case INT -> bits[c][r] = row.getInt(c);
        case LONG -> bits[c][r] = row.getLong(c);
        case FLOAT -> bits[c][r] = Float.floatToRawIntBits(row.getFloat(c));
        case DOUBLE -> bits[c][r] = Double.doubleToRawLongBits(row.getDouble(c));
        case STRING -> {
          String s = row.getString(c);
          objects[c][r] = s;
          added += 56 + s.length();
        }
        case DECIMAL -> {
          objects[c][r] = row.getDecimal(c);
          added += 80;
        }
        case BINARY -> {
          byte[] b = row.getBinary(c).clone();
          objects[c][r] = b;
          added += 16 + b.length;
        }
      }
    }
    objectBytes += added;
    size = r + 1;
  }

  private void grow() {
    int n = kinds.length;
    int bigger = capacity == 0 ? FIRST_CAPACITY : capacity * 2;
    if (capacity == 0) {
      bits = new long[n][];
      objects = new Object[n][];
      nulls = new long[n][];
    }
    for (int c = 0; c < n; c++) {
      nulls[c] = nulls[c] == null ? new long[(bigger + 63) >>> 6] : Arrays.copyOf(nulls[c], (bigger + 63) >>> 6);
      if (kinds[c].compareTo(Kind.STRING) >= 0) {
        objects[c] = objects[c] == null ? new Object[bigger] : Arrays.copyOf(objects[c], bigger);
      } else {
        bits[c] = bits[c] == null ? new long[bigger] : Arrays.copyOf(bits[c], bigger);
      }
    }
    capacity = bigger;
  }

  /**
   * A view of row {@code index}, valid until the next call of this method, {@link #add} or {@link #clear()}.
   */
  public Row row(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("row " + index + " of a buffer holding " + size);
    }
    view.at(index);
    return view;
  }

  /** Drops every row and the arrays that held them. */
  public void clear() {
    bits = null;
    objects = null;
    nulls = null;
    capacity = 0;
    size = 0;
    objectBytes = 0;
  }

  /** Estimated heap the buffer holds: its arrays and the strings, decimals and binaries it references. */
  public long heapBytes() {
    if (capacity == 0) {
      return 0;
    }
    long perColumn = 16L + 8L * ((capacity + 63) >>> 6) + 16L + 8L * capacity;
    return 64L + perColumn * kinds.length + objectBytes;
  }

  /** The schema of the rows. */
  public Schema schema() {
    return schema;
  }

  private final class View implements Row {
    private int row;
    private int word;
    private long bit;

    void at(int index) {
      row = index;
      word = index >>> 6;
      bit = 1L << index;
    }

    @Override
    public boolean isNull(int index) {
      return (nulls[index][word] & bit) != 0;
    }

    @Override
    public boolean getBoolean(int index) {
      return bits[index][row] != 0;
    }

    @Override
    public int getInt(int index) {
      return (int) bits[index][row];
    }

    @Override
    public long getLong(int index) {
      return bits[index][row];
    }

    @Override
    public float getFloat(int index) {
      return Float.intBitsToFloat((int) bits[index][row]);
    }

    @Override
    public double getDouble(int index) {
      return Double.longBitsToDouble(bits[index][row]);
    }

    @Override
    public BigDecimal getDecimal(int index) {
      return (BigDecimal) objects[index][row];
    }

    @Override
    public String getString(int index) {
      return (String) objects[index][row];
    }

    @Override
    public byte[] getBinary(int index) {
      return (byte[]) objects[index][row];
    }
  }
}
