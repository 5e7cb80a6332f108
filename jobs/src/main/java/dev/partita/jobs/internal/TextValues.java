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
        case DATE -> out.setInt(index, Math.toIntExact(LocalDate.parse(text.trim()).toEpochDay()));
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

  /** Micros since the epoch of a timestamp text (see the class comment). */
  static long timestampMicros(String text, boolean utcAdjusted) {
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
