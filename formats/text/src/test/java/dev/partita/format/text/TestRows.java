package dev.partita.format.text;

import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rows of every type, as plain Java objects, with nulls and edge values (extreme integers, NaN, infinities,
 * -0.0, strings that need quoting or escaping). Temporal values stay in years 0001..9999, which every reader
 * parses. Deterministic for a seed.
 */
final class TestRows {
  private TestRows() {}

  static final Schema SCHEMA = Schema.builder()
      .required("id", DataType.int64())
      .optional("b", DataType.bool())
      .optional("i8", DataType.int8())
      .optional("i16", DataType.int16())
      .optional("i32", DataType.int32())
      .optional("i64", DataType.int64())
      .optional("f", DataType.float32())
      .optional("d", DataType.float64())
      .optional("dec", DataType.decimal(12, 2))
      .optional("big", DataType.decimal(38, 10))
      .optional("s", DataType.string())
      .optional("bin", DataType.binary())
      .optional("date", DataType.date())
      .optional("t", DataType.time())
      .optional("ts", DataType.timestamp())
      .optional("tstz", DataType.timestampTz())
      .build();

  /** DuckDB types of {@link #SCHEMA}'s columns, for {@code columns={...}}. */
  static final String[] DUCKDB_TYPES = {"BIGINT", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "FLOAT",
      "DOUBLE", "DECIMAL(12,2)", "DECIMAL(38,10)", "VARCHAR", "VARCHAR", "DATE", "TIME", "TIMESTAMP",
      "TIMESTAMPTZ"};

  /** Strings that exercise CSV quoting and JSON escaping; no NUL, which DuckDB's CSV reader refuses. */
  static final String[] STRINGS = {"", " ", "plain", "a,b", "say \"hi\"", "\"", "\"\"", "line1\nline2", "cr\ronly",
      "crlf\r\nend", " lead", "trail ", "\ttab", "tab\t", "Zürich", "日本語", "emoji 😀 ok", "\\N", "NULL", "null",
      "back\\slash", "ctrl\u0001\u001f\u007f", "semi;colon", "pipe|bar", "quote'single", "ends with quote\"",
      "  both  ", "x"};

