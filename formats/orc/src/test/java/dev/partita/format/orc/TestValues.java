package dev.partita.format.orc;

import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * Deterministic values of every type in the Row representation (byte[] for binary): edge values first, then
 * random ones; nulls interleaved in nullable columns.
 */
final class TestValues {
  private TestValues() {}

  static final List<DataType> ALL_TYPES = List.of(
      DataType.bool(), DataType.int8(), DataType.int16(), DataType.int32(), DataType.int64(),
      DataType.float32(), DataType.float64(),
      DataType.decimal(9, 2), DataType.decimal(18, 4), DataType.decimal(38, 0), DataType.decimal(38, 10),
      DataType.string(), DataType.binary(), DataType.date(), DataType.time(),
      DataType.timestamp(), DataType.timestampTz());

  static final List<String> STRINGS = List.of("", "a", "héllo wörld", "日本語のテキスト", "emoji 😀🎉 end",
      "￥ fullwidth yen", "tab\tnew\nline", "Ünïcödé", "zzz", "\u0000nul", "Ελληνικά", "a much longer string "
          + "that repeats ".repeat(20));

  static long micros(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
  }

  static List<Object> edges(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> List.of(true, false);
      case INT32 -> switch (t.bitWidth()) {
        case 8 -> List.of(-128, 127, 0, -1);
        case 16 -> List.of(-32768, 32767, 0, -1);
        default -> List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
      };
      case INT64 -> List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
      case FLOAT32 -> List.of(Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY, 1.5f, 0f);
      case FLOAT64 -> List.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, 1.5d, 0d);
      case DECIMAL -> {
        BigInteger max = BigInteger.TEN.pow(t.precision()).subtract(BigInteger.ONE);
        yield List.of(new BigDecimal(max, t.scale()), new BigDecimal(max.negate(), t.scale()),
            BigDecimal.ZERO.setScale(t.scale()), new BigDecimal(BigInteger.ONE, t.scale()),
            new BigDecimal(BigInteger.valueOf(-123456789), t.scale()));
      }
      case STRING -> new ArrayList<>(STRINGS);
      case BINARY -> List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xff, 0, 0x7f},
          "héllo".getBytes(StandardCharsets.UTF_8));
      case DATE -> List.of(0, -1, 1, (int) LocalDate.of(1, 1, 1).toEpochDay(),
          (int) LocalDate.of(9999, 12, 31).toEpochDay(), (int) LocalDate.of(1582, 10, 10).toEpochDay(),
          (int) LocalDate.of(1582, 10, 4).toEpochDay(), (int) LocalDate.of(1900, 2, 28).toEpochDay());
      case TIME -> List.of(0L, LocalTime.MAX.toNanoOfDay() / 1000, LocalTime.NOON.toNanoOfDay() / 1000, 1L);
      case TIMESTAMP -> List.of(0L, 1L, -999_999L, -999_001L, -1_000_000L, -1_000_001L, -1_500_000L, 1_500_000L,
          micros(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000)), micros(LocalDateTime.of(1582, 10, 10, 12, 0)),
          micros(LocalDateTime.of(1, 1, 1, 0, 0)), micros(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
          micros(LocalDateTime.of(1969, 12, 31, 23, 59, 58, 123_456_000)),
          micros(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 161_718_000)));
    };
  }

  static Object random(DataType t, Random r) {
    return switch (t.kind()) {
      case BOOLEAN -> r.nextBoolean();
      case INT32 -> switch (t.bitWidth()) {
        case 8 -> r.nextInt(256) - 128;
        case 16 -> r.nextInt(65536) - 32768;
        default -> r.nextInt();
      };
      case INT64 -> r.nextLong();
      case FLOAT32 -> (float) (r.nextGaussian() * 1e6);
      case FLOAT64 -> r.nextGaussian() * 1e12;
      case DECIMAL -> {
        int digits = 1 + r.nextInt(t.precision());
        BigInteger unscaled = new BigInteger(digits * 4, r).mod(BigInteger.TEN.pow(digits));
        yield new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), t.scale());
      }
      case STRING -> {
        if (r.nextInt(3) == 0) {
          yield STRINGS.get(r.nextInt(STRINGS.size())) + r.nextInt(100);
        }
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(30);
        for (int i = 0; i < n; i++) {
          int kind = r.nextInt(10);
          sb.appendCodePoint(kind < 6 ? 'a' + r.nextInt(26) : kind < 8 ? 0xC0 + r.nextInt(0x100)
              : kind < 9 ? 0x4E00 + r.nextInt(0x500) : 0x1F600 + r.nextInt(0x40));
        }
        yield sb.toString();
      }
      case BINARY -> {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        yield b;
      }
      case DATE -> r.nextInt(200_000) - 100_000;
      case TIME -> (long) (r.nextDouble() * 86_400_000_000L);
      // About 1653 to 2286, micros included.
      case TIMESTAMP -> (long) ((r.nextDouble() - 0.5) * 2e16);
    };
  }

  /** {@code rows} values: edges first, then random; in nullable columns every 5th and some random ones null. */
  static List<Object> column(DataType t, boolean nullable, int rows, long seed) {
    Random r = new Random(seed);
    List<Object> edges = edges(t);
    List<Object> out = new ArrayList<>(rows);
    int e = 0;
    for (int i = 0; i < rows; i++) {
      if (nullable && (i % 5 == 3 || r.nextInt(10) == 0)) {
        out.add(null);
      } else if (e < edges.size()) {
        out.add(edges.get(e++));
      } else {
        out.add(random(t, r));
      }
    }
    return out;
  }

  /** The expected minimum and maximum of non-null values as ORC orders them (strings by UTF-8 bytes). */
  static Optional<Object> min(DataType t, List<Object> values) {
    return values.stream().filter(Objects::nonNull).min(order(t)).map(v -> v);
  }

  static Optional<Object> max(DataType t, List<Object> values) {
    return values.stream().filter(Objects::nonNull).max(order(t)).map(v -> v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Comparator<Object> order(DataType t) {
    if (t.kind() == DataType.Kind.STRING) {
      return (a, b) -> Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8),
          ((String) b).getBytes(StandardCharsets.UTF_8));
    }
    return (a, b) -> ((Comparable) a).compareTo(b);
  }
}
