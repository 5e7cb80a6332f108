package dev.partita.catalog.internal;

import dev.partita.format.ColumnStats;
import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Column statistics bounds as the catalog stores them: text per type, and back to the boxes {@link ColumnStats}
 * uses (Boolean; Integer for int8..int32 and dates in days; Long for int64, times and timestamps in microseconds;
 * Float; Double; BigDecimal; String; byte[]). Also merges statistics of several files.
 */
public final class StatValues {
  private StatValues() {}

  /** The stored text of a bound: decimal numbers, {@code true}/{@code false}, strings as is, binary as base64. */
  public static String toText(DataType type, Object value) {
    return switch (type.kind()) {
      case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
      case DECIMAL -> ((BigDecimal) value).toPlainString();
      default -> value.toString();
    };
  }

  /**
   * The box of a stored text; numbers may be written in any Java or JSON literal form.
   *
   * @throws IllegalArgumentException when the text does not parse as the type
   */
  public static Object fromText(DataType type, String text) {
    try {
      return switch (type.kind()) {
        case BOOLEAN -> Boolean.parseBoolean(text);
        case INT32, DATE -> Integer.parseInt(text);
        case INT64, TIME, TIMESTAMP -> Long.parseLong(text);
        case FLOAT32 -> Float.parseFloat(text);
        case FLOAT64 -> Double.parseDouble(text);
        case DECIMAL -> new BigDecimal(text);
        case STRING -> text;
        case BINARY -> Base64.getDecoder().decode(text);
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("statistics bound '" + text + "' is not a " + type + " value", e);
    }
  }

  /** Compares two boxes of {@code type}: numbers numerically, strings by code point, binary unsigned. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(DataType type, Object a, Object b) {
    return switch (type.kind()) {
      case STRING -> compareCodePoints((String) a, (String) b);
      case BINARY -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      default -> ((Comparable) a).compareTo(b);
    };
  }

  /** Compares strings by Unicode code point (UTF-8 byte order), unlike {@link String#compareTo}. */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Statistics of two disjoint sets of rows combined: counts add up; a bound is kept only when both sides state it
   * or a side has only nulls.
   */
  public static ColumnStats merge(DataType type, ColumnStats a, ColumnStats b) {
    Optional<Object> min = bound(type, a, b, true);
    Optional<Object> max = bound(type, a, b, false);
    return new ColumnStats(a.column(), a.valueCount() + b.valueCount(), a.nullCount() + b.nullCount(), min, max);
  }

  private static Optional<Object> bound(DataType type, ColumnStats a, ColumnStats b, boolean min) {
    boolean aEmpty = a.valueCount() - a.nullCount() <= 0;
    boolean bEmpty = b.valueCount() - b.nullCount() <= 0;
    Optional<Object> x = min ? a.min() : a.max();
    Optional<Object> y = min ? b.min() : b.max();
    if (aEmpty) {
      return bEmpty ? Optional.empty() : y;
    }
    if (bEmpty) {
      return x;
    }
    if (x.isEmpty() || y.isEmpty()) {
      return Optional.empty();
    }
    int c = compare(type, x.get(), y.get());
    return (min ? c <= 0 : c >= 0) ? x : y;
  }
}
