package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hive escaping, path text of every type, round trips as property tests, and path safety. */
class PartitionPathsTest {
  private static final Path ROOT = Path.of("/data/warehouse/table").toAbsolutePath();

  /** Hive's rule, restated: chars below 0x20, DEL, and these punctuation marks are escaped. */
  private static boolean hiveEscapes(char c) {
    return c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0;
  }

  // ---------------------------------------------------------------- escaping

  @Test
  void everyCharEscapedOrKeptPerHivesRule() {
    for (char c = 0; c < 0x3000; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String s = "a" + c + "b";
      String expected = hiveEscapes(c)
          ? "a%" + Character.toUpperCase(Character.forDigit(c >> 4, 16))
              + Character.toUpperCase(Character.forDigit(c & 0xf, 16)) + "b"
          : s;
      assertThat(PartitionPaths.escape(s)).as("escape of U+%04X", (int) c).isEqualTo(expected);
      assertThat(PartitionPaths.unescape(expected)).isEqualTo(s);
    }
  }

  @Test
  void knownEscapes() {
    assertThat(PartitionPaths.escape("a/b")).isEqualTo("a%2Fb");
    assertThat(PartitionPaths.escape("k=v")).isEqualTo("k%3Dv");
    assertThat(PartitionPaths.escape("100%")).isEqualTo("100%25");
    assertThat(PartitionPaths.escape("%25")).isEqualTo("%2525");
    assertThat(PartitionPaths.escape("C:\\tmp")).isEqualTo("C%3A%5Ctmp");
    assertThat(PartitionPaths.escape("\u0000\n\u007F")).isEqualTo("%00%0A%7F");
    assertThat(PartitionPaths.escape("{[x]}^")).isEqualTo("%7B%5Bx%5D}%5E");
    assertThat(PartitionPaths.escape("it's \"ok\"? #1 *")).isEqualTo("it%27s %22ok%22%3F %231 %2A");
    // Kept as is: space, <>|&+,;@$!~`() and non-ASCII.
    assertThat(PartitionPaths.escape("a b<>|&+,;@$!~`()-_.")).isEqualTo("a b<>|&+,;@$!~`()-_.");
    assertThat(PartitionPaths.escape("Zürich 漢字 😀")).isEqualTo("Zürich 漢字 😀");
    assertThat(PartitionPaths.escape("..")).isEqualTo("..");
    // As Hive: null and empty give the default partition name.
    assertThat(PartitionPaths.escape("")).isEqualTo(PartitionPaths.DEFAULT_PARTITION_NAME);
    assertThat(PartitionPaths.escape(null)).isEqualTo("__HIVE_DEFAULT_PARTITION__");
  }

  @Test
  void unescapeFollowsHiveOnMalformedInput() {
    assertThat(PartitionPaths.unescape("%")).isEqualTo("%");
    assertThat(PartitionPaths.unescape("a%2")).isEqualTo("a%2");
    assertThat(PartitionPaths.unescape("%zz%2F")).isEqualTo("%zz/");
    assertThat(PartitionPaths.unescape("%2f")).isEqualTo("/");
    assertThat(PartitionPaths.unescape("%41%4a")).isEqualTo("AJ");
    assertThat(PartitionPaths.unescape("%2F%")).isEqualTo("/%");
  }

  @Test
  void escapeUnescapeRoundTripProperty() {
    Random random = new Random(0xC0FFEE);
    for (int i = 0; i < 20_000; i++) {
      String s = randomString(random);
      String escaped = PartitionPaths.escape(s);
      if (s.isEmpty()) {
        assertThat(escaped).isEqualTo(PartitionPaths.DEFAULT_PARTITION_NAME);
        continue;
      }
      assertThat(PartitionPaths.unescape(escaped)).as("round trip of %s", Arrays.toString(s.toCharArray()))
          .isEqualTo(s);
      // Only legal chars remain, and every % starts an escape of a char Hive escapes.
      for (int j = 0; j < escaped.length(); j++) {
        char c = escaped.charAt(j);
        if (c == '%') {
          char code = (char) Integer.parseInt(escaped.substring(j + 1, j + 3), 16);
          assertThat(hiveEscapes(code)).isTrue();
          assertThat(escaped.substring(j + 1, j + 3)).isEqualTo(escaped.substring(j + 1, j + 3).toUpperCase());
          j += 2;
        } else {
          assertThat(hiveEscapes(c)).as("char %s left in %s", (int) c, escaped).isFalse();
        }
      }
    }
  }

