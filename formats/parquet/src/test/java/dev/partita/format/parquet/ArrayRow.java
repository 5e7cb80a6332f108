package dev.partita.format.parquet;

import dev.partita.row.Row;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A reusable test {@link Row} over primitive arrays: the test sets each column's value (nothing is boxed, nothing
 * checked against a schema, so a test can hand the writer values the adapters would refuse) and the writer reads
 * them back through the {@link Row} getters. Every column starts null.
 */
final class ArrayRow implements Row {
  private final boolean[] nulls;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] refs;

  ArrayRow(int columns) {
    nulls = new boolean[columns];
    longs = new long[columns];
    doubles = new double[columns];
    refs = new Object[columns];
    Arrays.fill(nulls, true);
  }

  ArrayRow setNull(int i) {
    nulls[i] = true;
    return this;
  }

  ArrayRow setBoolean(int i, boolean v) {
    longs[i] = v ? 1 : 0;
    nulls[i] = false;
    return this;
  }

  /** For int8..int32 and dates. */
  ArrayRow setInt(int i, int v) {
    longs[i] = v;
    nulls[i] = false;
    return this;
  }

  /** For int64, times and timestamps. */
  ArrayRow setLong(int i, long v) {
    longs[i] = v;
    nulls[i] = false;
    return this;
  }

  ArrayRow setFloat(int i, float v) {
    doubles[i] = v;
    nulls[i] = false;
    return this;
  }

  ArrayRow setDouble(int i, double v) {
    doubles[i] = v;
    nulls[i] = false;
    return this;
  }

  ArrayRow setDecimal(int i, BigDecimal v) {
    refs[i] = v;
    nulls[i] = false;
    return this;
  }

  ArrayRow setString(int i, String v) {
    refs[i] = v;
    nulls[i] = false;
    return this;
  }

  ArrayRow setBinary(int i, byte[] v) {
    refs[i] = v;
    nulls[i] = false;
    return this;
  }

  @Override
  public boolean isNull(int index) {
    return nulls[index];
  }

  @Override
  public boolean getBoolean(int index) {
    return longs[index] != 0;
  }

  @Override
  public int getInt(int index) {
    return (int) longs[index];
  }

  @Override
  public long getLong(int index) {
    return longs[index];
  }

  @Override
  public float getFloat(int index) {
    return (float) doubles[index];
  }

  @Override
  public double getDouble(int index) {
    return doubles[index];
  }

  @Override
  public BigDecimal getDecimal(int index) {
    return (BigDecimal) refs[index];
  }

  @Override
  public String getString(int index) {
    return (String) refs[index];
  }

  @Override
  public byte[] getBinary(int index) {
    return (byte[]) refs[index];
  }
}
