package dev.partita.bench.sales;

import dev.partita.row.Row;
import java.math.BigDecimal;

/**
 * One generated sales row, read by Partita directly through {@link Row} (no adapter) and by the peers through the
 * same getters. Mutable and reused: {@link SalesGenerator#next()} overwrites it.
 */
public final class SalesRow implements Row {
  long orderId;
  long ts;
  int year;
  int month;
  int day;
  String region;
  String product;
  int productIndex;
  int qty;
  double price;
  String customer;
  String note;

  /** The product number, 0..999, of {@link #getString}({@link SalesSchema#PRODUCT}). */
  public int productIndex() {
    return productIndex;
  }

  @Override
  public boolean isNull(int index) {
    return index == SalesSchema.NOTE && note == null;
  }

  @Override
  public boolean getBoolean(int index) {
    throw unsupported(index, "boolean");
  }

  @Override
  public int getInt(int index) {
    switch (index) {
      case SalesSchema.YEAR:
        return year;
      case SalesSchema.MONTH:
        return month;
      case SalesSchema.DAY:
        return day;
      case SalesSchema.QTY:
        return qty;
      default:
        throw unsupported(index, "int");
    }
  }

  @Override
  public long getLong(int index) {
    switch (index) {
      case SalesSchema.ORDER_ID:
        return orderId;
      case SalesSchema.TS:
        return ts;
      default:
        throw unsupported(index, "long");
    }
  }

  @Override
  public float getFloat(int index) {
    throw unsupported(index, "float");
  }

  @Override
  public double getDouble(int index) {
    if (index == SalesSchema.PRICE) {
      return price;
    }
    throw unsupported(index, "double");
  }

  @Override
  public BigDecimal getDecimal(int index) {
    throw unsupported(index, "decimal");
  }

  @Override
  public String getString(int index) {
    switch (index) {
      case SalesSchema.REGION:
        return region;
      case SalesSchema.PRODUCT:
        return product;
      case SalesSchema.CUSTOMER:
        return customer;
      case SalesSchema.NOTE:
        return note;
      default:
        throw unsupported(index, "string");
    }
  }

  @Override
  public byte[] getBinary(int index) {
    throw unsupported(index, "binary");
  }

  private static UnsupportedOperationException unsupported(int index, String type) {
    return new UnsupportedOperationException("sales column " + index + " ("
        + (index >= 0 && index < SalesSchema.SCHEMA.size() ? SalesSchema.SCHEMA.column(index) : "no such column")
        + ") is not read as " + type);
  }
}