  // ---------------------------------------------------------------- round trips through keys

  @Test
  void stringPathsRoundTripAndStayUnderTheRootProperty() {
    Schema schema = Schema.builder().optional("s", DataType.string()).required("n", DataType.int32()).build();
    Random random = new Random(1234);
    int rejectedTooLong = 0;
    int checked = 0;
    for (int i = 0; i < 5000; i++) {
      String name = randomString(random);
      if (name.isEmpty() || name.equals("s") || name.equals("n") || name.equals("n_bucket")
          || PartitionPaths.unpairedSurrogate(name) >= 0) {
        name = "f" + i;
      }
      PartitionSpec spec = PartitionSpec.builder(schema)
          .add(name, Transform.identity(), "s").bucket(10, "n").build();
      PartitionPaths paths = PartitionPaths.of(spec);
      PartitionKey key = spec.newKey();
      String value = i % 50 == 0 ? null : randomString(random);
      if (value != null && PartitionPaths.unpairedSurrogate(value) >= 0) {
        value = value.replaceAll("[\\uD800-\\uDFFF]", "x");
      }
      int n = random.nextInt();
      key.set(new ObjectArrayRow(schema).wrap(new Object[] {value, n}));
      int segmentBytes = (PartitionPaths.escape(name) + "=" + PartitionPaths.escape(value))
          .getBytes(StandardCharsets.UTF_8).length;
      if (segmentBytes > PartitionPaths.MAX_SEGMENT_BYTES) {
        assertThatThrownBy(() -> paths.path(key)).isInstanceOf(InvalidPartitionException.class)
            .hasMessageContaining(segmentBytes + " bytes");
        rejectedTooLong++;
        continue;
      }
      String path = paths.path(key);
      checked++;
      Object expected = value == null || value.isEmpty() ? null : value;
      assertThat(paths.parse(path)).containsExactly(expected, (Murmur3.hashLong(n) & Integer.MAX_VALUE) % 10);
      Path resolved = ROOT.resolve(path).normalize();
      assertThat(resolved.startsWith(ROOT)).as("%s stays under the root", path).isTrue();
      assertThat(resolved.getNameCount()).isEqualTo(ROOT.getNameCount() + 2);
      assertThat(path.split("/", -1)).hasSize(2).allSatisfy(seg -> {
        assertThat(seg).isNotIn(".", "..").contains("=");
        assertThat(seg.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
      });
      assertThat(path).doesNotContain("\u0000").doesNotContain("\\");
      Map<String, String> values = paths.values(key);
      assertThat(values.keySet()).containsExactly(name, "n_bucket");
      assertThat(values.get(name)).isEqualTo(expected);
      assertThat(values.get("n_bucket")).isEqualTo(String.valueOf((Murmur3.hashLong(n) & Integer.MAX_VALUE) % 10));
    }
    assertThat(checked).isGreaterThan(4000);
    assertThat(rejectedTooLong).isGreaterThan(0);
  }

  @Test
  void dotsAreSafeSegments() {
    Schema schema = Schema.builder().required("s", DataType.string()).build();
    for (String v : new String[] {".", "..", "...", "../..", "../../etc/passwd", "./x", "..\\..", "%2E%2E", "%2F"}) {
      for (String name : new String[] {"s", "..", "."}) {
        PartitionSpec spec = PartitionSpec.builder(schema).add(name, Transform.identity(), "s").build();
        PartitionPaths paths = PartitionPaths.of(spec);
        PartitionKey key = spec.newKey();
        key.set(new ObjectArrayRow(schema).wrap(new Object[] {v}));
        String path = paths.path(key);
        assertThat(ROOT.resolve(path).normalize().getParent()).as(path).isEqualTo(ROOT);
        assertThat(paths.parse(path)).containsExactly(v);
      }
    }
    PartitionSpec spec = PartitionSpec.builder(schema).add("..", Transform.identity(), "s").build();
    PartitionKey key = spec.newKey();
    key.set(new ObjectArrayRow(schema).wrap(new Object[] {".."}));
    assertThat(PartitionPaths.of(spec).path(key)).isEqualTo("..=..");
  }

  @Test
  void typedValuesHaveHiveTextAndRoundTrip() {
    Schema schema = Schema.builder()
        .optional("b", DataType.bool())
        .optional("i8", DataType.int8())
        .optional("i", DataType.int32())
        .optional("l", DataType.int64())
        .optional("f", DataType.float32())
        .optional("d", DataType.float64())
        .optional("dec", DataType.decimal(10, 2))
        .optional("dt", DataType.date())
        .optional("t", DataType.time())
        .optional("ts", DataType.timestamp())
        .optional("tstz", DataType.timestampTz())
        .optional("s", DataType.string())
        .build();
    PartitionSpec.Builder builder = PartitionSpec.builder(schema);
    schema.columns().forEach(c -> builder.identity(c.name()));
    PartitionSpec spec = builder.build();
    PartitionPaths paths = PartitionPaths.of(spec);
    Object[][] rows = {
        {true, (byte) -128, -7, 1L << 40, 1.5f, 0.1, new BigDecimal("14.20"), LocalDate.of(2024, 3, 5),
            LocalTime.of(10, 15), LocalDateTime.of(2024, 3, 5, 10, 15), Instant.parse("2024-03-05T10:15:00Z"), "x"},
        {false, (byte) 127, 0, -1L, -0.0f, 1e20, new BigDecimal("-0.05"), LocalDate.of(1, 1, 1),
            LocalTime.of(23, 59, 59, 999_999_000), LocalDateTime.of(2024, 3, 5, 10, 15, 0, 123_456_000),
            Instant.parse("1969-12-31T23:59:59.999999Z"), "a/b=c"},
        {null, null, null, null, Float.NaN, 12345678.0, new BigDecimal("99999999.99"), LocalDate.of(-44, 3, 15),
            LocalTime.MIDNIGHT, LocalDateTime.of(1900, 1, 1, 0, 0, 0, 500_000_000), null, ""},
    };
    String[] expectedPaths = {
        "b=true/i8=-128/i=-7/l=1099511627776/f=1.5/d=0.1/dec=14.20/dt=2024-03-05/t=10%3A15%3A00"
            + "/ts=2024-03-05 10%3A15%3A00/tstz=2024-03-05 10%3A15%3A00/s=x",
        "b=false/i8=127/i=0/l=-1/f=-0.0/d=100000000000000000000.0/dec=-0.05/dt=0001-01-01/t=23%3A59%3A59.999999"
            + "/ts=2024-03-05 10%3A15%3A00.123456/tstz=1969-12-31 23%3A59%3A59.999999/s=a%2Fb%3Dc",
        "b=__HIVE_DEFAULT_PARTITION__/i8=__HIVE_DEFAULT_PARTITION__/i=__HIVE_DEFAULT_PARTITION__"
            + "/l=__HIVE_DEFAULT_PARTITION__/f=NaN/d=12345678.0/dec=99999999.99/dt=-0044-03-15/t=00%3A00%3A00"
            + "/ts=1900-01-01 00%3A00%3A00.5/tstz=__HIVE_DEFAULT_PARTITION__/s=__HIVE_DEFAULT_PARTITION__",
    };
    ObjectArrayRow row = new ObjectArrayRow(schema);
    PartitionKey key = spec.newKey();
    for (int r = 0; r < rows.length; r++) {
      key.set(row.wrap(rows[r]));
      String path = paths.path(key);
      assertThat(path).isEqualTo(expectedPaths[r]);
      List<Object> parsed = paths.parse(path);
      List<Object> expected = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        expected.add(key.get(i) instanceof String s && s.isEmpty() ? null : key.get(i));
      }
      assertThat(parsed).containsExactlyElementsOf(expected);
    }
    // Typed values as PartitionKey.get returns them.
    key.set(row.wrap(rows[0]));
    assertThat(key.get(1)).isEqualTo(-128);
    assertThat(key.get(3)).isEqualTo(1L << 40);
    assertThat(key.get(8)).isEqualTo(LocalTime.of(10, 15));
    assertThat(key.get(9)).isEqualTo(LocalDateTime.of(2024, 3, 5, 10, 15));
    assertThat(key.get(10)).isEqualTo(Instant.parse("2024-03-05T10:15:00Z"));
  }

