package dev.partita.write;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Up to {@link #CAPACITY} rows copied out of the caller's rows, for hand-off from a producer thread to a worker,
 * only the columns the data files hold (in their order): one typed array per column (int, long, float, double, boolean; strings and decimals by reference, binaries
 * copied) plus null bits, so no primitive is boxed. {@link View} reads a row back through the {@link Row}
 * getters. Each row carries a tag (the producer's route of its partition, so the worker need not compute the
 * partition again), and the batch a use stamp. Filled by one thread, then read by one other thread after a safe
 * hand-off (a blocking queue).
 */
final class RowBatch {
  /** Rows per batch: one queue operation moves this many rows. */
  static final int CAPACITY = 512;

  private static final int BOOLEAN = 0;
  private static final int INT = 1;
  private static final int LONG = 2;
  private static final int FLOAT = 3;
  private static final int DOUBLE = 4;
  private static final int STRING = 5;
  private static final int DECIMAL = 6;
  private static final int BINARY = 7;

  private final int[] kinds;
  private final long[][] nulls;
  private final boolean[][] booleans;
  private final int[][] ints;
  private final long[][] longs;
  private final float[][] floats;
  private final double[][] doubles;
  private final Object[][] objects;
  private final Object[] tags;
  /** The caller's column of each batch column. */
  private final int[] sources;
  private final int capacity;
  private int size;
  /** When the batch was handed over (see {@link WriteContext#tick()}). */
  long stamp;

  /**
   * An empty batch of the columns of {@code schema}, copied from the caller's columns {@code sources} (column
   * {@code i} from {@code sources[i]}; null: the same positions).
   */
  RowBatch(Schema schema, int[] sources) {
    this(schema, sources, CAPACITY);
  }

  private RowBatch(Schema schema, int[] sources, int capacity) {
    int n = schema.size();
    this.capacity = capacity;
    this.sources = new int[n];
    for (int c = 0; c < n; c++) {
      this.sources[c] = sources == null ? c : sources[c];
    }
    this.kinds = new int[n];
    this.nulls = new long[n][];
    this.booleans = new boolean[n][];
    this.ints = new int[n][];
    this.longs = new long[n][];
    this.floats = new float[n][];
    this.doubles = new double[n][];
    this.objects = new Object[n][];
    this.tags = new Object[capacity];
    for (int c = 0; c < n; c++) {
      nulls[c] = new long[(capacity + 63) >>> 6];
      switch (schema.column(c).type().kind()) {
        case BOOLEAN -> {
          kinds[c] = BOOLEAN;
          booleans[c] = new boolean[capacity];
        }
        case INT32, DATE -> {
          kinds[c] = INT;
          ints[c] = new int[capacity];
        }
        case INT64, TIME, TIMESTAMP -> {
          kinds[c] = LONG;
          longs[c] = new long[capacity];
        }
        case FLOAT32 -> {
          kinds[c] = FLOAT;
          floats[c] = new float[capacity];
        }
        case FLOAT64 -> {
          kinds[c] = DOUBLE;
          doubles[c] = new double[capacity];
        }
        case STRING -> {
          kinds[c] = STRING;
          objects[c] = new Object[capacity];
        }
        case DECIMAL -> {
          kinds[c] = DECIMAL;
          objects[c] = new Object[capacity];
        }
        case BINARY -> {
          kinds[c] = BINARY;
          objects[c] = new Object[capacity];
        }
      }
    }
  }

  /** A batch that carries no rows, used as a control message in a queue of batches. */
  static RowBatch marker() {
    return new RowBatch(Schema.builder().required("marker", DataType.bool()).build(), null, 0);
  }

  /** Rows held. */
  int size() {
    return size;
  }

  /** Whether no more rows fit. */
  boolean isFull() {
    return size == capacity;
  }

  /** The tag of row {@code index}. */
  Object tag(int index) {
    return tags[index];
  }

  /**
   * Copies one row (the columns this batch holds) with its tag. If a getter of {@code row} throws, the batch is
   * unchanged (the slot is overwritten by the next row).
   */
  void add(Row row, Object tag) {
    int r = size;
    int word = r >>> 6;
    long bit = 1L << r;
    for (int c = 0; c < kinds.length; c++) {
      int s = sources[c];
      if (row.isNull(s)) {
        nulls[c][word] |= bit;
        continue;
      }
      nulls[c][word] &= ~bit;
      switch (kinds[c]) {
        case BOOLEAN -> booleans[c][r] = row.getBoolean(s);
        case INT -> ints[c][r] = row.getInt(s);
        case LONG -> longs[c][r] = row.getLong(s);
        case FLOAT -> floats[c][r] = row.getFloat(s);
        case DOUBLE -> doubles[c][r] = row.getDouble(s);
        case STRING -> objects[c][r] = row.getString(s); // immutable: kept by reference
        case DECIMAL -> objects[c][r] = row.getDecimal(s);
        default -> objects[c][r] = row.getBinary(s).clone(); // the caller may reuse its array after write
      }
    }
    tags[r] = tag;
    size = r + 1;
  }

  /** Empties the batch, dropping references to the rows' strings, decimals and binaries. */
  void clear() {
    for (Object[] o : objects) {
      if (o != null) {
        Arrays.fill(o, 0, size, null);
      }
    }
    size = 0;
  }

  /** A reusable {@link Row} over one row of a batch. */
  static final class View implements Row {
    private RowBatch batch;
    private int row;
    private int word;
    private long bit;

    /** Points the view at row {@code index} of {@code b}. */
    View at(RowBatch b, int index) {
      this.batch = b;
      this.row = index;
      this.word = index >>> 6;
      this.bit = 1L << index;
      return this;
    }

    @Override
    public boolean isNull(int index) {
      return (batch.nulls[index][word] & bit) != 0;
    }

    @Override
    public boolean getBoolean(int index) {
      return batch.booleans[index][row];
    }

    @Override
    public int getInt(int index) {
      return batch.ints[index][row];
    }

    @Override
    public long getLong(int index) {
      return batch.longs[index][row];
    }

    @Override
    public float getFloat(int index) {
      return batch.floats[index][row];
    }

    @Override
    public double getDouble(int index) {
      return batch.doubles[index][row];
    }

    @Override
    public BigDecimal getDecimal(int index) {
      return (BigDecimal) batch.objects[index][row];
    }

    @Override
    public String getString(int index) {
      return (String) batch.objects[index][row];
    }

    @Override
    public byte[] getBinary(int index) {
      return (byte[]) batch.objects[index][row];
    }
  }
}
