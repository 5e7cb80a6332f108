package dev.partita.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.partita.row.ObjectArrayRow;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key equality, hashing, copies, use as a map key, and allocation-free {@code set}. */
class PartitionKeyTest {
  private static final Schema SCHEMA = Schema.builder()
      .required("id", DataType.int32())
      .required("n", DataType.int64())
      .required("ts", DataType.timestampTz())
      .optional("region", DataType.string())
      .optional("price", DataType.decimal(9, 2))
      .optional("x", DataType.float64())
      .optional("flag", DataType.bool())
      .build();

  private static final PartitionSpec SPEC = PartitionSpec.builder(SCHEMA)
      .identity("region").month("ts").bucket(16, "id").truncate(1000, "n").identity("price").identity("flag")
      .build();

  @Test
  void equalRowsGiveEqualKeysAndHashes() {
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    PartitionKey a = SPEC.newKey();
    PartitionKey b = SPEC.newKey();
    a.set(row.wrap(new Object[] {7, 1234L, 1_700_000_000_000_000L, "eu-west", new BigDecimal("1.50"), 2.0, true}));
    // Different values in columns that are not partition sources, same partition values.
    b.set(row.wrap(new Object[] {7, 1999L, 1_700_000_000_000_000L, new String("eu-west"), new BigDecimal("1.50"),
        3.0, true}));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    b.set(row.wrap(new Object[] {7, 1999L, 1_700_000_000_000_000L, "eu-east", new BigDecimal("1.50"), 3.0, true}));
    assertThat(a).isNotEqualTo(b);
    b.set(row.wrap(new Object[] {7, 1999L, 1_700_000_000_000_000L, null, new BigDecimal("1.50"), 3.0, true}));
    assertThat(a).isNotEqualTo(b);
    assertThat(b.get(0)).isNull();
    // A key of an equal spec built separately is equal too.
    PartitionSpec same = PartitionSpec.builder(SCHEMA)
        .identity("region").month("ts").bucket(16, "id").truncate(1000, "n").identity("price").identity("flag")
        .build();
    PartitionKey c = same.newKey();
    c.set(row.wrap(new Object[] {7, 1234L, 1_700_000_000_000_000L, "eu-west", new BigDecimal("1.50"), 2.0, true}));
    assertThat(c).isEqualTo(a).hasSameHashCodeAs(a);
    // Fresh keys (all null) are equal.
    assertThat(SPEC.newKey()).isEqualTo(SPEC.newKey()).hasSameHashCodeAs(SPEC.newKey());
  }

  @Test
  void copyIsIndependentOfLaterSet() {
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    PartitionKey key = SPEC.newKey();
    key.set(row.wrap(new Object[] {1, 5L, 0L, "a", null, null, false}));
    PartitionKey copy = key.copy();
    assertThat(copy).isEqualTo(key).hasSameHashCodeAs(key);
    key.set(row.wrap(new Object[] {2, 50_000L, 86_400_000_000L * 40, "b", BigDecimal.ONE.setScale(2), null, true}));
    assertThat(copy).isNotEqualTo(key);
    assertThat(List.of(copy.get(0), copy.get(1), copy.get(3))).containsExactly("a", 1, 0L);
    assertThat(copy.get(4)).isNull();
    assertThat(copy.get(5)).isEqualTo(false);
    assertThat(key.get(1)).isEqualTo(2);
    assertThat(key.get(3)).isEqualTo(50_000L);
    PartitionKey copy2 = key.copy();
    copy.set(row.wrap(new Object[] {3, 5L, 0L, "c", null, null, false}));
    assertThat(copy2).isEqualTo(key);
  }

