package dev.partita.bench.sink;

import dev.partita.partition.PartitionField;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partitioning code a user of parquet-java or orc-core writes around their writer: maps a row to a dense slot
 * number (one per partition seen, in order of first appearance) and a slot to its Hive-style directory. Supports
 * what the benchmarks use: no fields, identity of int32 columns (up to two), identity of one string column, and
 * Iceberg's {@code bucket[N]} of a string column. Produces the same directories as Partita.
 */
public final class PeerPartitioner {
  private enum Kind { NONE, INTS, STRING, BUCKET }

  private final Kind kind;
  private final String[] names;
  private final int[] columns;
  private final int buckets;
  private final List<String> paths = new ArrayList<>();
  // INTS: open addressing from a packed key to slot + 1 (0 marks an empty cell).
  private long[] keys = new long[64];
  private int[] slotOfKey = new int[64];
  private final Map<String, Integer> slotOfString = new HashMap<>();
  private int[] slotOfBucket;

  /**
   * Partitioning by {@code spec}.
   *
   * @throws IllegalArgumentException for a spec outside the supported shapes
   */
  public PeerPartitioner(PartitionSpec spec) {
    List<PartitionField> fields = spec.fields();
    int n = fields.size();
    names = new String[n];
    columns = new int[n];
    for (int i = 0; i < n; i++) {
      names[i] = fields.get(i).name();
      columns[i] = spec.schema().require(fields.get(i).sourceColumn());
    }
    if (n == 0) {
      kind = Kind.NONE;
      buckets = 0;
      paths.add("");
    } else if (n == 1 && fields.get(0).transform().name().equals("bucket")
        && type(spec, 0).kind() == DataType.Kind.STRING) {
      kind = Kind.BUCKET;
      buckets = fields.get(0).transform().parameter();
      slotOfBucket = new int[buckets];
    } else if (n == 1 && fields.get(0).transform().isIdentity() && type(spec, 0).kind() == DataType.Kind.STRING) {
      kind = Kind.STRING;
      buckets = 0;
    } else if (n <= 2 && fields.stream().allMatch(f -> f.transform().isIdentity()
        && spec.schema().column(spec.schema().require(f.sourceColumn())).type().equals(DataType.int32()))) {
      kind = Kind.INTS;
      buckets = 0;
    } else {
      throw new IllegalArgumentException("peer partitioning supports none, identity of up to two int32 columns,"
          + " identity of one string column or bucket[N] of a string column; got " + spec);
    }
  }

  private static DataType type(PartitionSpec spec, int field) {
    return spec.schema().column(spec.schema().require(spec.fields().get(field).sourceColumn())).type();
  }

  /** The slot of {@code row}'s partition, assigning the next free one to a partition not seen before. */
  public int slot(Row row) {
    switch (kind) {
      case NONE:
        return 0;
      case STRING: {
        String value = row.getString(columns[0]);
        Integer slot = slotOfString.get(value);
        if (slot == null) {
          slot = newSlot(names[0] + "=" + value);
          slotOfString.put(value, slot);
        }
        return slot;
      }
      case BUCKET: {
        byte[] utf8 = row.getString(columns[0]).getBytes(StandardCharsets.UTF_8);
        int bucket = (murmur3(utf8) & Integer.MAX_VALUE) % buckets;
        int slot = slotOfBucket[bucket];
        if (slot == 0) {
          slot = newSlot(names[0] + "=" + bucket) + 1;
          slotOfBucket[bucket] = slot;
        }
        return slot - 1;
      }
      default:
        return intsSlot(row);
    }
  }

  private int intsSlot(Row row) {
    int a = row.getInt(columns[0]);
    int b = columns.length > 1 ? row.getInt(columns[1]) : 0;
    long key = (long) a << 32 | (b & 0xffffffffL);
    int mask = keys.length - 1;
    int cell = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
    while (slotOfKey[cell] != 0) {
      if (keys[cell] == key) {
        return slotOfKey[cell] - 1;
      }
      cell = (cell + 1) & mask;
    }
    int slot = newSlot(columns.length > 1 ? names[0] + "=" + a + "/" + names[1] + "=" + b : names[0] + "=" + a);
    keys[cell] = key;
    slotOfKey[cell] = slot + 1;
    if (paths.size() * 2 > keys.length) {
      grow();
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldSlots = slotOfKey;
    keys = new long[oldKeys.length * 2];
    slotOfKey = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] != 0) {
        int cell = Long.hashCode(oldKeys[i] * 0x9E3779B97F4A7C15L) & mask;
        while (slotOfKey[cell] != 0) {
          cell = (cell + 1) & mask;
        }
        keys[cell] = oldKeys[i];
        slotOfKey[cell] = oldSlots[i];
      }
    }
  }

  private int newSlot(String path) {
    paths.add(path);
    return paths.size() - 1;
  }

  /** The directory of a slot relative to the table root; empty for an unpartitioned table. */
  public String path(int slot) {
    return paths.get(slot);
  }

  /** Slots assigned so far. */
  public int slots() {
    return paths.size();
  }

  /** 32-bit Murmur3 (x86, seed 0) of {@code bytes}, the hash of Iceberg's bucket transform. */
  static int murmur3(byte[] bytes) {
    int h = 0;
    int i = 0;
    int n = bytes.length;
    for (; i + 4 <= n; i += 4) {
      int k = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16 | bytes[i + 3] << 24;
      h = mixH(h, mixK(k));
    }
    int k = 0;
    for (int shift = 0; i < n; i++, shift += 8) {
      k |= (bytes[i] & 0xff) << shift;
    }
    if ((n & 3) != 0) {
      h ^= mixK(k);
    }
    h ^= n;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }

  private static int mixK(int k) {
    return Integer.rotateLeft(k * 0xcc9e2d51, 15) * 0x1b873593;
  }

  private static int mixH(int h, int k) {
    return Integer.rotateLeft(h ^ k, 13) * 5 + 0xe6546b64;
  }
}