  static List<Object[]> rows(int count, long seed) {
    Random r = new Random(seed);
    List<Object[]> out = new ArrayList<>();
    long minTs = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long maxTs = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    for (int k = 0; k < count; k++) {
      Object[] v = new Object[SCHEMA.size()];
      v[0] = (long) k;
      switch (k) {
        case 0 -> {
          // all nulls
        }
        case 1 -> {
          v[1] = false;
          v[2] = (int) Byte.MIN_VALUE;
          v[3] = (int) Short.MIN_VALUE;
          v[4] = Integer.MIN_VALUE;
          v[5] = Long.MIN_VALUE;
          v[6] = Float.NEGATIVE_INFINITY;
          v[7] = -Double.MAX_VALUE;
          v[8] = new BigDecimal("-9999999999.99");
          v[9] = new BigDecimal("-9999999999999999999999999999.9999999999");
          v[10] = "";
          v[11] = new byte[0];
          v[12] = LocalDate.of(1, 1, 1);
          v[13] = LocalTime.MIDNIGHT;
          v[14] = LocalDateTime.of(1, 1, 1, 0, 0);
          v[15] = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        }
        case 2 -> {
          v[1] = true;
          v[2] = (int) Byte.MAX_VALUE;
          v[3] = (int) Short.MAX_VALUE;
          v[4] = Integer.MAX_VALUE;
          v[5] = Long.MAX_VALUE;
          v[6] = Float.POSITIVE_INFINITY;
          v[7] = Double.MAX_VALUE;
          v[8] = new BigDecimal("9999999999.99");
          v[9] = new BigDecimal("9999999999999999999999999999.9999999999");
          v[10] = "\"";
          v[11] = new byte[] {(byte) 0xFF, 0, (byte) 0xFB};
          v[12] = LocalDate.of(9999, 12, 31);
          v[13] = LocalTime.of(23, 59, 59, 999_999_000);
          v[14] = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
          v[15] = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000).toInstant(ZoneOffset.UTC);
        }
        case 3 -> {
          v[6] = Float.NaN;
          v[7] = Double.NaN;
          v[8] = new BigDecimal("0.00");
          v[9] = new BigDecimal("-0.0000000001");
          v[10] = " ";
          v[11] = new byte[] {0};
          v[12] = LocalDate.of(1970, 1, 1);
          v[13] = LocalTime.of(12, 0);
          v[14] = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
          v[15] = Instant.EPOCH;
        }
        case 4 -> {
          v[6] = -0.0f;
          v[7] = -0.0;
          v[10] = "\\N";
        }
        case 5 -> {
          v[6] = Float.MIN_VALUE;
          v[7] = Double.MIN_VALUE;
          v[10] = "NULL";
        }
        default -> {
          v[1] = r.nextBoolean();
          v[2] = r.nextInt(256) - 128;
          v[3] = r.nextInt(65_536) - 32_768;
          v[4] = r.nextInt();
          v[5] = r.nextLong();
          v[6] = r.nextInt(4) == 0 ? (float) r.nextInt(1000) : (float) (r.nextGaussian() * Math.pow(10,
              r.nextInt(20) - 10));
          v[7] = r.nextInt(4) == 0 ? (double) r.nextInt(1000) : r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
          v[8] = BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000L, 2);
          v[9] = new BigDecimal(new BigInteger(120, r).subtract(BigInteger.ONE.shiftLeft(119)), 10);
          v[10] = r.nextInt(3) == 0 ? STRINGS[r.nextInt(STRINGS.length)] : randomString(r);
          byte[] bin = new byte[r.nextInt(20)];
          r.nextBytes(bin);
          v[11] = bin;
          v[12] = LocalDate.ofEpochDay(LocalDate.of(1, 1, 1).toEpochDay()
              + (long) (r.nextDouble() * (LocalDate.of(9999, 12, 31).toEpochDay() - LocalDate.of(1, 1, 1)
                  .toEpochDay())));
          v[13] = LocalTime.ofNanoOfDay((long) (r.nextDouble() * 86_400_000_000L) * 1000);
          long sec = minTs + (long) (r.nextDouble() * (maxTs - minTs));
          int micros = r.nextInt(1_000_000);
          v[14] = LocalDateTime.ofEpochSecond(sec, micros * 1000, ZoneOffset.UTC);
          v[15] = Instant.ofEpochSecond((long) (r.nextDouble() * 4e9) - 1_000_000_000L, r.nextInt(1_000_000) * 1000L);
          for (int i = 1; i < v.length; i++) {
            if (r.nextInt(8) == 0) {
              v[i] = null;
            }
          }
        }
      }
      out.add(v);
    }
    return out;
  }

  private static String randomString(Random r) {
    int n = r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    String alphabet = "abcXYZ019 ,;\"'\n\r\t\\/éß€😀";
    for (int i = 0; i < n; i++) {
      int cp = alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0,
          alphabet.length()))));
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /** The value DuckDB's query in {@link #duckDbSelect} gives for column {@code i}, computed with java.time. */
  static Object expected(int i, Object v) {
    if (v == null) {
      return null;
    }
    return switch (i) {
      case 2, 3, 4 -> ((Number) v).longValue();
      case 12 -> ((LocalDate) v).toEpochDay();
      case 13 -> ((LocalTime) v).toNanoOfDay() / 1000;
      case 14 -> micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC));
      case 15 -> micros((Instant) v);
      default -> v;
    };
  }

  static long micros(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
  }

  /** A select list turning every column into a value {@link #expected} can be compared with. */
  static String duckDbSelect() {
    return "id, b, i8, i16, i32, i64, f, d, dec, big, s, from_base64(bin), (date - DATE '1970-01-01'),"
        + " epoch_us(t), epoch_us(ts), epoch_us(tstz)";
  }

  /** DuckDB's {@code columns={...}} argument for {@link #SCHEMA}. */
  static String duckDbColumns(Schema schema, String[] types) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < schema.size(); i++) {
      sb.append(i > 0 ? ", " : "").append('\'').append(schema.column(i).name().replace("'", "''")).append("': '")
          .append(types[i]).append('\'');
    }
    return sb.append('}').toString();
  }
}
