package dev.partita.row;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Conversions from plain Java objects to the representation each {@link DataType} is read in, shared by the
 * object-based row adapters. {@link #check} runs once per value when a row is wrapped; the {@code as*} methods
 * then cannot fail.
 */
final class Values {
  private Values() {}

  /** Checks every value of a row against the schema; throws naming column, row number and value type. */
  static void checkRow(Schema schema, Object[] values, long rowNumber) {
    for (int i = 0; i < schema.size(); i++) {
      Column c = schema.column(i);
      Object v = values[i];
      if (v == null) {
        if (!c.nullable()) {
          throw new InvalidRowException(c.name(), rowNumber, "null in required column of type " + c.type());
        }
        continue;
      }
      String problem = problem(c.type(), v);
      if (problem != null) {
        throw new InvalidRowException(c.name(), rowNumber, problem);
      }
    }
  }

  private static String problem(DataType t, Object v) {
    boolean ok = switch (t.kind()) {
      case BOOLEAN -> v instanceof Boolean;
      case INT32 -> (v instanceof Integer || v instanceof Short || v instanceof Byte) && fitsBits(((Number) v).longValue(), t.bitWidth())
          || v instanceof Long l && fitsBits(l, t.bitWidth());
      case INT64 -> v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
      case FLOAT32 -> v instanceof Float;
      case FLOAT64 -> v instanceof Double || v instanceof Float;
      case DECIMAL -> decimalFits(t, v);
      case STRING -> v instanceof CharSequence;
      case BINARY -> v instanceof byte[] || v instanceof ByteBuffer;
      case DATE -> v instanceof LocalDate || v instanceof Integer;
      case TIME -> v instanceof LocalTime || v instanceof Long;
      case TIMESTAMP -> v instanceof Long
          || (t.isAdjustedToUtc()
              ? v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime
              : v instanceof LocalDateTime);
    };
    if (ok) {
      return null;
    }
    return "value of type " + v.getClass().getName() + " does not fit column type " + t
        + " (accepted: " + accepted(t) + ")";
  }

  private static String accepted(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> "Boolean";
      case INT32 -> "Integer, Short, Byte or Long within " + t.bitWidth() + " bits";
      case INT64 -> "Long, Integer, Short, Byte";
      case FLOAT32 -> "Float";
      case FLOAT64 -> "Double, Float";
      case DECIMAL -> "BigDecimal, BigInteger, Long, Integer with at most " + t.precision() + " digits and scale "
          + t.scale() + " or less";
      case STRING -> "String, CharSequence";
      case BINARY -> "byte[], ByteBuffer";
      case DATE -> "LocalDate, Integer days since 1970-01-01";
      case TIME -> "LocalTime, Long micros of day";
      case TIMESTAMP -> t.isAdjustedToUtc()
          ? "Instant, OffsetDateTime, ZonedDateTime, Long micros since the epoch"
          : "LocalDateTime, Long micros since 1970-01-01T00:00";
    };
  }

  private static boolean fitsBits(long v, int bits) {
    return bits >= 64 || (v >= -(1L << (bits - 1)) && v < (1L << (bits - 1)));
  }

  private static boolean decimalFits(DataType t, Object v) {
    BigDecimal d;
    if (v instanceof BigDecimal b) {
      d = b;
    } else if (v instanceof BigInteger b) {
      d = new BigDecimal(b);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      d = BigDecimal.valueOf(((Number) v).longValue());
    } else {
      return false;
    }
    if (d.scale() > t.scale()) {
      // Only exact rescaling is accepted: 1.50 fits scale 1, 1.55 does not.
      try {
        d = d.setScale(t.scale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        return false;
      }
    }
    return d.setScale(t.scale()).precision() <= t.precision();
  }

  static boolean asBoolean(Object v) {
    return (Boolean) v;
  }

  static int asInt(Object v) {
    if (v instanceof LocalDate d) {
      return Math.toIntExact(d.toEpochDay());
    }
    return ((Number) v).intValue();
  }

  static long asLong(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Instant i) {
      return micros(i);
    }
    if (v instanceof OffsetDateTime o) {
      return micros(o.toInstant());
    }
    if (v instanceof ZonedDateTime z) {
      return micros(z.toInstant());
    }
    if (v instanceof LocalDateTime l) {
      return micros(l.toInstant(ZoneOffset.UTC));
    }
    if (v instanceof LocalTime t) {
      return t.toNanoOfDay() / 1000;
    }
    throw new ClassCastException(v.getClass().getName());
  }

  private static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  static float asFloat(Object v) {
    return (Float) v;
  }

  static double asDouble(Object v) {
    return ((Number) v).doubleValue();
  }

  static BigDecimal asDecimal(Object v, int scale) {
    BigDecimal d;
    if (v instanceof BigDecimal b) {
      d = b;
    } else if (v instanceof BigInteger b) {
      d = new BigDecimal(b);
    } else {
      d = BigDecimal.valueOf(((Number) v).longValue());
    }
    return d.scale() == scale ? d : d.setScale(scale, RoundingMode.UNNECESSARY);
  }

  static String asString(Object v) {
    return v.toString();
  }

  static byte[] asBinary(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    ByteBuffer b = ((ByteBuffer) v).duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
