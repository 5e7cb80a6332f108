package dev.partita.jobs.transform;

import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * A reusable, mutable {@link Row} of a fixed schema with typed setters: sources read records into one, transforms
 * fill one, and the writer reads it. Values are kept in primitive arrays, so numbers are never boxed. Not
 * thread-safe.
 *
 * <p>Each setter is for the column kinds the matching {@link Row} getter reads: {@link #setInt} for int8/16/32 and
 * date (days since the epoch), {@link #setLong} for int64, time (micros of day) and timestamps (micros since the
 * epoch), and so on. A setter of the wrong kind fails with {@link IllegalArgumentException} naming the column.
 */
public final class RowBuffer implements Row {
  private final Schema schema;
  private final DataType.Kind[] kinds;
  private final int[] scales;
  private final boolean[] nulls;
  private final long[] longs;
  private final double[] doubles;
  private final Object[] refs;

  /** A buffer for rows shaped as {@code schema}, every value null. */
  public RowBuffer(Schema schema) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int n = schema.size();
    this.kinds = new DataType.Kind[n];
    this.scales = new int[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = schema.column(i).type().kind();
      scales[i] = schema.column(i).type().scale();
    }
    this.nulls = new boolean[n];
    this.longs = new long[n];
    this.doubles = new double[n];
    this.refs = new Object[n];
    clear();
  }

  /** The schema of the rows this buffer holds. */
  public Schema schema() {
    return schema;
  }

  /** Sets every value to null. */
  public void clear() {
    Arrays.fill(nulls, true);
    Arrays.fill(refs, null);
  }

  /** Sets a value to null. */
  public RowBuffer setNull(int index) {
    nulls[index] = true;
    refs[index] = null;
    return this;
  }

  /** Sets a boolean value. */
  public RowBuffer setBoolean(int index, boolean value) {
    check(index, DataType.Kind.BOOLEAN);
    longs[index] = value ? 1 : 0;
    nulls[index] = false;
    return this;
  }

  /** Sets an int8, int16, int32 or date (days since 1970-01-01) value. */
  public RowBuffer setInt(int index, int value) {
    DataType.Kind k = kinds[index];
    if (k != DataType.Kind.INT32 && k != DataType.Kind.DATE) {
      throw wrongKind(index, "setInt");
    }
    longs[index] = value;
    nulls[index] = false;
    return this;
  }

  /** Sets an int64, time (micros of day) or timestamp (micros since the epoch) value. */
  public RowBuffer setLong(int index, long value) {
    DataType.Kind k = kinds[index];
    if (k != DataType.Kind.INT64 && k != DataType.Kind.TIME && k != DataType.Kind.TIMESTAMP) {
      throw wrongKind(index, "setLong");
    }
    longs[index] = value;
    nulls[index] = false;
    return this;
  }

  /** Sets a float32 value. */
  public RowBuffer setFloat(int index, float value) {
    check(index, DataType.Kind.FLOAT32);
    doubles[index] = value;
    nulls[index] = false;
    return this;
  }

  /** Sets a float64 value. */
  public RowBuffer setDouble(int index, double value) {
    check(index, DataType.Kind.FLOAT64);
    doubles[index] = value;
    nulls[index] = false;
    return this;
  }

  /**
   * Sets a decimal value, rescaled to the column's scale when that is exact.
   *
   * @throws InvalidRowException when the value has more fractional digits than the column keeps
   */
  public RowBuffer setDecimal(int index, BigDecimal value) {
    check(index, DataType.Kind.DECIMAL);
    Objects.requireNonNull(value, "value");
    BigDecimal v = value;
    if (v.scale() != scales[index]) {
      try {
        v = v.setScale(scales[index], RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new InvalidRowException(schema.column(index).name(), 0, "decimal " + value + " has more than "
            + scales[index] + " fractional digits");
      }
    }
    refs[index] = v;
    nulls[index] = false;
    return this;
  }

  /** Sets a string value. */
  public RowBuffer setString(int index, String value) {
    check(index, DataType.Kind.STRING);
    refs[index] = Objects.requireNonNull(value, "value");
    nulls[index] = false;
    return this;
  }

  /** Sets a binary value; the array is kept, not copied. */
  public RowBuffer setBinary(int index, byte[] value) {
    check(index, DataType.Kind.BINARY);
    refs[index] = Objects.requireNonNull(value, "value");
    nulls[index] = false;
    return this;
  }

  /**
   * Copies the value at {@code from} of {@code source} into column {@code to}, read with the getter this buffer's
   * column type calls for (the source column must be of the same kind).
   */
  public RowBuffer copy(Row source, int from, int to) {
    if (source.isNull(from)) {
      return setNull(to);
    }
    switch (kinds[to]) {
      case BOOLEAN -> longs[to] = source.getBoolean(from) ? 1 : 0;
      case INT32, DATE -> longs[to] = source.getInt(from);
      case INT64, TIME, TIMESTAMP -> longs[to] = source.getLong(from);
      case FLOAT32 -> doubles[to] = source.getFloat(from);
      case FLOAT64 -> doubles[to] = source.getDouble(from);
      case DECIMAL -> {
        setDecimal(to, source.getDecimal(from));
        return this;
      }
      case STRING -> refs[to] = source.getString(from);
      case BINARY -> refs[to] = source.getBinary(from);
      default -> throw new IllegalStateException("unknown kind " + kinds[to]);
    }
    nulls[to] = false;
    return this;
  }

  /**
   * Checks that every required column has a value.
   *
   * @param rowNumber the row's number in its input, for the message
   * @throws InvalidRowException naming the first required column that is null
   */
  public void checkRequired(long rowNumber) {
    for (int i = 0; i < nulls.length; i++) {
      if (nulls[i] && !schema.column(i).nullable()) {
        throw new InvalidRowException(schema.column(i).name(), rowNumber, "null in required column of type "
            + schema.column(i).type());
      }
    }
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

  private void check(int index, DataType.Kind kind) {
    if (kinds[index] != kind) {
      throw wrongKind(index, switch (kind) {
        case BOOLEAN -> "setBoolean";
        case FLOAT32 -> "setFloat";
        case FLOAT64 -> "setDouble";
        case DECIMAL -> "setDecimal";
        case STRING -> "setString";
        default -> "setBinary";
      });
    }
  }

  private IllegalArgumentException wrongKind(int index, String setter) {
    return new IllegalArgumentException(setter + " does not fit column '" + schema.column(index).name()
        + "' of type " + schema.column(index).type());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(schema.column(i).name()).append('=');
      if (nulls[i]) {
        sb.append("null");
        continue;
      }
      switch (kinds[i]) {
        case BOOLEAN -> sb.append(longs[i] != 0);
        case FLOAT32, FLOAT64 -> sb.append(doubles[i]);
        case DECIMAL, STRING -> sb.append(refs[i]);
        case BINARY -> sb.append(((byte[]) refs[i]).length).append(" bytes");
        default -> sb.append(longs[i]);
      }
    }
    return sb.append(']').toString();
  }
}
