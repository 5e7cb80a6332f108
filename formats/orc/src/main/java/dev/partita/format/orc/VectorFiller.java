package dev.partita.format.orc;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.Decimal64ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;

/**
 * Copies one column's non-null values from {@link Row}s into a reused ORC column vector, with the typed getter
 * of the column's kind and no boxing. Nulls are the caller's business.
 */
abstract class VectorFiller {

  /** Sets entry {@code index} of the vector to the row's value at {@code field}, which is not null. */
  abstract void set(Row row, int field, int index);

  /** Bytes the vector holds for a full batch, including buffers grown for variable-length values. */
  abstract long retainedBytes();

  /** Whether a NaN was copied since the writer started (float and double columns). */
  boolean sawNaN() {
    return false;
  }

  /** The filler for a column of type {@code type} over {@code vector}, as created by ORC for that type. */
  static VectorFiller of(DataType type, ColumnVector vector) {
    return switch (type.kind()) {
      case BOOLEAN -> new BooleanFiller((LongColumnVector) vector);
      case INT32, DATE -> new IntFiller((LongColumnVector) vector);
      case INT64, TIME -> new LongFiller((LongColumnVector) vector);
      case FLOAT32 -> new FloatFiller((DoubleColumnVector) vector);
      case FLOAT64 -> new DoubleFiller((DoubleColumnVector) vector);
      case DECIMAL -> vector instanceof Decimal64ColumnVector d64
          ? new Decimal64Filler(d64, type.precision(), type.scale())
          : new DecimalFiller((DecimalColumnVector) vector, type.precision(), type.scale());
      case STRING -> new StringFiller((BytesColumnVector) vector);
      case BINARY -> new BinaryFiller((BytesColumnVector) vector);
      case TIMESTAMP -> new TimestampFiller((TimestampColumnVector) vector);
    };
  }

  /** Entries of a batch, 8 bytes a value plus a null flag. */
  private static long longArrayBytes(ColumnVector v, int valuesPerEntry) {
    return (long) v.isNull.length * (8L * valuesPerEntry + 1);
  }

  static final class BooleanFiller extends VectorFiller {
    private final LongColumnVector v;

