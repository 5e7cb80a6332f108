package dev.partita.schema;

import java.util.Objects;

/**
 * A column type. Instances are immutable values; create them with the static factories.
 *
 * <p>Each type fixes how a {@link dev.partita.row.Row} hands its value over, see {@link Kind}. Nested types
 * (struct, list, map) are planned as further kinds.
 */
public final class DataType {

  /** The type family, and the {@link dev.partita.row.Row} getter that reads it. */
  public enum Kind {
    /** {@code getBoolean}. */
    BOOLEAN,
    /** 8, 16 or 32-bit signed integer: {@code getInt}; see {@link #bitWidth()}. */
    INT32,
    /** 64-bit signed integer: {@code getLong}. */
    INT64,
    /** IEEE 754 single: {@code getFloat}. */
    FLOAT32,
    /** IEEE 754 double: {@code getDouble}. */
    FLOAT64,
    /** Fixed-point decimal with a precision and a scale: {@code getDecimal}. */
    DECIMAL,
    /** UTF-8 text: {@code getString}. */
    STRING,
    /** Opaque bytes: {@code getBinary}. */
    BINARY,
    /** Calendar date: {@code getInt}, days since 1970-01-01. */
    DATE,
    /** Time of day: {@code getLong}, microseconds since midnight. */
    TIME,
    /**
     * Timestamp with microsecond precision: {@code getLong}, microseconds since 1970-01-01T00:00. When
     * {@link #isAdjustedToUtc()} the value is an instant; otherwise a local date-time read as if in UTC.
     */
    TIMESTAMP
  }

  /** Largest decimal precision Partita writes (Parquet and ORC both allow 38). */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private static final DataType BOOLEAN = new DataType(Kind.BOOLEAN, 0, 0, false, 0);
  private static final DataType INT8 = new DataType(Kind.INT32, 0, 0, false, 8);
  private static final DataType INT16 = new DataType(Kind.INT32, 0, 0, false, 16);
  private static final DataType INT32 = new DataType(Kind.INT32, 0, 0, false, 32);
  private static final DataType INT64 = new DataType(Kind.INT64, 0, 0, false, 64);
  private static final DataType FLOAT32 = new DataType(Kind.FLOAT32, 0, 0, false, 0);
  private static final DataType FLOAT64 = new DataType(Kind.FLOAT64, 0, 0, false, 0);
  private static final DataType STRING = new DataType(Kind.STRING, 0, 0, false, 0);
  private static final DataType BINARY = new DataType(Kind.BINARY, 0, 0, false, 0);
  private static final DataType DATE = new DataType(Kind.DATE, 0, 0, false, 0);
  private static final DataType TIME = new DataType(Kind.TIME, 0, 0, false, 0);
  private static final DataType TIMESTAMP = new DataType(Kind.TIMESTAMP, 0, 0, false, 0);
  private static final DataType TIMESTAMP_TZ = new DataType(Kind.TIMESTAMP, 0, 0, true, 0);

  private final Kind kind;
  private final int precision;
  private final int scale;
  private final boolean adjustedToUtc;
  private final int bitWidth;

  private DataType(Kind kind, int precision, int scale, boolean adjustedToUtc, int bitWidth) {
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.adjustedToUtc = adjustedToUtc;
    this.bitWidth = bitWidth;
  }

  /** true/false. */
  public static DataType bool() {
    return BOOLEAN;
  }

  /** 8-bit signed integer, read with {@code getInt}. */
  public static DataType int8() {
    return INT8;
  }

  /** 16-bit signed integer, read with {@code getInt}. */
  public static DataType int16() {
    return INT16;
  }

  /** 32-bit signed integer. */
  public static DataType int32() {
    return INT32;
  }

  /** 64-bit signed integer. */
  public static DataType int64() {
    return INT64;
  }

  /** 32-bit float. */
  public static DataType float32() {
    return FLOAT32;
  }

  /** 64-bit float. */
  public static DataType float64() {
    return FLOAT64;
  }