  @Test
  void routesRandomRowsToTheSamePartitionsAsAnIndependentComputation() {
    ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
    PartitionKey probe = SPEC.newKey();
    Map<PartitionKey, Integer> partitions = new HashMap<>();
    Map<List<Object>, Integer> expected = new HashMap<>();
    Random random = new Random(8);
    String[] regions = {"us-east", "us-west", "eu-central", null};
    for (int i = 0; i < 20_000; i++) {
      int id = random.nextInt(1000);
      long n = random.nextInt(5000) - 2500;
      long ts = (1_672_531_200L + random.nextInt(63_072_000)) * 1_000_000L; // 2023-2024
      String region = regions[random.nextInt(regions.length)];
      BigDecimal price = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(3), 2);
      Boolean flag = random.nextBoolean();
      probe.set(row.wrap(new Object[] {id, n, ts, region, price, null, flag}));
      partitions.merge(probe.copy(), 1, Integer::sum);
      List<Object> tuple = new ArrayList<>();
      tuple.add(region);
      tuple.add(java.time.Instant.ofEpochSecond(ts / 1_000_000).atZone(ZoneId.of("UTC")).getMonthValue());
      tuple.add((Murmur3.hashLong(id) & Integer.MAX_VALUE) % 16);
      tuple.add(Math.floorDiv(n, 1000L) * 1000);
      tuple.add(price);
      tuple.add(flag);
      expected.merge(tuple, 1, Integer::sum);
    }
    assertThat(partitions).hasSize(expected.size());
    for (Map.Entry<PartitionKey, Integer> e : partitions.entrySet()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < e.getKey().size(); i++) {
        values.add(e.getKey().get(i));
      }
      assertThat(expected.get(values)).as("count of %s", values).isEqualTo(e.getValue());
    }
    Set<String> paths = new HashSet<>();
    PartitionPaths p = PartitionPaths.of(SPEC);
    partitions.keySet().forEach(k -> paths.add(p.path(k)));
    assertThat(paths).hasSize(partitions.size());
  }

  @Test
  void negativeZeroAndNaNFollowTheirPathTexts() {
    Schema schema = Schema.builder().required("x", DataType.float64()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("x").build();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    PartitionKey a = spec.newKey();
    PartitionKey b = spec.newKey();
    a.set(row.wrap(new Object[] {0.0}));
    b.set(row.wrap(new Object[] {-0.0}));
    assertThat(a).isNotEqualTo(b); // "0.0" and "-0.0" are different directories
    a.set(row.wrap(new Object[] {Double.NaN}));
    b.set(row.wrap(new Object[] {Double.longBitsToDouble(0x7ff8000000000001L)}));
    assertThat(a).isEqualTo(b); // both "NaN"
  }

  /**
   * {@code set} allocates nothing: 500k calls over 16 numeric and temporal fields (instants in a zone with DST, some
   * far outside its tabulated window) allocate less than one byte per call, so not even one small object every 16
   * calls. The row allocates nothing either, so this holds without the JIT's escape analysis (C1 only, or {@code
   * -Xint}): a row that made a {@code LocalDate} per call once showed 24 bytes per call whenever C2 did not inline
   * {@code LocalDate.create}.
   */
  @Test
  void setAllocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    assumeThat(((com.sun.management.ThreadMXBean) bean).isThreadAllocatedMemorySupported()).isTrue();
    assertThat(leastAllocatedBySetCalls()).as("bytes allocated by 500k set() calls").isLessThan(500_000L);
  }

  /** The least bytes allocated by one round of 500k {@code set} calls, over up to 30 rounds after the first. */
  static long leastAllocatedBySetCalls() {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    mx.setThreadAllocatedMemoryEnabled(true);
    Schema schema = Schema.builder()
        .required("i", DataType.int32()).required("l", DataType.int64()).required("ts", DataType.timestampTz())
        .required("lts", DataType.timestamp()).required("d", DataType.date()).required("x", DataType.float64())
        .required("b", DataType.bool())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema)
        .identity("i").identity("l").year("ts").month("ts").day("ts").hour("ts").date("ts").hour("lts")
        .month("d").bucket(100, "i").bucket(100, "l").bucket(100, "ts").truncate(10, "i").truncate(10, "l")
        .identity("x").identity("b")
        .timeZone(ZoneId.of("America/New_York"))
        .build();
    PrimitiveRow row = new PrimitiveRow();
    PartitionKey key = spec.newKey();
    Random random = new Random(1);
    long[] timestamps = new long[4096];
    for (int i = 0; i < timestamps.length; i++) {
      // Mostly 2023-2024; every 8th from the years 1000 to 9999, outside the zone's tabulated window.
      long second = i % 8 == 0 ? -30_610_224_000L + (long) (random.nextDouble() * 284_012_524_800L)
          : 1_672_531_200L + random.nextInt(63_072_000);
      timestamps[i] = second * 1_000_000L + random.nextInt(1_000_000);
    }
    int sink = 0;
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 30 && best > 0; round++) {
      long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < 500_000; i++) {
        row.ints = i;
        row.longs = timestamps[i & 4095];
        row.doubles = i * 0.5;
        key.set(row);
        sink += key.hashCode();
      }
      long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
      if (round > 0) {
        best = Math.min(best, allocated);
      }
    }
    if (!Boolean.TRUE.equals(key.get(15)) || !(key.get(8) instanceof Integer m && m >= 1 && m <= 12)) {
      throw new AssertionError("unexpected key " + key + " (sink " + sink + ")");
    }
    return best;
  }

  /** A row over primitive fields: reading it allocates nothing, whether or not the JIT compiled it. */
  private static final class PrimitiveRow implements Row {
    private static final int DAY_2024_01_01 = (int) LocalDate.of(2024, 1, 1).toEpochDay();

    int ints;
    long longs;
    double doubles;

    @Override
    public boolean isNull(int index) {
      return false;
    }

    @Override
    public boolean getBoolean(int index) {
      return true;
    }

    @Override
    public int getInt(int index) {
      return index == 4 ? DAY_2024_01_01 + (ints & 511) : ints;
    }

    @Override
    public long getLong(int index) {
      return longs;
    }

    @Override
    public float getFloat(int index) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double getDouble(int index) {
      return doubles;
    }

    @Override
    public BigDecimal getDecimal(int index) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String getString(int index) {
      throw new UnsupportedOperationException();
    }

    @Override
    public byte[] getBinary(int index) {
      throw new UnsupportedOperationException();
    }
  }
}
