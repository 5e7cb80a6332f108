package dev.partita.partition;

import dev.partita.row.Row;
import java.util.Arrays;
import java.util.Objects;

/**
 * The partition values of one row under a {@link PartitionSpec}. Mutable and reusable: {@link #set} overwrites the
 * values from the next row, so a router keeps one key for lookups and stores {@link #copy()}s as map keys.
 *
 * <p>{@link #set} allocates nothing when every field has a numeric, boolean or temporal result (identity of such
 * columns, year/month/day/hour/date, bucket, truncate of integers); string and decimal values are kept by
 * reference and truncated strings, decimals and binaries are new objects. {@link #equals} and {@link #hashCode}
 * compare the values (and the spec) without allocating. Not thread-safe.
 */
public final class PartitionKey {
  private final PartitionSpec spec;
  private final FieldEvaluator[] evaluators;
  private final long[] primitives;
  private final Object[] objects;
  private final boolean[] nulls;
  private int hash;

  PartitionKey(PartitionSpec spec) {
    this.spec = spec;
    int n = spec.fields().size();
    this.evaluators = new FieldEvaluator[n];
    for (int i = 0; i < n; i++) {
      evaluators[i] = spec.evaluator(i);
    }
    this.primitives = new long[n];
    this.objects = new Object[n];
    this.nulls = new boolean[n];
    Arrays.fill(nulls, true);
    this.hash = computeHash();
  }

  private PartitionKey(PartitionKey other) {
    this.spec = other.spec;
    this.evaluators = other.evaluators;
    this.primitives = other.primitives.clone();
    this.objects = other.objects.clone(); // Strings and BigDecimals are immutable; byte[] results are never mutated
    this.nulls = other.nulls.clone();
    this.hash = other.hash;
  }

  /** The spec this key belongs to. */
  public PartitionSpec spec() {
    return spec;
  }

  /**
   * Computes every field from {@code row}, read by the spec's schema positions with the typed getters. A null
   * source value gives a null field.
   */
  public void set(Row row) {
    Objects.requireNonNull(row, "row");
    int h = 1;
    for (int i = 0; i < evaluators.length; i++) {
      FieldEvaluator e = evaluators[i];
      if (row.isNull(e.column)) {
        nulls[i] = true;
        primitives[i] = 0;
        objects[i] = null;
        h = 31 * h;
      } else if (e.objectResult()) {
        Object v = e.evalObject(row);
        if (v == null) {
          throw new IllegalStateException("row returned null for non-null column " + e.column + " ("
              + spec.fields().get(i).sourceColumn() + ")");
        }
        nulls[i] = false;
        primitives[i] = 0;
        objects[i] = v;
        h = 31 * h + objectHash(v);
      } else {
        long v = e.evalLong(row);
        nulls[i] = false;
        primitives[i] = v;
        objects[i] = null;
        h = 31 * h + Long.hashCode(v) + 1;
      }
    }
    hash = h;
  }

  /** An independent copy: later {@link #set} calls on either key do not change the other. */
  public PartitionKey copy() {
    return new PartitionKey(this);
  }

  /** Number of fields. */
  public int size() {
    return evaluators.length;
  }

  /** Whether field {@code i} is null. */
  public boolean isNull(int i) {
    Objects.checkIndex(i, nulls.length);
    return nulls[i];
  }

  /**
   * The value of field {@code i} as an object of the Java type for its result type: Boolean, Integer (int8, int16,
   * int32, year/month/day/hour and bucket), Long, Float, Double, BigDecimal, String, byte[] (a copy), LocalDate
   * (date), LocalTime (time), LocalDateTime (timestamp) or Instant (timestamptz); null for a null value. Boxes, so
   * meant for once per new partition, not per row.
   */
  public Object get(int i) {
    Objects.checkIndex(i, nulls.length);
    if (nulls[i]) {
      return null;
    }
    return PartitionValues.box(spec.resultType(i), primitives[i], objects[i]);
  }

  /** Whether {@code o} is a key of an equal spec with equal values. */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof PartitionKey k) || k.hash != hash || k.evaluators.length != evaluators.length) {
      return false;
    }
    if (k.spec != spec && !k.spec.equals(spec)) {
      return false;
    }
    for (int i = 0; i < nulls.length; i++) {
      if (nulls[i] != k.nulls[i] || primitives[i] != k.primitives[i]) {
        return false;
      }
      Object a = objects[i];
      Object b = k.objects[i];
      if (a != b && (a == null || b == null || !objectEquals(a, b))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  private int computeHash() {
    int h = 1;
    for (int i = 0; i < nulls.length; i++) {
      h = 31 * h + (nulls[i] ? 0 : objects[i] != null ? objectHash(objects[i]) : Long.hashCode(primitives[i]) + 1);
    }
    return h;
  }

  private static int objectHash(Object v) {
    return v instanceof byte[] b ? Arrays.hashCode(b) : v.hashCode();
  }

  private static boolean objectEquals(Object a, Object b) {
    if (a instanceof byte[] x) {
      return b instanceof byte[] y && Arrays.equals(x, y);
    }
    return a.equals(b);
  }

  /** The values, e.g. {@code [2024, 3, eu-west]}; for messages. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(spec.fields().get(i).name()).append('=');
      Object v = get(i);
      sb.append(v instanceof byte[] b ? PartitionValues.hex(b) : String.valueOf(v));
    }
    return sb.append(']').toString();
  }
}