  @Test
  void doublesRoundTripBitForBitAndIntegralOnesHaveNoExponent() {
    Schema schema = Schema.builder().required("d", DataType.float64()).required("f", DataType.float32()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("d").identity("f").build();
    PartitionPaths paths = PartitionPaths.of(spec);
    PartitionKey key = spec.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    Random random = new Random(99);
    for (int i = 0; i < 20_000; i++) {
      double d = switch (i % 4) {
        case 0 -> Double.longBitsToDouble(random.nextLong());
        case 1 -> Math.rint(random.nextGaussian() * Math.pow(10, random.nextInt(25)));
        case 2 -> random.nextInt(1000) / 8.0;
        default -> new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 1e21, 1e7, 9_007_199_254_740_993.0}[random.nextInt(10)];
      };
      float f = i % 2 == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) Math.rint(random.nextGaussian() * 1e9);
      key.set(row.wrap(new Object[] {d, f}));
      String path = paths.path(key);
      List<Object> back = paths.parse(path);
      assertThat(Double.doubleToLongBits((Double) back.get(0))).as(path).isEqualTo(Double.doubleToLongBits(d));
      assertThat(Float.floatToIntBits((Float) back.get(1))).as(path).isEqualTo(Float.floatToIntBits(f));
      String text = paths.values(key).get("d");
      // Double.parseDouble is what Hive and Trino use to read it.
      assertThat(Double.doubleToLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToLongBits(d));
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        assertThat(text).doesNotContain("E").endsWith(".0");
      }
    }
  }

  @Test
  void timestampsRoundTripProperty() {
    Schema schema = Schema.builder().required("ts", DataType.timestamp()).required("tz", DataType.timestampTz())
        .required("t", DataType.time()).build();
    for (ZoneId zone : new ZoneId[] {ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("+05:30")}) {
      PartitionSpec spec = PartitionSpec.builder(schema).identity("ts").identity("tz").identity("t")
          .timeZone(zone).build();
      PartitionPaths paths = PartitionPaths.of(spec);
      PartitionKey key = spec.newKey();
      ObjectArrayRow row = new ObjectArrayRow(schema);
      Random random = new Random(17);
      for (int i = 0; i < 5000; i++) {
        long micros = random.nextLong() >> (random.nextInt(20));
        if (i % 3 == 0) {
          micros = micros / 1_000_000 * 1_000_000; // whole seconds: no fraction in the text
        }
        long timeOfDay = Math.floorMod(micros, 86_400_000_000L);
        key.set(row.wrap(new Object[] {micros, micros, timeOfDay}));
        String path = paths.path(key);
        assertThat(paths.parse(path)).as(path).containsExactly(key.get(0), key.get(1), key.get(2));
        if (micros % 1_000_000 == 0) {
          assertThat(path.split("/")[0]).doesNotContain(".");
        }
      }
    }
  }

  // ---------------------------------------------------------------- rejections

  @Test
  void overLongSegmentFailsNamingFieldAndLength() {
    Schema schema = Schema.builder().required("s", DataType.string()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("s").build();
    PartitionPaths paths = PartitionPaths.of(spec);
    PartitionKey key = spec.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    key.set(row.wrap(new Object[] {"a".repeat(253)})); // "s=" + 253 = 255 bytes
    assertThat(paths.path(key)).hasSize(255);
    key.set(row.wrap(new Object[] {"a".repeat(254)}));
    assertThatThrownBy(() -> paths.path(key)).isInstanceOf(InvalidPartitionException.class)
        .hasMessageContaining("partition field 's'").hasMessageContaining("256 bytes")
        .hasMessageContaining("255");
    key.set(row.wrap(new Object[] {"/".repeat(85)})); // 2 + 85 * 3 = 257 bytes after escaping
    assertThatThrownBy(() -> paths.path(key)).hasMessageContaining("257 bytes");
    key.set(row.wrap(new Object[] {"é".repeat(127)})); // 2 + 254 bytes of UTF-8
    assertThatThrownBy(() -> paths.path(key)).hasMessageContaining("256 bytes");
    assertThat(((InvalidPartitionException) catchThrowable(() -> paths.path(key))).field()).isEqualTo("s");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void unpairedSurrogatesAndDefaultNameCollisionsAreRejected() {
    Schema schema = Schema.builder().optional("s", DataType.string()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("s").build();
    PartitionPaths paths = PartitionPaths.of(spec);
    PartitionKey key = spec.newKey();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    key.set(row.wrap(new Object[] {"ab\uD800"}));
    assertThatThrownBy(() -> paths.path(key)).isInstanceOf(InvalidPartitionException.class)
        .hasMessageContaining("unpaired surrogate at index 2");
    key.set(row.wrap(new Object[] {"__HIVE_DEFAULT_PARTITION__"}));
    assertThatThrownBy(() -> paths.path(key)).isInstanceOf(InvalidPartitionException.class)
        .hasMessageContaining("equals the default partition name");
    PartitionPaths custom = paths.withDefaultPartitionName("_null_");
    assertThat(custom.path(key)).isEqualTo("s=__HIVE_DEFAULT_PARTITION__");
    assertThat(custom.parse("s=__HIVE_DEFAULT_PARTITION__")).containsExactly("__HIVE_DEFAULT_PARTITION__");
    key.set(row.wrap(new Object[] {null}));
    assertThat(custom.path(key)).isEqualTo("s=_null_");
    assertThat(custom.parse("s=_null_")).containsExactly((Object) null);
    assertThatThrownBy(() -> paths.withDefaultPartitionName("a/b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultPartitionName");
    assertThatThrownBy(() -> paths.withDefaultPartitionName("")).hasMessageContaining("defaultPartitionName");
  }

  @Test
  void keyOfAnotherSpecIsRejected() {
    Schema schema = Schema.builder().optional("s", DataType.string()).build();
    PartitionKey key = PartitionSpec.builder(schema).identity("s").build().newKey();
    PartitionPaths other = PartitionPaths.of(PartitionSpec.builder(schema).truncate(2, "s").build());
    assertThatThrownBy(() -> other.path(key)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key of spec");
  }

  @Test
  void malformedPathsNameTheSegment() {
    Schema schema = Schema.builder().required("y", DataType.int32()).required("m", DataType.int8())
        .required("d", DataType.date()).build();
    PartitionPaths paths = PartitionPaths.of(PartitionSpec.builder(schema).identity("y").identity("m")
        .identity("d").build());
    assertThat(paths.parse("y=2024/m=3/d=2024-03-05")).containsExactly(2024, 3, LocalDate.of(2024, 3, 5));
    assertThatThrownBy(() -> paths.parse("y=2024/m=3")).isInstanceOf(InvalidPartitionException.class)
        .hasMessageContaining("has 2 segments, the spec has 3 fields [y, m, d]");
    assertThatThrownBy(() -> paths.parse("m=3/y=2024/d=2024-03-05"))
        .hasMessageContaining("segment 'm=3'").hasMessageContaining("expected 'y'");
    assertThatThrownBy(() -> paths.parse("y=2024/m3/d=2024-03-05"))
        .hasMessageContaining("segment 'm3'").hasMessageContaining("not name=value");
    assertThatThrownBy(() -> paths.parse("y=abc/m=3/d=2024-03-05"))
        .hasMessageContaining("segment 'y=abc'").hasMessageContaining("not a valid int32");
    assertThatThrownBy(() -> paths.parse("y=2024/m=300/d=2024-03-05"))
        .hasMessageContaining("segment 'm=300'").hasMessageContaining("int8");
    assertThatThrownBy(() -> paths.parse("y=2024/m=3/d=2024-02-30"))
        .hasMessageContaining("segment 'd=2024-02-30'");
    assertThatThrownBy(() -> paths.parse("y=2024/m=3/d=2024-03-05/")).hasMessageContaining("4 segments");
    assertThat(paths.parse("y=__HIVE_DEFAULT_PARTITION__/m=3/d=2024-03-05")).containsExactly(null, 3,
        LocalDate.of(2024, 3, 5));
  }

  // ---------------------------------------------------------------- generator

  private static final String[] PIECES = {"/", "..", ".", "=", "%", "%25", "%2F", "%%", "\u0000", "\n", "\t",
      "\u001F", "\u007F", "\\", ":", "#", "?", "*", "'", "\"", "{", "}", "[", "]", "^", " ", "~", "é", "漢",
      "\uD83D\uDE00", "\uD834\uDD1E", "__HIVE", "a", "Z", "0", "-", "_", "\u00A0", "\uFEFF", "\u2028"};

  /** A random string of 0..40 pieces: specials, non-BMP, control chars and random chars (incl. surrogates). */
  static String randomString(Random random) {
    int n = random.nextInt(10) == 0 ? 0 : random.nextInt(random.nextInt(10) == 0 ? 120 : 12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0, 1 -> sb.append(PIECES[random.nextInt(PIECES.length)]);
        case 2 -> sb.append((char) random.nextInt(128));
        default -> sb.appendCodePoint(random.nextInt(0x30000));
      }
    }
    return sb.toString();
  }
}