  /**
   * Decimal with {@code precision} digits in all (1..38), {@code scale} of them after the point (0..precision).
   */
  public static DataType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
      throw new IllegalArgumentException(
          "decimal precision must be in 1.." + MAX_DECIMAL_PRECISION + ", got " + precision);
    }
    if (scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "decimal scale must be in 0.." + precision + " (the precision), got " + scale);
    }
    return new DataType(Kind.DECIMAL, precision, scale, false, 0);
  }

  /** UTF-8 string. */
  public static DataType string() {
    return STRING;
  }

  /** Byte array. */
  public static DataType binary() {
    return BINARY;
  }

  /** Date without time, as days since the epoch. */
  public static DataType date() {
    return DATE;
  }

  /** Time of day in microseconds. */
  public static DataType time() {
    return TIME;
  }

  /** Local date-time (no zone) in microseconds; Parquet {@code isAdjustedToUTC=false}, ORC {@code timestamp}. */
  public static DataType timestamp() {
    return TIMESTAMP;
  }

  /**
   * Instant in microseconds since the epoch; Parquet {@code isAdjustedToUTC=true}, ORC {@code timestamp with
   * local time zone}.
   */
  public static DataType timestampTz() {
    return TIMESTAMP_TZ;
  }

  /** The type family. */
  public Kind kind() {
    return kind;
  }

  /** Decimal precision; 0 for other kinds. */
  public int precision() {
    return precision;
  }

  /** Decimal scale; 0 for other kinds. */
  public int scale() {
    return scale;
  }

  /** For timestamps: whether values are instants (UTC-adjusted) rather than local date-times. */
  public boolean isAdjustedToUtc() {
    return adjustedToUtc;
  }

  /** For integers: 8, 16, 32 or 64; 0 for other kinds. */
  public int bitWidth() {
    return bitWidth;
  }

  /** Whether values of this type are ordered as numbers or times (usable by range transforms). */
  public boolean isTemporal() {
    return kind == Kind.DATE || kind == Kind.TIMESTAMP;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataType t
        && t.kind == kind
        && t.precision == precision
        && t.scale == scale
        && t.adjustedToUtc == adjustedToUtc
        && t.bitWidth == bitWidth;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, adjustedToUtc, bitWidth);
  }

  /** The type as written in schemas: {@code int32}, {@code decimal(10,2)}, {@code timestamptz}. */
  @Override
  public String toString() {
    return switch (kind) {
      case BOOLEAN -> "boolean";
      case INT32 -> bitWidth == 32 ? "int32" : "int" + bitWidth;
      case INT64 -> "int64";
      case FLOAT32 -> "float";
      case FLOAT64 -> "double";
      case DECIMAL -> "decimal(" + precision + "," + scale + ")";
      case STRING -> "string";
      case BINARY -> "binary";
      case DATE -> "date";
      case TIME -> "time";
      case TIMESTAMP -> adjustedToUtc ? "timestamptz" : "timestamp";
    };
  }

  /**
   * Parses the names {@link #toString()} produces, plus {@code float32}, {@code float64}, {@code int},
   * {@code bigint}, {@code long}, {@code bool}; case-insensitive.
   *
   * @throws IllegalArgumentException naming the text and the accepted names
   */
  public static DataType parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    if (t.startsWith("decimal(") && t.endsWith(")")) {
      String[] ps = t.substring(8, t.length() - 1).split(",", -1);
      try {
        return decimal(Integer.parseInt(ps[0]), ps.length > 1 ? Integer.parseInt(ps[1]) : 0);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad decimal type '" + text + "': expected decimal(p,s)", e);
      }
    }
    return switch (t) {
      case "boolean", "bool" -> BOOLEAN;
      case "int8", "tinyint" -> INT8;
      case "int16", "smallint" -> INT16;
      case "int32", "int", "integer" -> INT32;
      case "int64", "long", "bigint" -> INT64;
      case "float", "float32", "real" -> FLOAT32;
      case "double", "float64" -> FLOAT64;
      case "string", "varchar", "text" -> STRING;
      case "binary", "bytes" -> BINARY;
      case "date" -> DATE;
      case "time" -> TIME;
      case "timestamp" -> TIMESTAMP;
      case "timestamptz" -> TIMESTAMP_TZ;
      default -> throw new IllegalArgumentException("unknown type '" + text + "'; use one of boolean, int8, int16,"
          + " int32, int64, float, double, decimal(p,s), string, binary, date, time, timestamp, timestamptz");
    };
  }
}
