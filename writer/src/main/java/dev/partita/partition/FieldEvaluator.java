package dev.partita.partition;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Computes one partition field from a row. Immutable and shareable between keys and threads; called only for a
 * non-null source value.
 *
 * <p>Results of primitive result types are returned by {@link #evalLong} in one long slot: ints, dates (epoch day),
 * booleans (0/1) and longs, times and timestamps (micros) as themselves, floats as {@link Float#floatToIntBits} and
 * doubles as {@link Double#doubleToLongBits} (so that NaNs are equal and -0.0 differs from 0.0, as their path texts
 * do). Strings, decimals and binary results come from {@link #evalObject}.
 */
abstract class FieldEvaluator {
  /** Position of the source column in the row. */
  final int column;

  private FieldEvaluator(int column) {
    this.column = column;
  }

  /** Whether the result is an object ({@link #evalObject}) rather than a primitive ({@link #evalLong}). */
  abstract boolean objectResult();

  /** The primitive result, encoded as described in the class comment. */
  long evalLong(Row row) {
    throw new IllegalStateException("object result");
  }

  /** The object result: a String, BigDecimal or a byte[] the caller owns. */
  Object evalObject(Row row) {
    throw new IllegalStateException("primitive result");
  }

  /** The evaluator of {@code transform} over a column of type {@code source} at {@code column}. */
  static FieldEvaluator of(Transform transform, int column, DataType source, ZoneCalendar calendar) {
    transform.resultType(source); // validates applicability
    return switch (transform.family()) {
      case IDENTITY -> identity(column, source);
      case YEAR, MONTH, DAY, HOUR, DATE -> new Temporal(column, transform.family(), source, calendar);
      case BUCKET -> new Bucket(column, source, transform.parameter());
      case TRUNCATE -> truncate(column, source, transform.parameter());
    };
  }

  private static FieldEvaluator identity(int column, DataType source) {
    return switch (source.kind()) {
      case BOOLEAN -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          return row.getBoolean(column) ? 1 : 0;
        }
      };
      case INT32, DATE -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          return row.getInt(column);
        }
      };
      case INT64, TIME, TIMESTAMP -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          return row.getLong(column);
        }
      };
      case FLOAT32 -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          return Float.floatToIntBits(row.getFloat(column));
        }
      };
      case FLOAT64 -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          return Double.doubleToLongBits(row.getDouble(column));
        }
      };
      case STRING -> new Reference(column) {
        @Override
        Object evalObject(Row row) {
          return row.getString(column);
        }
      };
      case DECIMAL -> new Reference(column) {
        @Override
        Object evalObject(Row row) {
          return row.getDecimal(column);
        }
      };
      case BINARY -> throw new IllegalArgumentException("identity of binary");
    };
  }

  private static FieldEvaluator truncate(int column, DataType source, int width) {
    return switch (source.kind()) {
      case INT32 -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          int v = row.getInt(column);
          // Iceberg's formula in int arithmetic, including its wrap-around near Integer.MIN_VALUE.
          return v - (((v % width) + width) % width);
        }
      };
      case INT64 -> new Primitive(column) {
        @Override
        long evalLong(Row row) {
          long v = row.getLong(column);
          return v - (((v % width) + width) % width);
        }
      };
      case STRING -> new Reference(column) {
        @Override
        Object evalObject(Row row) {
          return truncateString(row.getString(column), width);
        }
      };
      case BINARY -> new Reference(column) {
        @Override
        Object evalObject(Row row) {
          byte[] b = row.getBinary(column);
          return Arrays.copyOf(b, Math.min(b.length, width));
        }
      };
      case DECIMAL -> new Reference(column) {
        private final BigInteger w = BigInteger.valueOf(width);

        @Override
        Object evalObject(Row row) {
          BigDecimal d = row.getDecimal(column);
          BigInteger unscaled = d.unscaledValue();
          BigInteger rem = unscaled.mod(w); // non-negative, as Iceberg requires
          return rem.signum() == 0 ? d : new BigDecimal(unscaled.subtract(rem), d.scale());
        }
      };
      default -> throw new IllegalArgumentException("truncate of " + source);
    };
  }

  /** The first {@code width} code points of {@code s} (an unpaired surrogate counts as one). */
  static String truncateString(String s, int width) {
    if (s.length() <= width) {
      return s;
    }
    int end = 0;
    for (int points = 0; points < width && end < s.length(); points++) {
      end += Character.isHighSurrogate(s.charAt(end)) && end + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(end + 1)) ? 2 : 1;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  private abstract static class Primitive extends FieldEvaluator {
    Primitive(int column) {
      super(column);
    }

    @Override
    final boolean objectResult() {
      return false;
    }
  }

  private abstract static class Reference extends FieldEvaluator {
    Reference(int column) {
      super(column);
    }

    @Override
    final boolean objectResult() {
      return true;
    }
  }

  /** year, month, day, hour, date of a date or timestamp. */
  private static final class Temporal extends Primitive {
    private final Transform.Family family;
    private final boolean isDate;
    private final ZoneCalendar calendar; // null for dates and local timestamps

    Temporal(int column, Transform.Family family, DataType source, ZoneCalendar calendar) {
      super(column);
      this.family = family;
      this.isDate = source.kind() == DataType.Kind.DATE;
      this.calendar = !isDate && source.isAdjustedToUtc() ? calendar : null;
    }

    @Override
    long evalLong(Row row) {
      int epochDay;
      long localSecond = 0;
      if (isDate) {
        epochDay = row.getInt(column);
      } else {
        long micros = row.getLong(column);
        localSecond = calendar == null
            ? Math.floorDiv(micros, ZoneCalendar.MICROS_PER_SECOND)
            : calendar.localEpochSecond(micros);
        epochDay = ZoneCalendar.epochDay(localSecond);
      }
      return switch (family) {
        case YEAR -> ZoneCalendar.year(epochDay);
        case MONTH -> ZoneCalendar.month(epochDay);
        case DAY -> ZoneCalendar.dayOfMonth(epochDay);
        case HOUR -> ZoneCalendar.hourOfDay(localSecond);
        case DATE -> epochDay;
        default -> throw new IllegalStateException(family.name());
      };
    }
  }

  /** Iceberg's bucket[N]. */
  private static final class Bucket extends Primitive {
    private final DataType.Kind kind;
    private final int n;

    Bucket(int column, DataType source, int n) {
      super(column);
      this.kind = source.kind();
      this.n = n;
    }

    @Override
    long evalLong(Row row) {
      int hash = switch (kind) {
        case INT32, DATE -> Murmur3.hashLong(row.getInt(column));
        case INT64, TIME, TIMESTAMP -> Murmur3.hashLong(row.getLong(column));
        case STRING -> Murmur3.hashUtf8(row.getString(column));
        case BINARY -> {
          byte[] b = row.getBinary(column);
          yield Murmur3.hashBytes(b, 0, b.length);
        }
        case DECIMAL -> {
          byte[] b = row.getDecimal(column).unscaledValue().toByteArray(); // minimal big-endian two's complement
          yield Murmur3.hashBytes(b, 0, b.length);
        }
        default -> throw new IllegalStateException(kind.name());
      };
      return (hash & Integer.MAX_VALUE) % n;
    }
  }
}
