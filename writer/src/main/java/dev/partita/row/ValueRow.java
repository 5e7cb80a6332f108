package dev.partita.row;

import dev.partita.schema.Schema;
import java.math.BigDecimal;

/** Base of the adapters over Java objects: a checked array of values, read with conversions. */
abstract class ValueRow implements Row {
  final Schema schema;
  private final int[] scales;
  Object[] values;
  private long rowNumber;

  ValueRow(Schema schema) {
    this.schema = java.util.Objects.requireNonNull(schema, "schema");
    this.scales = new int[schema.size()];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = schema.column(i).type().scale();
    }
  }

  /** Installs the values of the next row after checking them; numbers rows from 1. */
  final void install(Object[] rowValues) {
    rowNumber++;
    Values.checkRow(schema, rowValues, rowNumber);
    this.values = rowValues;
  }

  /** Number of rows wrapped so far, including a rejected one. */
  public final long rowNumber() {
    return rowNumber;
  }

  @Override
  public final boolean isNull(int index) {
    return values[index] == null;
  }

  @Override
  public final boolean getBoolean(int index) {
    return Values.asBoolean(values[index]);
  }

  @Override
  public final int getInt(int index) {
    return Values.asInt(values[index]);
  }

  @Override
  public final long getLong(int index) {
    return Values.asLong(values[index]);
  }

  @Override
  public final float getFloat(int index) {
    return Values.asFloat(values[index]);
  }

  @Override
  public final double getDouble(int index) {
    return Values.asDouble(values[index]);
  }

  @Override
  public final BigDecimal getDecimal(int index) {
    return Values.asDecimal(values[index], scales[index]);
  }

  @Override
  public final String getString(int index) {
    return Values.asString(values[index]);
  }

  @Override
  public final byte[] getBinary(int index) {
    return Values.asBinary(values[index]);
  }
}