    BooleanFiller(LongColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      v.vector[index] = row.getBoolean(field) ? 1 : 0;
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  /** int8, int16, int32 and date (days since the epoch). */
  static final class IntFiller extends VectorFiller {
    private final LongColumnVector v;

    IntFiller(LongColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      v.vector[index] = row.getInt(field);
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  /** int64 and time (micros of day). */
  static final class LongFiller extends VectorFiller {
    private final LongColumnVector v;

    LongFiller(LongColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      v.vector[index] = row.getLong(field);
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  static final class FloatFiller extends VectorFiller {
    private final DoubleColumnVector v;
    private boolean nan;

    FloatFiller(DoubleColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      float f = row.getFloat(field);
      nan |= f != f;
      v.vector[index] = f;
    }

    @Override
    boolean sawNaN() {
      return nan;
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  static final class DoubleFiller extends VectorFiller {
    private final DoubleColumnVector v;
    private boolean nan;

    DoubleFiller(DoubleColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      double d = row.getDouble(field);
      nan |= d != d;
      v.vector[index] = d;
    }

    @Override
    boolean sawNaN() {
      return nan;
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  /**
   * A value this format cannot store faithfully; the writer turns it into an
   * {@link dev.partita.row.InvalidRowException} naming the column and row. No stack trace: it is a verdict on data.
   */
  static final class Unwritable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unwritable(String message) {
      super(message, null, false, false);
    }
  }

  /** Brings a decimal to the column's scale and checks its precision; ORC would otherwise store a null. */
  static BigDecimal fit(BigDecimal d, int precision, int scale) {
    BigDecimal s;
    try {
      s = d.scale() == scale ? d : d.setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new Unwritable("decimal " + d + " has more than " + scale + " digits after the point");
    }
    if (s.precision() > precision) {
      throw new Unwritable("decimal " + d + " has more than " + precision + " digits");
    }
    return s;
  }

  /** Decimals of precision 18 or less, as unscaled longs. */
  static final class Decimal64Filler extends VectorFiller {
    private final Decimal64ColumnVector v;
    private final int precision;
    private final int scale;

    Decimal64Filler(Decimal64ColumnVector v, int precision, int scale) {
      this.v = v;
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    void set(Row row, int field, int index) {
      v.vector[index] = fit(row.getDecimal(field), precision, scale).unscaledValue().longValue();
    }

    @Override
    long retainedBytes() {
      return longArrayBytes(v, 1);
    }
  }

  /** Decimals of precision 19 to 38, in the vector's reused writables. */
  static final class DecimalFiller extends VectorFiller {
    private final DecimalColumnVector v;
    private final int precision;
    private final int scale;

    DecimalFiller(DecimalColumnVector v, int precision, int scale) {
      this.v = v;
      this.precision = precision;
      this.scale = scale;
    }

    @Override
    void set(Row row, int field, int index) {
      BigDecimal d = fit(row.getDecimal(field), precision, scale);
      if (d.precision() <= 18) {
        v.vector[index].setFromLongAndScale(d.unscaledValue().longValue(), scale);
      } else {
        v.vector[index].set(HiveDecimal.create(d, false));
      }
    }

    @Override
    long retainedBytes() {
      // A HiveDecimalWritable holds a few longs and ints: about 64 bytes with its header.
      return (long) v.isNull.length * (64 + 8 + 1);
    }
  }

  /** Strings, encoded to UTF-8 directly in the vector's shared buffer. */
  static final class StringFiller extends VectorFiller {
    private final BytesColumnVector v;

    StringFiller(BytesColumnVector v) {
      this.v = v;
      v.initBuffer();
    }

    @Override
    void set(Row row, int field, int index) {
      String s = row.getString(field);
      int len = Utf8.encodedLength(s);
      v.ensureValPreallocated(len);
      Utf8.encode(s, v.getValPreallocatedBytes(), v.getValPreallocatedStart());
      v.setValPreallocated(index, len);
    }

    @Override
    long retainedBytes() {
      return (long) v.isNull.length * (8 + 4 + 4 + 1) + v.bufferSize();
    }
  }

  /** Binary values, copied into the vector's shared buffer (the row may reuse its array). */
  static final class BinaryFiller extends VectorFiller {
    private final BytesColumnVector v;

    BinaryFiller(BytesColumnVector v) {
      this.v = v;
      v.initBuffer();
    }

    @Override
    void set(Row row, int field, int index) {
      byte[] b = row.getBinary(field);
      v.setVal(index, b, 0, b.length);
    }

    @Override
    long retainedBytes() {
      return (long) v.isNull.length * (8 + 4 + 4 + 1) + v.bufferSize();
    }
  }

  /**
   * Timestamps from micros since the epoch: ORC's vector holds epoch millis and the nanos of the second, both
   * floored, so that {@code time = floor(micros / 1000)} and {@code nanos = (micros mod 10^6) * 1000}.
   *
   * <p>ORC stores seconds truncated toward zero and readers borrow a second back when the stored seconds are
   * negative and the nanos at least 1 ms (ORC-763). For the last 999 ms before the epoch the stored seconds are 0,
   * so no reader can tell them from the same instant one second later: those values are rejected.
   */
  static final class TimestampFiller extends VectorFiller {
    /** First and last micros that ORC reads back one second late: 1969-12-31T23:59:59.001 to .999999. */
    static final long FIRST_UNWRITABLE_MICROS = -999_000L;
    static final long LAST_UNWRITABLE_MICROS = -1L;

    private final TimestampColumnVector v;

    TimestampFiller(TimestampColumnVector v) {
      this.v = v;
    }

    @Override
    void set(Row row, int field, int index) {
      long micros = row.getLong(field);
      if (micros >= FIRST_UNWRITABLE_MICROS && micros <= LAST_UNWRITABLE_MICROS) {
        throw new Unwritable("timestamp " + micros + " micros (1969-12-31T23:59:59.001 to .999999) cannot be "
            + "stored in ORC: readers return it one second late (ORC-763); use Parquet or round it to the second");
      }
      v.time[index] = Math.floorDiv(micros, 1000L);
      v.nanos[index] = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    }

    @Override
    long retainedBytes() {
      return (long) v.isNull.length * (8 + 4 + 1);
    }
  }
}
