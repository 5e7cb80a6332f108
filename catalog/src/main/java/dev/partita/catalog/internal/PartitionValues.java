package dev.partita.catalog.internal;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Typed forms of partition values, for comparing them in SQL: every value of an ordered column type maps to a
 * {@code long} (integers, booleans as 0/1, dates as epoch days, times as microseconds of the day, timestamps as
 * microseconds since the epoch, local ones read as UTC) or a {@code double} (floats and decimals); strings and
 * binary (lower-case hex) stay text. Used by the catalog's pruning and by the crawler's type inference.
 */
public final class PartitionValues {

  /** Where a type's values are compared. */
  public enum Slot {
    /** As a 64-bit integer. */
    LONG,
    /** As a double. */
    DOUBLE,
    /** As text, by code point. */
    TEXT
  }

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /**
   * Timestamps as Hive, Spark, DuckDB and Partita write them in folder names: {@code 2024-03-05 10:15:00},
   * optionally with {@code T} instead of the space, without seconds, with a fraction, or with an offset
   * ({@code +01:00}, {@code Z}).
   */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private PartitionValues() {}

  /** Where values of {@code type} are compared. */
  public static Slot slot(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN, INT32, INT64, DATE, TIME, TIMESTAMP -> Slot.LONG;
      case FLOAT32, FLOAT64, DECIMAL -> Slot.DOUBLE;
      case STRING, BINARY -> Slot.TEXT;
    };
  }

  /**
   * The comparable form of a folder value (already unescaped, not the null partition): a {@code Long}, a
   * {@code Double} or the text itself, per {@link #slot}.
   *
   * @param zone the zone of timestamps with a time zone written without an offset
   * @throws IllegalArgumentException when the text is not a value of the type
   */
  public static Object fromText(DataType type, String text, ZoneId zone) {
    try {
      return switch (type.kind()) {
        case BOOLEAN -> parseBoolean(text) ? 1L : 0L;
        case INT32 -> {
          long v = Long.parseLong(text.strip());
          int bits = type.bitWidth();
          if (v < -(1L << (bits - 1)) || v >= 1L << (bits - 1)) {
            throw new IllegalArgumentException("out of range of " + type);
          }
          yield v;
        }
        case INT64 -> Long.parseLong(text.strip());
        case FLOAT32, FLOAT64 -> Double.parseDouble(text.strip());
        case DECIMAL -> new BigDecimal(text.strip()).doubleValue();
        case DATE -> LocalDate.parse(text.strip()).toEpochDay();
        case TIME -> LocalTime.parse(text.strip()).toNanoOfDay() / 1000;
        case TIMESTAMP -> timestampMicros(text.strip(), type.isAdjustedToUtc(), zone);
        case STRING -> text;
        case BINARY -> {
          HexFormat.of().parseHex(text);
          yield text.toLowerCase(Locale.ROOT);
        }
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + type + " value: " + e.getMessage(), e);
    }
  }

  /**
   * The comparable form of a filter literal: a Java value of the column's type, or a {@code String} in folder
   * form (see {@link #fromText}).
   *
   * @throws IllegalArgumentException naming the type and the literal's class when it does not fit
   */
  public static Object fromLiteral(DataType type, Object literal, ZoneId zone) {
    if (literal instanceof String s && type.kind() != DataType.Kind.STRING) {
      return fromText(type, s, zone);
    }
    Object out = switch (type.kind()) {
      case BOOLEAN -> literal instanceof Boolean b ? (Long) (b ? 1L : 0L) : null;
      case INT32, INT64 -> integral(literal);
      case FLOAT32, FLOAT64, DECIMAL -> literal instanceof Number n ? (Double) n.doubleValue() : null;
      case DATE -> literal instanceof LocalDate d ? (Long) d.toEpochDay() : null;
      case TIME -> literal instanceof LocalTime t ? (Long) (t.toNanoOfDay() / 1000) : null;
      case TIMESTAMP -> timestampLiteral(literal, type.isAdjustedToUtc(), zone);
      case STRING -> literal instanceof CharSequence c ? c.toString() : null;
      case BINARY -> literal instanceof byte[] b ? HexFormat.of().formatHex(b) : null;
    };
    if (out == null) {
      throw new IllegalArgumentException("a " + literal.getClass().getSimpleName() + " literal (" + literal
          + ") cannot be compared with a " + type + " column; use " + expected(type)
          + " or a String in folder form");
    }
    return out;
  }

  /**
   * Microseconds since the epoch of a folder timestamp. A text with an offset is that instant; without one it is
   * read as UTC for a local timestamp, in {@code zone} for a timestamp with time zone.
   */
  public static long timestampMicros(String text, boolean adjustedToUtc, ZoneId zone) {
    TemporalAccessor t = TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    Instant instant;
    if (t instanceof OffsetDateTime o) {
      instant = adjustedToUtc ? o.toInstant() : o.toLocalDateTime().toInstant(ZoneOffset.UTC);
    } else {
      LocalDateTime l = (LocalDateTime) t;
      instant = adjustedToUtc ? l.atZone(zone).toInstant() : l.toInstant(ZoneOffset.UTC);
    }
    return micros(instant);
  }

  /** Whether {@code text} parses as a timestamp (with a time part) in folder form. */
  public static boolean isTimestamp(String text) {
    try {
      TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("'" + text + "' is not a boolean value: expected true or false");
  }

  private static Long integral(Object literal) {
    if (literal instanceof Long || literal instanceof Integer || literal instanceof Short
        || literal instanceof Byte) {
      return ((Number) literal).longValue();
    }
    if (literal instanceof BigInteger b) {
      return b.longValueExact();
    }
    return null;
  }

  private static Long timestampLiteral(Object literal, boolean adjustedToUtc, ZoneId zone) {
    if (literal instanceof Instant i) {
      return micros(i);
    }
    if (literal instanceof OffsetDateTime o) {
      return micros(adjustedToUtc ? o.toInstant() : o.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    if (literal instanceof ZonedDateTime z) {
      return micros(adjustedToUtc ? z.toInstant() : z.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    if (literal instanceof LocalDateTime l) {
      return micros(adjustedToUtc ? l.atZone(zone).toInstant() : l.toInstant(ZoneOffset.UTC));
    }
    if (literal instanceof LocalDate d) {
      LocalDateTime l = d.atStartOfDay();
      return micros(adjustedToUtc ? l.atZone(zone).toInstant() : l.toInstant(ZoneOffset.UTC));
    }
    return null;
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND), i.getNano() / 1000);
  }

  private static String expected(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "a Boolean";
      case INT32, INT64 -> "an Integer or a Long";
      case FLOAT32, FLOAT64, DECIMAL -> "a Number";
      case DATE -> "a LocalDate";
      case TIME -> "a LocalTime";
      case TIMESTAMP -> "a LocalDateTime or an Instant";
      case STRING -> "a String";
      case BINARY -> "a byte[]";
    };
  }
}
