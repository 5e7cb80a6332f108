package dev.partita.format;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Accumulates the {@link ColumnStats} of one file, column by column, for format writers. Values arrive through
 * typed methods (or all at once through {@link #add(Row)}) and are kept in primitive arrays, so primitive values
 * are never boxed; bounds are boxed only by {@link #stats()}.
 *
 * <p>Ordering: integers, dates, times and timestamps as signed numbers; booleans {@code false < true}; floats
 * numerically with {@code -0.0 < 0.0}, and a float column that received a NaN gets no bounds at all; decimals by
 * value; strings by Unicode code point (the order of their UTF-8 bytes, as Parquet orders them); binary values
 * as unsigned bytes, copied when they become a bound. Single-threaded.
 */
public final class ColumnStatsCollector {
  private final Schema schema;
  private final DataType.Kind[] kinds;
  private final long[] values;
  private final long[] nulls;
  // Booleans (0/1), int8-32, int64, date, time and timestamps.
  private final long[] minLong;
  private final long[] maxLong;
  // float and double.
  private final double[] minDouble;
  private final double[] maxDouble;
  private final boolean[] nan;
  // Decimals, strings and binaries; null until the column has a value.
  private final Object[] minObject;
  private final Object[] maxObject;

  /** A collector for the columns of {@code schema}, with no values yet. */
  public ColumnStatsCollector(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int n = schema.size();
    kinds = new DataType.Kind[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = schema.column(i).type().kind();
    }
    values = new long[n];
    nulls = new long[n];
    minLong = new long[n];
    maxLong = new long[n];
    Arrays.fill(minLong, Long.MAX_VALUE);
    Arrays.fill(maxLong, Long.MIN_VALUE);
    minDouble = new double[n];
    maxDouble = new double[n];
    Arrays.fill(minDouble, Double.POSITIVE_INFINITY);
    Arrays.fill(maxDouble, Double.NEGATIVE_INFINITY);
    nan = new boolean[n];
    minObject = new Object[n];
    maxObject = new Object[n];
  }

  /** Adds every column of {@code row}, reading each with the getter its type prescribes. */
  public void add(Row row) {
    for (int i = 0; i < kinds.length; i++) {
      if (row.isNull(i)) {
        addNull(i);
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN -> addBoolean(i, row.getBoolean(i));
        case INT32, DATE -> addInt(i, row.getInt(i));
        case INT64, TIME, TIMESTAMP -> addLong(i, row.getLong(i));
        case FLOAT32 -> addFloat(i, row.getFloat(i));
        case FLOAT64 -> addDouble(i, row.getDouble(i));
        case DECIMAL -> addDecimal(i, row.getDecimal(i));
        case STRING -> addString(i, row.getString(i));
        case BINARY -> addBinary(i, row.getBinary(i));
        default -> throw new IllegalStateException("unhandled kind " + kinds[i]);
      }
    }
  }

  /** Counts a null in {@code column}. */
  public void addNull(int column) {
    values[column]++;
    nulls[column]++;
  }

  /** Adds a boolean value. */
  public void addBoolean(int column, boolean v) {
    addLong(column, v ? 1 : 0);
  }

  /** Adds an int8, int16, int32 or date value. */
  public void addInt(int column, int v) {
    addLong(column, v);
  }

  /** Adds an int64, time or timestamp value (or, through the methods above, a boolean or int). */
  public void addLong(int column, long v) {
    values[column]++;
    if (v < minLong[column]) {
      minLong[column] = v;
    }
    if (v > maxLong[column]) {
      maxLong[column] = v;
    }
  }

  /** Adds a float value. */
  public void addFloat(int column, float v) {
    addDouble(column, v);
  }

  /** Adds a double value (or, through {@link #addFloat}, a float). */
  public void addDouble(int column, double v) {
    values[column]++;
    if (Double.isNaN(v)) {
      nan[column] = true;
      return;
    }
    if (Double.compare(v, minDouble[column]) < 0) {
      minDouble[column] = v;
    }
    if (Double.compare(v, maxDouble[column]) > 0) {
      maxDouble[column] = v;
    }
  }

  /** Adds a decimal value. */
  public void addDecimal(int column, BigDecimal v) {
    values[column]++;
    if (minObject[column] == null || v.compareTo((BigDecimal) minObject[column]) < 0) {
      minObject[column] = v;
    }
    if (maxObject[column] == null || v.compareTo((BigDecimal) maxObject[column]) > 0) {
      maxObject[column] = v;
    }
  }

  /** Adds a string value. */
  public void addString(int column, String v) {
    values[column]++;
    if (minObject[column] == null || compareCodePoints(v, (String) minObject[column]) < 0) {
      minObject[column] = v;
    }
    if (maxObject[column] == null || compareCodePoints(v, (String) maxObject[column]) > 0) {
      maxObject[column] = v;
    }
  }

  /** Adds a binary value; the array is copied if it becomes a bound, never kept. */
  public void addBinary(int column, byte[] v) {
    values[column]++;
    if (minObject[column] == null || Arrays.compareUnsigned(v, (byte[]) minObject[column]) < 0) {
      minObject[column] = v.clone();
    }
    if (maxObject[column] == null || Arrays.compareUnsigned(v, (byte[]) maxObject[column]) > 0) {
      maxObject[column] = v.clone();
    }
  }

  /** The statistics so far, one per column in schema order; the collector can go on collecting. */
  public List<ColumnStats> stats() {
    List<ColumnStats> out = new ArrayList<>(kinds.length);
    for (int i = 0; i < kinds.length; i++) {
      Optional<Object> min = Optional.empty();
      Optional<Object> max = Optional.empty();
      boolean any = values[i] > nulls[i];
      if (any) {
        switch (kinds[i]) {
          case BOOLEAN -> {
            min = Optional.of(minLong[i] == 1);
            max = Optional.of(maxLong[i] == 1);
          }
          case INT32, DATE -> {
            min = Optional.of((int) minLong[i]);
            max = Optional.of((int) maxLong[i]);
          }
          case INT64, TIME, TIMESTAMP -> {
            min = Optional.of(minLong[i]);
            max = Optional.of(maxLong[i]);
          }
          case FLOAT32 -> {
            if (!nan[i]) {
              min = Optional.of((float) minDouble[i]);
              max = Optional.of((float) maxDouble[i]);
            }
          }
          case FLOAT64 -> {
            if (!nan[i]) {
              min = Optional.of(minDouble[i]);
              max = Optional.of(maxDouble[i]);
            }
          }
          case BINARY -> {
            min = Optional.of(((byte[]) minObject[i]).clone());
            max = Optional.of(((byte[]) maxObject[i]).clone());
          }
          default -> {
            min = Optional.of(minObject[i]);
            max = Optional.of(maxObject[i]);
          }
        }
      }
      out.add(new ColumnStats(schema.column(i).name(), values[i], nulls[i], min, max));
    }
    return out;
  }

  /**
   * Compares strings by Unicode code point, which is also the order of their UTF-8 bytes. It differs from
   * {@link String#compareTo} only where a supplementary character (a surrogate pair) meets a character in
   * U+E000..U+FFFF.
   */
  static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x >= 0xD800 && y >= 0xD800) {
          // Move surrogates (0xD800..0xDFFF) above 0xE000..0xFFFF, keeping order within each group.
          x = (char) (x >= 0xE000 ? x - 0x800 : x + 0x2000);
          y = (char) (y >= 0xE000 ? y - 0x800 : y + 0x2000);
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }
}
