package dev.partita.cli.convert;

import dev.partita.row.Row;
import dev.partita.schema.Schema;
import java.math.BigDecimal;

/**
 * The typed values of one input record, held in primitive arrays by column so that numbers, dates and times are
 * never boxed. Filled by {@link RowConverter}; one instance is reused for every record.
 */
public final class ParsedRow implements Row {
  final boolean[] nulls;
  final boolean[] booleans;
  final int[] ints;
  final long[] longs;
  final float[] floats;
  final double[] doubles;
  final Object[] objects;

  /** An empty row for {@code schema}. */
  public ParsedRow(Schema schema) {
    int n = schema.size();
    nulls = new boolean[n];
    booleans = new boolean[n];
    ints = new int[n];
    longs = new long[n];
    floats = new float[n];
    doubles = new double[n];
    objects = new Object[n];
  }

  @Override
  public boolean isNull(int index) {
    return nulls[index];
  }

  @Override
  public boolean getBoolean(int index) {
    return booleans[index];
  }

  @Override
  public int getInt(int index) {
    return ints[index];
  }

  @Override
  public long getLong(int index) {
    return longs[index];
  }

  @Override
  public float getFloat(int index) {
    return floats[index];
  }

  @Override
  public double getDouble(int index) {
    return doubles[index];
  }

  @Override
  public BigDecimal getDecimal(int index) {
    return (BigDecimal) objects[index];
  }

  @Override
  public String getString(int index) {
    return (String) objects[index];
  }

  @Override
  public byte[] getBinary(int index) {
    return (byte[]) objects[index];
  }
}
