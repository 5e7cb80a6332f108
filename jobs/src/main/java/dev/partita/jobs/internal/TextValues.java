package dev.partita.jobs.internal;

import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads column values from text (CSV fields, JSON strings) and writes bookmark key values as text. Accepted forms:
 * booleans {@code true/false/t/f/1/0} (any case); integers and floats as Java parses them; decimals as
 * {@link BigDecimal} text; dates {@code yyyy-MM-dd}; times {@code HH:mm[:ss[.fraction]]}; timestamps a date, or a
 * date and a time separated by {@code T} or a space, with an optional offset or {@code Z} (a timestamp with time
 * zone without one is read as UTC); binary as base64.
 */
public final class TextValues {
  private TextValues() {}

  /**
   * Parses {@code text} as the type of column {@code index} of {@code out} and stores it there.
   *
   * @throws InvalidRowException naming the column, the row and the text when it does not parse or fit
   */
  public static void parse(String text, RowBuffer out, int index, long rowNumber) {
    DataType type = out.schema().column(index).type();
    try {
      switch (type.kind()) {
        case BOOLEAN -> out.setBoolean(index, parseBoolean(text));
        case INT32 -> {
          long v = Long.parseLong(text.trim());
          int bits = type.bitWidth();
          if (v < -(1L << (bits - 1)) || v >= (1L << (bits - 1))) {
            throw new NumberFormatException("out of the range of " + type);
          }
          out.setInt(index, (int) v);
        }
        case INT64 -> out.setLong(index, Long.parseLong(text.trim()));
        case FLOAT32 -> out.setFloat(index, Float.parseFloat(text));
        case FLOAT64 -> out.setDouble(index, Double.parseDouble(text));
        case DECIMAL -> out.setDecimal(index, decimal(new BigDecimal(text.trim()), type));
        case STRING -> out.setString(index, text);
        case BINARY -> out.setBinary(index, Base64.getDecoder().decode(text.trim()));
        case DATE -> out.setInt(index, Math.toIntExact(epochDay(text.trim())));
        case TIME -> out.setLong(index, LocalTime.parse(text.trim()).toNanoOfDay() / 1000);
        case TIMESTAMP -> out.setLong(index, timestampMicros(text.trim(), type.isAdjustedToUtc()));
        default -> throw new IllegalStateException("unknown kind " + type.kind());
      }
    } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
      out.setNull(index);
      throw new InvalidRowException(out.schema().column(index).name(), rowNumber, "cannot read '" + clip(text)
          + "' as " + type + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    } catch (IllegalArgumentException e) {
      out.setNull(index);
      throw new InvalidRowException(out.schema().column(index).name(), rowNumber, "cannot read '" + clip(text)
          + "' as " + type + ": " + e.getMessage());
    }
  }

  /**
   * {@code value} at the scale of decimal {@code type}, when that is exact and fits its precision.
   *
   * @throws NumberFormatException saying which limit the value exceeds
   */
  static BigDecimal decimal(BigDecimal value, DataType type) {
    BigDecimal d;
    try {
      d = value.setScale(type.scale(), java.math.RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new NumberFormatException("more than " + type.scale() + " fractional digits");
    }
    if (d.precision() > type.precision()) {
      throw new NumberFormatException("more than " + type.precision() + " digits");
    }
    return d;
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "t", "1" -> true;
      case "false", "f", "0" -> false;
      default -> throw new IllegalArgumentException("expected true, false, t, f, 1 or 0");
    };
  }

  /** Days since 1970-01-01 of a {@code yyyy-MM-dd} text. */
  static long epochDay(String t) {
    if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
      int y = digits(t, 0, 4);
      int m = digits(t, 5, 7);
      int d = digits(t, 8, 10);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m)) {
        return civilToEpochDay(y, m, d);
      }
    }
    return LocalDate.parse(t).toEpochDay();
  }

  /** The value of the decimal digits {@code t[from..to)}, or -1 when one is not a digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      int c = t.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  private static int monthLength(int y, int m) {
    return switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long civilToEpochDay(int year, int m, int d) {
    long y = m <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /**
   * Micros of a {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z]} text without allocating, or {@link Long#MIN_VALUE}
   * when the text has another shape (then java.time parses it).
   */
  private static long fastTimestamp(String t) {
    int n = t.length();
    if (n > 0 && (t.charAt(n - 1) == 'Z' || t.charAt(n - 1) == 'z')) {
      n--;
    }
    if (n < 19 || (t.charAt(10) != 'T' && t.charAt(10) != ' ') || t.charAt(4) != '-' || t.charAt(7) != '-'
        || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int y = digits(t, 0, 4);
    int mo = digits(t, 5, 7);
    int d = digits(t, 8, 10);
    int h = digits(t, 11, 13);
    int mi = digits(t, 14, 16);
    int s = digits(t, 17, 19);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59
        || s < 0 || s > 59) {
      return Long.MIN_VALUE;
    }
    long micros = 0;
    if (n > 19) {
      if (t.charAt(19) != '.' || n == 20 || n > 29) {
        return Long.MIN_VALUE;
      }
      long scale = 100_000;
      for (int i = 20; i < n; i++) {
        int c = t.charAt(i) - '0';
        if (c < 0 || c > 9) {
          return Long.MIN_VALUE;
        }
        // digits beyond microseconds are dropped, as java.time's path truncates them
        micros += c * scale;
        scale /= 10;
      }
    }
    return ((civilToEpochDay(y, mo, d) * 24 + h) * 60 + mi) * 60_000_000L + s * 1_000_000L + micros;
  }

  /** Micros since the epoch of a timestamp text (see the class comment). */
  static long timestampMicros(String text, boolean utcAdjusted) {
    long fast = fastTimestamp(text);
    if (fast != Long.MIN_VALUE && (utcAdjusted || !(text.endsWith("Z") || text.endsWith("z")))) {
      return fast;
    }
    String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
    Instant instant;
    if (t.length() == 10) {
      instant = LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
    } else if (hasOffset(t)) {
      instant = OffsetDateTime.parse(t).toInstant();
      if (!utcAdjusted) {
        throw new DateTimeException("a timestamp without time zone cannot carry an offset");
      }
    } else {
      instant = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  private static boolean hasOffset(String t) {
    if (t.endsWith("Z") || t.endsWith("z")) {
      return true;
    }
    int time = t.indexOf('T');
    return time > 0 && (t.indexOf('+', time) > 0 || t.indexOf('-', time) > 0);
  }

  /** The value at {@code index} of {@code row} as text that {@link #parse} reads back to the same value. */
  public static String format(Row row, int index, DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> Boolean.toString(row.getBoolean(index));
      case INT32 -> Integer.toString(row.getInt(index));
      case INT64 -> Long.toString(row.getLong(index));
      case FLOAT32 -> Float.toString(row.getFloat(index));
      case FLOAT64 -> Double.toString(row.getDouble(index));
      case DECIMAL -> row.getDecimal(index).toPlainString();
      case STRING -> row.getString(index);
      case BINARY -> Base64.getEncoder().encodeToString(row.getBinary(index));
      case DATE -> LocalDate.ofEpochDay(row.getInt(index)).toString();
      case TIME -> LocalTime.ofNanoOfDay(row.getLong(index) * 1000).toString();
      case TIMESTAMP -> {
        long micros = row.getLong(index);
        Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
        yield type.isAdjustedToUtc() ? i.toString() : LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString();
      }
    };
  }

  /** A value for a message: at most 80 characters. */
  static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
