package dev.partita.row;

import java.math.BigDecimal;

/**
 * A read-only view of one row, read by column position with typed getters so that no value is boxed.
 *
 * <p>Callers wrap their own objects in an implementation (or use {@link ObjectArrayRow}, {@link MapRow},
 * {@link ObjectRow}). The writer reads a row only during {@code write(row)}, so one mutable instance may be reused
 * for every row. Which getter reads a column follows from its {@link dev.partita.schema.DataType.Kind}:
 * {@code getInt} for int8/16/32 and date (days since the epoch), {@code getLong} for int64, time (microseconds
 * since midnight) and timestamps (microseconds since the epoch), {@code getDecimal} for decimals. A getter is
 * only called for a column that {@link #isNull(int) is not null}.
 */
public interface Row {

  /** Whether the value at {@code index} is null. */
  boolean isNull(int index);

  /** A boolean value. */
  boolean getBoolean(int index);

  /** An int8, int16, int32 or date (days since 1970-01-01) value. */
  int getInt(int index);

  /** An int64, time (micros of day) or timestamp (micros since the epoch) value. */
  long getLong(int index);

  /** A float32 value. */
  float getFloat(int index);

  /** A float64 value. */
  double getDouble(int index);

  /** A decimal value; its scale must equal the column's scale. */
  BigDecimal getDecimal(int index);

  /** A string value. */
  String getString(int index);

  /** A binary value; the writer does not keep or modify the array after the call returns. */
  byte[] getBinary(int index);
}
