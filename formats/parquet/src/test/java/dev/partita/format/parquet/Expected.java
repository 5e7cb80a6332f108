package dev.partita.format.parquet;

import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.io.api.Binary;

/**
 * Statistics computed from the rows a test wrote, the way the Parquet specification orders values, and decoding of
 * the physical values parquet-java returns.
 */
final class Expected {
  private Expected() {}

  /**
   * Min, max and null count of column {@code c} over rows {@code [from, to)}; min and max are null when there is no
   * non-null value or, for floats, when a NaN is present (min/max cannot be stated). A zero min is -0.0 and a zero
   * max +0.0, as the specification asks writers to widen them.
   */
  record Stats(Object min, Object max, long nulls, boolean nan) {}

  static Stats stats(List<Object[]> rows, int c, DataType type, int from, int to) {
    Comparator<Object> order = order(type);
    Object min = null;
    Object max = null;
    long nulls = 0;
    boolean nan = false;
    for (int r = from; r < to; r++) {
      Object v = rows.get(r)[c];
      if (v == null) {
        nulls++;
        continue;
      }
      if (v instanceof Float f && f.isNaN() || v instanceof Double d && d.isNaN()) {
        nan = true;
        continue;
      }
      if (min == null || order.compare(v, min) < 0) {
        min = v;
      }
      if (max == null || order.compare(v, max) > 0) {
        max = v;
      }
    }
    if (min instanceof Float f && f == 0.0f) {
      min = -0.0f;
    }
    if (max instanceof Float f && f == 0.0f) {
      max = 0.0f;
    }
    if (min instanceof Double d && d == 0.0) {
      min = -0.0;
    }
    if (max instanceof Double d && d == 0.0) {
      max = 0.0;
    }
    return new Stats(min, max, nulls, nan);
  }

  /** Parquet's type-defined order for a Partita type, on values in the test representation. */
  static Comparator<Object> order(DataType type) {
    return switch (type.kind()) {
      case STRING -> (a, b) -> Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8),
          ((String) b).getBytes(StandardCharsets.UTF_8));
      case BINARY -> (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
      case FLOAT32 -> (a, b) -> Float.compare((Float) a == 0.0f ? 0.0f : (Float) a, (Float) b == 0.0f ? 0.0f
          : (Float) b);
      case FLOAT64 -> (a, b) -> Double.compare((Double) a == 0.0 ? 0.0 : (Double) a, (Double) b == 0.0 ? 0.0
          : (Double) b);
      default -> (a, b) -> {
        @SuppressWarnings("unchecked")
        Comparable<Object> ca = (Comparable<Object>) a;
        return ca.compareTo(b);
      };
    };
  }

  /** A value parquet-java returns (Integer, Long, Float, Double, Boolean, Binary) in the test representation. */
  static Object fromPhysical(Object physical, DataType t) {
    return switch (t.kind()) {
      case STRING -> ((Binary) physical).toStringUsingUTF8();
      case BINARY -> ((Binary) physical).getBytes();
      case DECIMAL -> physical instanceof Integer i ? BigDecimal.valueOf(i, t.scale())
          : physical instanceof Long l ? BigDecimal.valueOf(l, t.scale())
          : new BigDecimal(new BigInteger(((Binary) physical).getBytes()), t.scale());
      default -> physical;
    };
  }

  /** A plain-encoded value (as in column index and statistics bytes) in the test representation. */
  static Object fromPlain(ByteBuffer plain, DataType t) {
    ByteBuffer b = plain.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    byte[] bytes = new byte[b.remaining()];
    b.duplicate().get(bytes);
    return switch (t.kind()) {
      case BOOLEAN -> b.get(b.position()) != 0;
      case INT32, DATE -> b.getInt(b.position());
      case INT64, TIME, TIMESTAMP -> b.getLong(b.position());
      case FLOAT32 -> b.getFloat(b.position());
      case FLOAT64 -> b.getDouble(b.position());
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      case BINARY -> bytes;
      case DECIMAL -> t.precision() <= 9 ? BigDecimal.valueOf(b.getInt(b.position()), t.scale())
          : t.precision() <= 18 ? BigDecimal.valueOf(b.getLong(b.position()), t.scale())
          : new BigDecimal(new BigInteger(bytes), t.scale());
    };
  }
}
