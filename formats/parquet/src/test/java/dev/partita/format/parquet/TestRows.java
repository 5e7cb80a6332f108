package dev.partita.format.parquet;

import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test rows in the {@link dev.partita.row.Row} representation (Boolean, Integer for int8-32 and dates, Long for
 * int64, times and timestamps in micros, Float, Double, BigDecimal, String, byte[]), their random generation, and
 * writing them with a format.
 */
final class TestRows {
  /** Every type Partita has, once each. */
  static final List<DataType> ALL_TYPES = List.of(DataType.bool(), DataType.int8(), DataType.int16(),
      DataType.int32(), DataType.int64(), DataType.float32(), DataType.float64(), DataType.decimal(9, 2),
      DataType.decimal(18, 4), DataType.decimal(38, 10), DataType.decimal(20, 0), DataType.string(),
      DataType.binary(), DataType.date(), DataType.time(), DataType.timestamp(), DataType.timestampTz());

  static final long MIN_DATE = -719_162; // 0001-01-01
  static final long MAX_DATE = 2_932_896; // 9999-12-31
  static final long MIN_TIMESTAMP = -62_135_596_800_000_000L; // 0001-01-01T00:00
  static final long MAX_TIMESTAMP = 253_402_300_799_999_999L; // 9999-12-31T23:59:59.999999
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private TestRows() {}

  /** A schema with every type twice: {@code <type> req} (required) and {@code <type> opt} (nullable). */
  static Schema allTypesSchema() {
    Schema.Builder b = Schema.builder();
    for (DataType t : ALL_TYPES) {
      b.required(t + " req", t);
      b.optional(t + " opt", t);
    }
    return b.build();
  }

  /** Writes {@code rows} into {@code file} with {@code format} and returns the writer's metrics. */
  static FileMetrics write(ParquetFormat format, Schema schema, List<Object[]> rows, Path file) throws IOException {
    FormatWriter w = format.open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (Object[] r : rows) {
      w.write(row.wrap(r));
    }
    return w.finish();
  }

  /**
   * Random rows: nullable columns are null in about 15% of rows; about half the values come from a pool of
   * 16 per column so that dictionaries have repeats.
   */
  static List<Object[]> randomRows(Schema schema, int count, Random r) {
    List<List<Object>> pools = new ArrayList<>();
    for (Column c : schema.columns()) {
      List<Object> pool = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        pool.add(randomValue(c.type(), r));
      }
      pools.add(pool);
    }
    List<Object[]> rows = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      Object[] row = new Object[schema.size()];
      for (int i = 0; i < row.length; i++) {
        Column c = schema.column(i);
        if (c.nullable() && r.nextInt(100) < 15) {
          row[i] = null;
        } else if (r.nextBoolean()) {
          row[i] = pools.get(i).get(r.nextInt(16));
        } else {
          row[i] = randomValue(c.type(), r);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** A random value of {@code type}, often an extreme one. */
  static Object randomValue(DataType type, Random r) {
    boolean extreme = r.nextInt(8) == 0;
    return switch (type.kind()) {
      case BOOLEAN -> r.nextBoolean();
      case INT32 -> {
        int bits = type.bitWidth();
        int min = bits == 32 ? Integer.MIN_VALUE : -(1 << (bits - 1));
        int max = bits == 32 ? Integer.MAX_VALUE : (1 << (bits - 1)) - 1;
        if (extreme) {
          yield pick(r, min, max, 0, -1, 1);
        }
        yield bits == 32 ? r.nextInt() : min + r.nextInt(max - min + 1);
      }
      case INT64 -> extreme ? pick(r, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L) : r.nextLong() >> r.nextInt(64);
      case FLOAT32 -> extreme
          ? pick(r, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, Float.MIN_VALUE,
              Float.MAX_VALUE, -Float.MAX_VALUE)
          : (float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10));
      case FLOAT64 -> extreme
          ? pick(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
              Double.MAX_VALUE, -Double.MAX_VALUE)
          : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
      case DECIMAL -> {
        BigInteger limit = BigInteger.TEN.pow(type.precision());
        BigInteger unscaled;
        if (extreme) {
          unscaled = pick(r, limit.subtract(BigInteger.ONE), limit.subtract(BigInteger.ONE).negate(),
              BigInteger.ZERO, BigInteger.ONE.negate());
        } else {
          unscaled = new BigInteger(limit.bitLength() + 8, r).mod(limit);
          unscaled = unscaled.shiftRight(r.nextInt(limit.bitLength()));
          if (r.nextBoolean()) {
            unscaled = unscaled.negate();
          }
        }
        yield new BigDecimal(unscaled, type.scale());
      }
      case STRING -> randomString(r);
      case BINARY -> {
        int len = r.nextInt(10) == 0 ? 0 : r.nextInt(20) == 0 ? 1000 + r.nextInt(2000) : r.nextInt(40);
        byte[] b = new byte[len];
        r.nextBytes(b);
        yield b;
      }
      case DATE -> extreme ? pick(r, (int) MIN_DATE, (int) MAX_DATE, 0, -1)
          : (int) (MIN_DATE + (long) (r.nextDouble() * (MAX_DATE - MIN_DATE)));
      case TIME -> extreme ? pick(r, 0L, MICROS_PER_DAY - 1) : (long) (r.nextDouble() * MICROS_PER_DAY);
      case TIMESTAMP -> extreme ? pick(r, MIN_TIMESTAMP, MAX_TIMESTAMP, 0L, -1L)
          : MIN_TIMESTAMP + (long) (r.nextDouble() * (MAX_TIMESTAMP - MIN_TIMESTAMP));
    };
  }

  /** Empty, ASCII, accented, CJK, emoji (surrogate pairs), control characters, and long strings. */
  static String randomString(Random r) {
    int kind = r.nextInt(10);
    if (kind == 0) {
      return "";
    }
    int length = kind == 1 ? 500 + r.nextInt(3000) : r.nextInt(30);
    String[] alphabet = kind < 6
        ? new String[] {"a", "b", "Z", " ", "0", "_", "-", ",", "\"", "'"}
        : new String[] {"é", "ß", "中", "文", "😀", "🚀", "\u0000", "\n", "\t", "Ω", "a", "\u00ff", "\uffff"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet[r.nextInt(alphabet.length)]);
    }
    return sb.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
