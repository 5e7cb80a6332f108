package dev.partita.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks the collector against bounds computed naively from the boxed values. */
class ColumnStatsCollectorTest {
  private static final Schema SCHEMA = Schema.builder()
      .optional("b", DataType.bool())
      .optional("i8", DataType.int8())
      .optional("i32", DataType.int32())
      .optional("i64", DataType.int64())
      .optional("f", DataType.float32())
      .optional("d", DataType.float64())
      .optional("dec", DataType.decimal(12, 3))
      .optional("s", DataType.string())
      .optional("bin", DataType.binary())
      .optional("date", DataType.date())
      .optional("ts", DataType.timestampTz())
      .optional("allnull", DataType.int32())
      .build();

  @Test
  void matchesNaiveBoundsOverRandomRows() {
    Random r = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    String[] strings = {"a", "ab", "\uFFFD", "\uD83D\uDE00", "z", "", "\uE000x", "Zürich"};
    for (int n = 0; n < 2000; n++) {
      Object[] v = new Object[SCHEMA.size()];
      v[0] = r.nextBoolean();
      v[1] = r.nextInt(256) - 128;
      v[2] = r.nextInt();
      v[3] = r.nextLong();
      v[4] = (float) r.nextGaussian();
      v[5] = r.nextDouble() * 1e6 - 5e5;
      v[6] = BigDecimal.valueOf(r.nextInt(2_000_000) - 1_000_000, 3);
      v[7] = strings[r.nextInt(strings.length)] + r.nextInt(3);
      byte[] bin = new byte[r.nextInt(4)];
      r.nextBytes(bin);
      v[8] = bin;
      v[9] = r.nextInt(40_000) - 20_000;
      v[10] = r.nextLong() >> 10;
      for (int i = 0; i < v.length; i++) {
        if (r.nextInt(10) == 0) {
          v[i] = null;
        }
      }
      v[11] = null;
      rows.add(v);
    }
    ColumnStatsCollector c = new ColumnStatsCollector(SCHEMA);
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    for (Object[] v : rows) {
      c.add(row.wrap(v));
      if (v[8] != null && ((byte[]) v[8]).length > 0) {
        ((byte[]) v[8])[0] ^= 1; // the caller reuses its array after the call
      }
    }
    List<ColumnStats> stats = c.stats();
    assertThat(stats).extracting(ColumnStats::column).containsExactly("b", "i8", "i32", "i64", "f", "d", "dec", "s",
        "bin", "date", "ts", "allnull");
    // The binary arrays were altered after add; the collector must have copied its bounds. Recompute with the
    // altered arrays undone.
    for (Object[] v : rows) {
      if (v[8] != null && ((byte[]) v[8]).length > 0) {
        ((byte[]) v[8])[0] ^= 1;
      }
    }
    for (int col = 0; col < SCHEMA.size(); col++) {
      final int i = col;
      List<Object> present = rows.stream().map(v -> v[i]).filter(Objects::nonNull).toList();
      ColumnStats s = stats.get(i);
      assertThat(s.valueCount()).isEqualTo(rows.size());
      assertThat(s.nullCount()).isEqualTo(rows.size() - present.size());
      if (present.isEmpty()) {
        assertThat(s.min()).isEmpty();
        assertThat(s.max()).isEmpty();
        continue;
      }
      Comparator<Object> order = comparator(i);
      Object min = present.stream().min(order).orElseThrow();
      Object max = present.stream().max(order).orElseThrow();
      if (min instanceof byte[]) {
        assertThat((byte[]) s.min().orElseThrow()).isEqualTo((byte[]) min);
        assertThat((byte[]) s.max().orElseThrow()).isEqualTo((byte[]) max);
      } else {
        assertThat(s.min()).contains(min);
        assertThat(s.max()).contains(max);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Comparator<Object> comparator(int column) {
    String name = SCHEMA.column(column).name();
    if (name.equals("s")) {
      // UTF-8 byte order, computed independently of the collector's char arithmetic.
      return Comparator.comparing(o -> ((String) o).getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);
    }
    if (name.equals("bin")) {
      return (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    }
    return (a, b) -> ((Comparable<Object>) a).compareTo(b);
  }

  @Test
  void nanDropsFloatBoundsButCountsTheValue() {
    Schema s = Schema.builder().optional("f", DataType.float32()).optional("d", DataType.float64()).build();
    ColumnStatsCollector c = new ColumnStatsCollector(s);
    c.addFloat(0, 1.5f);
    c.addFloat(0, Float.NaN);
    c.addDouble(1, -0.0);
    c.addDouble(1, 0.0);
    c.addDouble(1, Double.NEGATIVE_INFINITY);
    c.addNull(1);
    List<ColumnStats> stats = c.stats();
    assertThat(stats.get(0).valueCount()).isEqualTo(2);
    assertThat(stats.get(0).min()).isEmpty();
    assertThat(stats.get(0).max()).isEmpty();
    assertThat(stats.get(1).valueCount()).isEqualTo(4);
    assertThat(stats.get(1).nullCount()).isEqualTo(1);
    assertThat(stats.get(1).min()).contains(Double.NEGATIVE_INFINITY);
    assertThat(stats.get(1).max()).contains(0.0);
  }

  @Test
  void booleanAndIntegerBoundsAreBoxedInTheRowRepresentation() {
    Schema s = Schema.builder().required("b", DataType.bool()).required("d", DataType.date())
        .required("t", DataType.time()).build();
    ColumnStatsCollector c = new ColumnStatsCollector(s);
    c.addBoolean(0, true);
    c.addInt(1, 19_000);
    c.addInt(1, -3);
    c.addLong(2, 5L);
    List<ColumnStats> stats = c.stats();
    assertThat(stats.get(0).min()).contains(true);
    assertThat(stats.get(0).max()).contains(true);
    assertThat(stats.get(1).min()).contains(-3);
    assertThat(stats.get(1).max()).contains(19_000);
    assertThat(stats.get(2).min()).contains(5L);
  }

  @Test
  void codePointOrderPutsSupplementaryCharactersLast() {
    String emoji = "\uD83D\uDE00";
    String privateUse = "\uE000";
    assertThat(emoji.compareTo(privateUse)).isNegative();
    assertThat(ColumnStatsCollector.compareCodePoints(emoji, privateUse)).isPositive();
    assertThat(ColumnStatsCollector.compareCodePoints("ab", "abc")).isNegative();
    assertThat(ColumnStatsCollector.compareCodePoints("b", "abc")).isPositive();
  }
}
