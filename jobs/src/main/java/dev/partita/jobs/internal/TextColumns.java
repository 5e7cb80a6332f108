package dev.partita.jobs.internal;

import dev.partita.format.text.read.TextValues;
import dev.partita.format.text.read.ValueException;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;

/**
 * Reads column values from text (CSV fields, JSON strings, text columns of a JDBC source) into a
 * {@link RowBuffer}, with {@link TextValues}. Accepted forms: booleans {@code true/false/t/f/1/0} (any case);
 * integers in decimal digits; floats as decimal numbers, {@code NaN} or {@code Infinity}; decimals exactly, at
 * the column's scale; dates {@code yyyy-MM-dd}; times {@code HH:mm[:ss[.fraction]]}; timestamps a date, or a date
 * and a time separated by {@code T} or a space, with an optional {@code Z} or {@code ±HH[:mm]} (a timestamp with
 * time zone without one is read as UTC; a timestamp without time zone must not have one); binary as base64.
 * Holds reusable buffers: one instance per reader, not thread-safe.
 */
public final class TextColumns {
  private static final String BOOLEAN_FORMS = "expected true, false, t, f, 1 or 0";

  private final Schema schema;
  private final DataType[] types;
  private final TextValues.Timestamp ts = new TextValues.Timestamp();
  private char[] chars = new char[64];

  /** Reads values into rows of {@code schema}. */
  public TextColumns(Schema schema) {
    this.schema = schema;
    this.types = new DataType[schema.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.column(i).type();
    }
  }

  /**
   * Parses {@code text} as the type of column {@code index} and stores it in {@code out}.
   *
   * @throws InvalidRowException naming the column, the row and the text when it does not parse or fit
   */
  public void parse(String text, RowBuffer out, int index, long rowNumber) {
    int n = text.length();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    text.getChars(0, n, chars, 0);
    parse(chars, 0, n, out, index, rowNumber);
  }

  /**
   * Parses the text {@code c[off..off+len)} as the type of column {@code index} and stores it in {@code out}.
   *
   * @throws InvalidRowException naming the column, the row and the text when it does not parse or fit
   */
  public void parse(char[] c, int off, int len, RowBuffer out, int index, long rowNumber) {
    DataType type = types[index];
    try {
      switch (type.kind()) {
        case BOOLEAN -> {
          try {
            out.setBoolean(index, TextValues.parseBoolean(c, off, len, TextValues.Booleans.SHORT));
          } catch (ValueException e) {
            throw bad(index, rowNumber, c, off, len, ": " + BOOLEAN_FORMS);
          }
        }
        case INT32 -> {
          long v = TextValues.parseLong(c, off, len);
          int bits = type.bitWidth();
          if (v < -(1L << (bits - 1)) || v >= (1L << (bits - 1))) {
            throw bad(index, rowNumber, c, off, len, " (out of the range of " + type + ")");
          }
          out.setInt(index, (int) v);
        }
        case INT64 -> out.setLong(index, TextValues.parseLong(c, off, len));
        case FLOAT32 -> out.setFloat(index, TextValues.parseFloat(c, off, len));
        case FLOAT64 -> out.setDouble(index, TextValues.parseDouble(c, off, len));
        case DECIMAL -> {
          try {
            out.setDecimal(index, decimal(TextValues.parseDecimal(c, off, len), type));
          } catch (NumberFormatException e) {
            throw bad(index, rowNumber, c, off, len, " (" + e.getMessage() + ")");
          }
        }
        case STRING -> out.setString(index, new String(c, off, len));
        case BINARY -> {
          try {
            out.setBinary(index, Base64.getDecoder().decode(new String(c, off, len).strip()));
          } catch (IllegalArgumentException e) {
            throw bad(index, rowNumber, c, off, len, ": " + e.getMessage());
          }
        }
        case DATE -> out.setInt(index, TextValues.parseDate(c, off, len));
        case TIME -> out.setLong(index, TextValues.parseTime(c, off, len));
        case TIMESTAMP -> {
          TextValues.parseTimestamp(c, off, len, ts);
          if (ts.hasOffset && !type.isAdjustedToUtc()) {
            throw bad(index, rowNumber, c, off, len, ": a timestamp without time zone cannot carry an offset");
          }
          out.setLong(index, ts.micros);
        }
        default -> throw new IllegalStateException("unknown kind " + type.kind());
      }
    } catch (ValueException e) {
      throw bad(index, rowNumber, c, off, len, " (" + e.getMessage() + ")");
    }
  }

  private InvalidRowException bad(int index, long rowNumber, char[] c, int off, int len, String why) {
    String text = len <= 80 ? new String(c, off, len) : new String(c, off, 77) + "...";
    return new InvalidRowException(schema.column(index).name(), rowNumber, "cannot read '" + text + "' as "
        + types[index] + why);
  }

  /**
   * {@code value} at the scale of decimal {@code type}, when that is exact and fits its precision.
   *
   * @throws NumberFormatException saying which limit the value exceeds
   */
  public static BigDecimal decimal(BigDecimal value, DataType type) {
    BigDecimal d;
    try {
      d = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new NumberFormatException("more than " + type.scale() + " fractional digits");
    }
    if (d.precision() > type.precision()) {
      throw new NumberFormatException("more than " + type.precision() + " digits");
    }
    return d;
  }

  /**
   * Micros since the epoch of a timestamp text (see the class comment), as a bookmark holds it.
   *
   * @throws IllegalArgumentException when the text is not such a timestamp
   */
  public static long timestampMicros(String text, boolean utcAdjusted) {
    TextValues.Timestamp t = new TextValues.Timestamp();
    try {
      TextValues.parseTimestamp(text.toCharArray(), 0, text.length(), t);
    } catch (ValueException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (t.hasOffset && !utcAdjusted) {
      throw new IllegalArgumentException("a timestamp without time zone cannot carry an offset: '" + text + "'");
    }
    return t.micros;
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
      case DATE -> java.time.LocalDate.ofEpochDay(row.getInt(index)).toString();
      case TIME -> java.time.LocalTime.ofNanoOfDay(row.getLong(index) * 1000).toString();
      case TIMESTAMP -> {
        long micros = row.getLong(index);
        java.time.Instant i = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1000);
        yield type.isAdjustedToUtc() ? i.toString()
            : java.time.LocalDateTime.ofInstant(i, java.time.ZoneOffset.UTC).toString();
      }
    };
  }
}
