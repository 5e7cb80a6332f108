package dev.partita.write;

import dev.partita.row.Row;
import java.math.BigDecimal;

/** A reusable view of a row through a column mapping, used to leave partition columns out of data files. */
final class ProjectedRow implements Row {
  private final int[] mapping;
  private Row row;

  ProjectedRow(int[] mapping) {
    this.mapping = mapping;
  }

  Row wrap(Row source) {
    this.row = source;
    return this;
  }

  @Override
  public boolean isNull(int index) {
    return row.isNull(mapping[index]);
  }

  @Override
  public boolean getBoolean(int index) {
    return row.getBoolean(mapping[index]);
  }

  @Override
  public int getInt(int index) {
    return row.getInt(mapping[index]);
  }

  @Override
  public long getLong(int index) {
    return row.getLong(mapping[index]);
  }

  @Override
  public float getFloat(int index) {
    return row.getFloat(mapping[index]);
  }

  @Override
  public double getDouble(int index) {
    return row.getDouble(mapping[index]);
  }

  @Override
  public BigDecimal getDecimal(int index) {
    return row.getDecimal(mapping[index]);
  }

  @Override
  public String getString(int index) {
    return row.getString(mapping[index]);
  }

  @Override
  public byte[] getBinary(int index) {
    return row.getBinary(mapping[index]);
  }
}
