package dev.partita.partition;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.OFFSET_SECONDS;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Conversions of partition values between the key's slots, typed Java objects and their path text (before
 * escaping). Used once per partition, never per row.
 *
 * <p>Texts: integers in decimal; booleans {@code true}/{@code false}; floats and doubles as {@link Double#toString}
 * except integral values below 1e21, written in plain digits with {@code .0} ({@code 12345678.0}, not
 * {@code 1.2345678E7}); decimals {@link BigDecimal#toPlainString}; dates ISO ({@code 2024-03-05}); times
 * {@code 10:15:00[.fraction]}; timestamps as Hive writes them, {@code 2024-03-05 10:15:00[.fraction]} with the
 * fraction only when non-zero and without trailing zeros; instants as the wall clock in the spec's zone, followed
 * by the offset ({@code -04:00}) when that zone has transitions, so that a repeated hour still gives distinct
 * texts; binary (truncate only) as lower-case hex.
 */
final class PartitionValues {
  private static final long MICROS = 1_000_000L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendValue(HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(SECOND_OF_MINUTE, 2)
      .appendFraction(NANO_OF_SECOND, 0, 9, true)
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME)
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(IsoChronology.INSTANCE);

  static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder()
      .append(DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "+00:00").optionalEnd()
      .toFormatter(Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT)
      .withChronology(IsoChronology.INSTANCE);

  private PartitionValues() {}

  /** The Java object of a slot (see {@link PartitionKey#get}). */
  static Object box(DataType type, long primitive, Object object) {
    return switch (type.kind()) {
      case BOOLEAN -> primitive != 0;
      case INT32 -> (int) primitive;
      case INT64 -> primitive;
      case FLOAT32 -> Float.intBitsToFloat((int) primitive);
      case FLOAT64 -> Double.longBitsToDouble(primitive);
      case DATE -> LocalDate.ofEpochDay(primitive);
      case TIME -> LocalTime.ofNanoOfDay(primitive * 1000);
      case TIMESTAMP -> {
        long seconds = Math.floorDiv(primitive, MICROS);
        int nanos = (int) Math.floorMod(primitive, MICROS) * 1000;
        yield type.isAdjustedToUtc()
            ? Instant.ofEpochSecond(seconds, nanos)
            : LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
      }
      case DECIMAL, STRING -> object;
      case BINARY -> ((byte[]) object).clone();
    };
  }

  /** The path text (unescaped) of a non-null value of {@code type}. */
  static String text(DataType type, Object value, ZoneCalendar calendar) {
    return switch (type.kind()) {
      case BOOLEAN, INT32, INT64 -> value.toString();
      case FLOAT32 -> floatText((Float) value);
      case FLOAT64 -> doubleText((Double) value);
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      case STRING -> (String) value;
      case BINARY -> hex((byte[]) value);
      case DATE -> value.toString();
      case TIME -> TIME.format((LocalTime) value);
      case TIMESTAMP -> {
        if (value instanceof LocalDateTime l) {
          yield DATE_TIME.format(l);
        }
        Instant i = (Instant) value;
        ZoneOffset offset = calendar.offset(i.getEpochSecond());
        OffsetDateTime local = i.atOffset(offset);
        yield calendar.isFixedOffset() ? DATE_TIME.format(local) : DATE_TIME_OFFSET.format(local);
      }
    };
  }

  /**
   * The value of a path text (unescaped, not the default partition name) for {@code type}.
   *
   * @throws IllegalArgumentException (or a subclass, or {@link java.time.DateTimeException}) when it does not parse
   *     or is out of the type's range
   */
  static Object parse(DataType type, String text, ZoneCalendar calendar) {
    return switch (type.kind()) {
      case BOOLEAN -> {
        if (text.equalsIgnoreCase("true")) {
          yield Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          yield Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false");
      }
      case INT32 -> {
        int v = Integer.parseInt(text);
        int bits = type.bitWidth();
        if (bits < 32 && (v < -(1 << (bits - 1)) || v >= 1 << (bits - 1))) {
          throw new IllegalArgumentException("out of range of " + type);
        }
        yield v;
      }
      case INT64 -> Long.parseLong(text);
      case FLOAT32 -> Float.parseFloat(text);
      case FLOAT64 -> Double.parseDouble(text);
      case DECIMAL -> {
        BigDecimal d = new BigDecimal(text).setScale(type.scale(), RoundingMode.UNNECESSARY);
        if (d.precision() > type.precision()) {
          throw new IllegalArgumentException("more than " + type.precision() + " digits");
        }
        yield d;
      }
      case STRING -> text;
      case BINARY -> unhex(text);
      case DATE -> {
        LocalDate d = LocalDate.parse(text);
        Math.toIntExact(d.toEpochDay());
        yield d;
      }
      case TIME -> {
        LocalTime t = LocalTime.from(TIME.parse(text));
        checkMicros(t.getNano());
        yield t;
      }
      case TIMESTAMP -> {
        if (!type.isAdjustedToUtc()) {
          LocalDateTime l = LocalDateTime.from(DATE_TIME.parse(text));
          checkMicros(l.getNano());
          micros(l.toEpochSecond(ZoneOffset.UTC), l.getNano());
          yield l;
        }
        TemporalAccessor t = DATE_TIME_OFFSET.parse(text);
        Instant i = t.isSupported(OFFSET_SECONDS)
            ? OffsetDateTime.from(t).toInstant()
            : LocalDateTime.from(t).atZone(calendar.zone()).toInstant();
        checkMicros(i.getNano());
        micros(i.getEpochSecond(), i.getNano());
        yield i;
      }
    };
  }

  private static void checkMicros(int nanos) {
    if (nanos % 1000 != 0) {
      throw new IllegalArgumentException("finer than microseconds");
    }
  }

  /** Micros since the epoch; throws ArithmeticException when out of the 64-bit range. */
  static long micros(long epochSecond, int nanos) {
    return Math.addExact(Math.multiplyExact(epochSecond, MICROS), nanos / 1000);
  }

  static String doubleText(double v) {
    if (v != 0 && v == Math.rint(v) && Math.abs(v) >= 1e7 && Math.abs(v) < 1e21) {
      return new BigDecimal(v).toPlainString() + ".0"; // exact, so parseDouble gives v back
    }
    return Double.toString(v);
  }

  static String floatText(float v) {
    if (v != 0 && v == Math.rint(v) && Math.abs(v) >= 1e7f && Math.abs(v) < 1e21f) {
      return new BigDecimal(v).toPlainString() + ".0";
    }
    return Float.toString(v);
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  static byte[] unhex(String text) {
    if ((text.length() & 1) != 0) {
      throw new IllegalArgumentException("odd number of hex digits");
    }
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = hexDigit(text.charAt(2 * i));
      int lo = hexDigit(text.charAt(2 * i + 1));
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException("'" + c + "' is not a hex digit");
  }
}
