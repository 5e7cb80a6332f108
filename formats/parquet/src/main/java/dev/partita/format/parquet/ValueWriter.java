package dev.partita.format.parquet;

import dev.partita.PartitaException;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;

/**
 * Moves one column of a {@link Row} into parquet-column's {@link ColumnWriter}, with the typed getter that the
 * column's kind calls for, so that no value is boxed. Flat schemas only: the repetition level is always 0, the
 * definition level 1 for a present value of a nullable column, 0 otherwise.
 *
 * <p>Per value, strings are encoded to UTF-8 into a reused buffer and decimals above 18 digits into a reused
 * fixed-length array; parquet-column copies a reused value only when it keeps it (new dictionary entry, new
 * min or max). What remains allocated per string or binary value is parquet-column's small {@link Binary} view,
 * and per decimal the {@link BigInteger} of its unscaled value.
 */
abstract class ValueWriter {
  final int index;
  final String name;
  private final boolean nullable;
  final int definitionLevel;
  final ChunkBloomFilter bloom;
  ColumnWriter writer;
  private long nulls;

  ValueWriter(int index, Column column, ChunkBloomFilter bloom) {
    this.index = index;
    this.name = column.name();
    this.nullable = column.nullable();
    this.definitionLevel = column.nullable() ? 1 : 0;
    this.bloom = bloom;
  }

  /** A writer for {@code column} at position {@code index}; {@code bloom} is null when the column has none. */
  static ValueWriter of(int index, Column column, ChunkBloomFilter bloom) {
    return switch (column.type().kind()) {
      case BOOLEAN -> new BooleanWriter(index, column);
      case INT32 -> column.type().bitWidth() < 32 ? new SmallIntWriter(index, column, bloom)
          : new IntWriter(index, column, bloom);
      case DATE -> new IntWriter(index, column, bloom);
      case INT64, TIME, TIMESTAMP -> new LongWriter(index, column, bloom);
      case FLOAT32 -> new FloatWriter(index, column, bloom);
      case FLOAT64 -> new DoubleWriter(index, column, bloom);
      case STRING -> new StringWriter(index, column, bloom);
      case BINARY -> new BinaryWriter(index, column, bloom);
      case DECIMAL -> column.type().precision() <= 18
          ? new SmallDecimalWriter(index, column, bloom)
          : new LargeDecimalWriter(index, column, bloom);
    };
  }

  /** Points this writer at the column writer of the current row group. */
  final void bind(ColumnWriter columnWriter) {
    this.writer = columnWriter;
  }

  /** Nulls written so far in the file. */
  final long nulls() {
    return nulls;
  }

  /** Writes the column's value of {@code row}. */
  final void write(Row row) {
    if (row.isNull(index)) {
      if (!nullable) {
        throw new PartitaException("column '" + name + "' is required but the row holds a null; rows must be "
            + "validated against the schema before they reach the Parquet writer");
      }
      nulls++;
      writer.writeNull(0, 0);
    } else {
      writeValue(row);
    }
  }

  abstract void writeValue(Row row);

  /**
   * Throws {@link InvalidRowException} when the column's value of {@code row} (the file's row {@code rowNumber})
   * cannot be written with this column's type, so that a row is refused before any part of it is written.
   */
  final void validate(Row row, long rowNumber) {
    if (row.isNull(index)) {
      if (!nullable) {
        throw new InvalidRowException(name, rowNumber, "null in a required column");
      }
    } else {
      validateValue(row, rowNumber);
    }
  }

  /** {@link #validate} for a value that is present; nothing to check for most types. */
  void validateValue(Row row, long rowNumber) {}

  private static final class BooleanWriter extends ValueWriter {
    BooleanWriter(int index, Column column) {
      super(index, column, null);
    }

    @Override
    void writeValue(Row row) {
      writer.write(row.getBoolean(index), 0, definitionLevel);
    }
  }

