package dev.partita.format.parquet.read;

import dev.partita.schema.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/**
 * The current value of one column: {@link #load} reads it from parquet-column's column reader into primitive
 * fields (converted to Partita's units) and moves the reader to the next value; the getters hand it over the way
 * {@link dev.partita.row.Row} says. Strings are decoded on first request and kept for the row.
 */
final class ColumnCursor {
  /** How a stored value becomes a Partita value. */
  enum Conversion {
    BOOLEAN,
    /** int8/16/32 and date. */
    INT,
    UINT8,
    UINT16,
    /** unsigned 32-bit to int64. */
    UINT32,
    /** INT32 TIME(MILLIS) to micros. */
    INT_MILLIS_TO_MICROS,
    INT_DECIMAL,
    /** int64, timestamps and times in micros. */
    LONG,
    LONG_MILLIS_TO_MICROS,
    LONG_NANOS_TO_MICROS,
    LONG_DECIMAL,
    /** unsigned 64-bit to decimal(20,0). */
    UINT64,
    /** legacy INT96 timestamps (nanos of day, Julian day) to micros. */
    INT96,
    FLOAT,
    DOUBLE,
    /** IEEE half precision (FLOAT16) to float32. */
    FLOAT16,
    STRING,
    BYTES,
    BYTES_DECIMAL
  }

  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  final Column column;
  private final Conversion conversion;
  private final int maxDefinition;
  private final int scale;
  private ColumnReader reader;
  private boolean isNull;
  private long longValue;
  private double doubleValue;
  private Binary binaryValue;
  private String stringValue;

  ColumnCursor(Column column, Conversion conversion, int maxDefinition) {
    this.column = column;
    this.conversion = conversion;
    this.maxDefinition = maxDefinition;
    this.scale = column.type().scale();
  }

  /** Reads the column of a new row group from {@code r}, positioned at its first value. */
  void reset(ColumnReader r) {
    this.reader = r;
  }

  /** Takes the reader's current value and moves the reader to the next one. */
  void load() {
    isNull = reader.getCurrentDefinitionLevel() < maxDefinition;
    stringValue = null;
    if (isNull) {
      binaryValue = null;
      reader.consume();
      return;
    }
    switch (conversion) {
      case BOOLEAN -> longValue = reader.getBoolean() ? 1 : 0;
      case INT, INT_DECIMAL -> longValue = reader.getInteger();
      case UINT8 -> longValue = reader.getInteger() & 0xff;
      case UINT16 -> longValue = reader.getInteger() & 0xffff;
      case UINT32 -> longValue = Integer.toUnsignedLong(reader.getInteger());
      case INT_MILLIS_TO_MICROS -> longValue = reader.getInteger() * 1000L;
      case LONG, LONG_DECIMAL, UINT64 -> longValue = reader.getLong();
      case LONG_MILLIS_TO_MICROS -> longValue = Math.multiplyExact(reader.getLong(), 1000L);
      case LONG_NANOS_TO_MICROS -> longValue = Math.floorDiv(reader.getLong(), 1000L);
      case INT96 -> longValue = int96(reader.getBinary());
      case FLOAT -> doubleValue = reader.getFloat();
      case DOUBLE -> doubleValue = reader.getDouble();
      case FLOAT16 -> doubleValue = half(reader.getBinary());
      case STRING, BYTES, BYTES_DECIMAL -> binaryValue = reader.getBinary();
      default -> throw new IllegalStateException("unknown conversion " + conversion);
    }
    reader.consume();
  }

  boolean isNull() {
    return isNull;
  }

  boolean getBoolean() {
    check(conversion == Conversion.BOOLEAN, "getBoolean");
    return longValue != 0;
  }

  int getInt() {
    check(conversion == Conversion.INT || conversion == Conversion.UINT8 || conversion == Conversion.UINT16,
        "getInt");
    return (int) longValue;
  }

  long getLong() {
    check(conversion == Conversion.LONG || conversion == Conversion.UINT32 || conversion == Conversion.INT96
        || conversion == Conversion.INT_MILLIS_TO_MICROS || conversion == Conversion.LONG_MILLIS_TO_MICROS
        || conversion == Conversion.LONG_NANOS_TO_MICROS, "getLong");
    return longValue;
  }

  float getFloat() {
    check(conversion == Conversion.FLOAT || conversion == Conversion.FLOAT16, "getFloat");
    return (float) doubleValue;
  }

  double getDouble() {
    check(conversion == Conversion.DOUBLE, "getDouble");
    return doubleValue;
  }

  BigDecimal getDecimal() {
    return switch (conversion) {
      case INT_DECIMAL, LONG_DECIMAL -> BigDecimal.valueOf(longValue, scale);
      case UINT64 -> longValue >= 0 ? BigDecimal.valueOf(longValue)
          : new BigDecimal(new BigInteger(Long.toUnsignedString(longValue)));
      case BYTES_DECIMAL -> new BigDecimal(new BigInteger(binaryValue.getBytesUnsafe()), scale);
      default -> throw wrong("getDecimal");
    };
  }

  String getString() {
    check(conversion == Conversion.STRING, "getString");
    if (stringValue == null) {
      ByteBuffer b = binaryValue.toByteBuffer();
      stringValue = b.hasArray() ? new String(b.array(), b.arrayOffset() + b.position(), b.remaining(),
          StandardCharsets.UTF_8) : binaryValue.toStringUsingUTF8();
    }
    return stringValue;
  }

  byte[] getBinary() {
    check(conversion == Conversion.BYTES, "getBinary");
    return binaryValue.getBytes();
  }

  private void check(boolean ok, String getter) {
    if (!ok) {
      throw wrong(getter);
    }
  }

  private IllegalStateException wrong(String getter) {
    return new IllegalStateException(getter + " does not read column '" + column.name() + "' of type "
        + column.type() + "; see dev.partita.row.Row for the getter of each type");
  }

  /** INT96: 8 bytes nanoseconds of the day, then 4 bytes Julian day number, both little-endian. */
  static long int96(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    if (buf.remaining() != 12) {
      throw new IllegalStateException("INT96 value of " + buf.remaining() + " bytes, not 12");
    }
    int p = buf.position();
    long nanos = buf.getLong(p);
    long day = Integer.toUnsignedLong(buf.getInt(p + 8));
    return Math.addExact(Math.multiplyExact(day - JULIAN_EPOCH_DAY, MICROS_PER_DAY), Math.floorDiv(nanos, 1000L));
  }

  /** FLOAT16: IEEE 754 binary16, little-endian. */
  static float half(Binary b) {
    ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    int bits = buf.getShort(buf.position()) & 0xffff;
    int sign = bits >>> 15;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    float magnitude;
    if (exponent == 0) {
      magnitude = mantissa * 0x1p-24f;
    } else if (exponent == 0x1f) {
      magnitude = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      magnitude = Float.intBitsToFloat(((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
    return sign == 0 ? magnitude : -magnitude;
  }
}