  private static final class IntWriter extends ValueWriter {
    IntWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      int v = row.getInt(index);
      writer.write(v, 0, definitionLevel);
      if (bloom != null) {
        bloom.insertInt(v);
      }
    }
  }

  /** int8 and int16: stored as INT32, refused outside their range (readers would misread them). */
  private static final class SmallIntWriter extends ValueWriter {
    private final int bits;

    SmallIntWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
      this.bits = column.type().bitWidth();
    }

    @Override
    void validateValue(Row row, long rowNumber) {
      int v = row.getInt(index);
      if (v << (32 - bits) >> (32 - bits) != v) {
        throw new InvalidRowException(name, rowNumber, v + " is out of range for int" + bits);
      }
    }

    @Override
    void writeValue(Row row) {
      int v = row.getInt(index);
      writer.write(v, 0, definitionLevel);
      if (bloom != null) {
        bloom.insertInt(v);
      }
    }
  }

  private static final class LongWriter extends ValueWriter {
    LongWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      long v = row.getLong(index);
      writer.write(v, 0, definitionLevel);
      if (bloom != null) {
        bloom.insertLong(v);
      }
    }
  }

  private static final class FloatWriter extends ValueWriter {
    FloatWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      float v = row.getFloat(index);
      writer.write(v, 0, definitionLevel);
      if (bloom != null) {
        bloom.insertFloat(v);
      }
    }
  }

  private static final class DoubleWriter extends ValueWriter {
    DoubleWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      double v = row.getDouble(index);
      writer.write(v, 0, definitionLevel);
      if (bloom != null) {
        bloom.insertDouble(v);
      }
    }
  }

  private static final class StringWriter extends ValueWriter {
    private byte[] utf8 = new byte[256];

    StringWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      String s = row.getString(index);
      int length = encode(s);
      writer.write(Binary.fromReusedByteArray(utf8, 0, length), 0, definitionLevel);
      if (bloom != null) {
        bloom.insertBytes(utf8, 0, length);
      }
    }

    /**
     * Encodes {@code s} as UTF-8 into {@link #utf8}, an unpaired surrogate becoming {@code '?'} as in
     * {@link String#getBytes(java.nio.charset.Charset)}.
     */
    private int encode(String s) {
      int n = s.length();
      if ((long) n * 3 > utf8.length) {
        utf8 = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) n * 3, utf8.length * 2L))];
      }
      byte[] b = utf8;
      int p = 0;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          b[p++] = (byte) c;
        } else if (c < 0x800) {
          b[p++] = (byte) (0xC0 | c >> 6);
          b[p++] = (byte) (0x80 | c & 0x3F);
        } else if (!Character.isSurrogate(c)) {
          b[p++] = (byte) (0xE0 | c >> 12);
          b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
          b[p++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          b[p++] = (byte) (0xF0 | cp >> 18);
          b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
          b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
          b[p++] = (byte) (0x80 | cp & 0x3F);
        } else {
          b[p++] = '?';
        }
      }
      return p;
    }
  }

  private static final class BinaryWriter extends ValueWriter {
    BinaryWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
    }

    @Override
    void writeValue(Row row) {
      byte[] v = row.getBinary(index);
      writer.write(Binary.fromReusedByteArray(v), 0, definitionLevel);
      if (bloom != null) {
        bloom.insertBytes(v, 0, v.length);
      }
    }
  }

  /** Decimals of precision up to 18, stored as INT32 (up to 9) or INT64. */
  private static final class SmallDecimalWriter extends ValueWriter {
    private final int scale;
    private final int precision;
    private final long bound;
    private final boolean int32;

    SmallDecimalWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
      this.scale = column.type().scale();
      this.precision = column.type().precision();
      this.bound = BigInteger.TEN.pow(precision).longValueExact();
      this.int32 = precision <= 9;
    }

    @Override
    void validateValue(Row row, long rowNumber) {
      unscaledLong(row, rowNumber);
    }

    private long unscaledLong(Row row, long rowNumber) {
      BigInteger unscaled = unscaled(row.getDecimal(index), scale, name, rowNumber);
      long v = unscaled.bitLength() < 64 ? unscaled.longValue() : Long.MAX_VALUE;
      if (v >= bound || v <= -bound) {
        throw outOfRange(name, rowNumber, precision, scale, unscaled);
      }
      return v;
    }

    @Override
    void writeValue(Row row) {
      long v = unscaledLong(row, 0);
      if (int32) {
        writer.write((int) v, 0, definitionLevel);
        if (bloom != null) {
          bloom.insertInt((int) v);
        }
      } else {
        writer.write(v, 0, definitionLevel);
        if (bloom != null) {
          bloom.insertLong(v);
        }
      }
    }
  }

  /** Decimals above 18 digits, stored big-endian two's complement in a FIXED_LEN_BYTE_ARRAY. */
  private static final class LargeDecimalWriter extends ValueWriter {
    private final int scale;
    private final int precision;
    private final BigInteger bound;
    private final byte[] fixed;

    LargeDecimalWriter(int index, Column column, ChunkBloomFilter bloom) {
      super(index, column, bloom);
      this.scale = column.type().scale();
      this.precision = column.type().precision();
      this.bound = BigInteger.TEN.pow(precision);
      this.fixed = new byte[ParquetSchema.decimalLength(precision)];
    }

    @Override
    void validateValue(Row row, long rowNumber) {
      checkedUnscaled(row, rowNumber);
    }

    private BigInteger checkedUnscaled(Row row, long rowNumber) {
      BigInteger unscaled = unscaled(row.getDecimal(index), scale, name, rowNumber);
      if (unscaled.abs().compareTo(bound) >= 0) {
        throw outOfRange(name, rowNumber, precision, scale, unscaled);
      }
      return unscaled;
    }

    @Override
    void writeValue(Row row) {
      BigInteger unscaled = checkedUnscaled(row, 0);
      byte[] b = unscaled.toByteArray();
      int pad = fixed.length - b.length;
      byte sign = unscaled.signum() < 0 ? (byte) -1 : 0;
      for (int i = 0; i < pad; i++) {
        fixed[i] = sign;
      }
      System.arraycopy(b, 0, fixed, pad, b.length);
      writer.write(Binary.fromReusedByteArray(fixed), 0, definitionLevel);
      if (bloom != null) {
        bloom.insertBytes(fixed, 0, fixed.length);
      }
    }
  }

  private static BigInteger unscaled(BigDecimal d, int scale, String column, long rowNumber) {
    if (d.scale() == scale) {
      return d.unscaledValue();
    }
    try {
      return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
    } catch (ArithmeticException e) {
      throw new InvalidRowException(column, rowNumber, "decimal " + d + " does not fit scale " + scale
          + " without rounding");
    }
  }

  private static InvalidRowException outOfRange(String column, long rowNumber, int precision, int scale,
      BigInteger unscaled) {
    return new InvalidRowException(column, rowNumber, "decimal " + new BigDecimal(unscaled, scale)
        + " has more than the " + precision + " digits of its type decimal(" + precision + "," + scale + ")");
  }
}
