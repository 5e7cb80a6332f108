package dev.partita.bench.sales;

import dev.partita.bench.sink.RowSource;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Generates the {@code sales} table row by row from a seed: the same seed, row count and order give the same rows
 * on every run, and nothing but the current row is held in memory. Allocates only the {@code customer} string per
 * row (every other string comes from a fixed table).
 */
public final class SalesGenerator implements RowSource {
  /** 2023-01-01T00:00Z in microseconds since the epoch. */
  public static final long START_MICROS = LocalDate.of(2023, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
      * 1_000_000L;
  /** 2025-01-01T00:00Z in microseconds since the epoch (exclusive end of {@code ts}). */
  public static final long END_MICROS = LocalDate.of(2025, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
      * 1_000_000L;
  /** The seed the benchmarks use. */
  public static final long DEFAULT_SEED = 20250101L;

  private static final long SPAN = END_MICROS - START_MICROS;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int FIRST_DAY = (int) (START_MICROS / MICROS_PER_DAY);
  private static final int DAYS = (int) (SPAN / MICROS_PER_DAY);
  // Calendar fields of each day of the range, so no date object is built per row.
  private static final int[] DAY_YEAR = new int[DAYS];
  private static final byte[] DAY_MONTH = new byte[DAYS];
  private static final byte[] DAY_OF_MONTH = new byte[DAYS];
  private static final String[] REGIONS = SalesSchema.REGIONS.toArray(String[]::new);
  private static final String[] PRODUCTS = new String[SalesSchema.PRODUCTS];
  private static final String[] NOTES = new String[SalesSchema.NOTES];
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static {
    for (int d = 0; d < DAYS; d++) {
      LocalDate date = LocalDate.ofEpochDay(FIRST_DAY + d);
      DAY_YEAR[d] = date.getYear();
      DAY_MONTH[d] = (byte) date.getMonthValue();
      DAY_OF_MONTH[d] = (byte) date.getDayOfMonth();
    }
    for (int i = 0; i < PRODUCTS.length; i++) {
      PRODUCTS[i] = "product-" + i;
    }
    for (int i = 0; i < NOTES.length; i++) {
      NOTES[i] = "gift wrap " + i;
    }
  }

  private final SplittableRandom random;
  private final long rows;
  private final SalesOrder order;
  private final SalesRow row = new SalesRow();
  private final char[] customer = "cust-00000000".toCharArray();
  private long next;

  /**
   * Rows {@code 0 .. rows-1} of the table for {@code seed}, in {@code order}.
   *
   * @throws IllegalArgumentException when {@code rows} is negative
   */
  public SalesGenerator(long seed, long rows, SalesOrder order) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be at least 0, got " + rows);
    }
    this.random = new SplittableRandom(seed);
    this.rows = rows;
    this.order = java.util.Objects.requireNonNull(order, "order");
  }

  /** The default seed's rows in random order. */
  public static SalesGenerator of(long rows) {
    return new SalesGenerator(DEFAULT_SEED, rows, SalesOrder.RANDOM);
  }

  @Override
  public Schema schema() {
    return SalesSchema.SCHEMA;
  }

  /** The row count this generator produces in all. */
  public long rows() {
    return rows;
  }

  @Override
  public boolean next() {
    if (next >= rows) {
      return false;
    }
    SplittableRandom r = random;
    SalesRow s = row;
    long i = next++;
    s.orderId = i;
    long ts;
    if (order == SalesOrder.BY_TIME) {
      // Row i falls in the i-th of `rows` equal slots of the range, at a random point of its slot.
      double slot = (double) SPAN / rows;
      ts = START_MICROS + Math.min(SPAN - 1, (long) ((i + r.nextDouble()) * slot));
    } else {
      ts = START_MICROS + r.nextLong(SPAN);
    }
    s.ts = ts;
    int d = (int) ((ts - START_MICROS) / MICROS_PER_DAY);
    s.year = DAY_YEAR[d];
    s.month = DAY_MONTH[d];
    s.day = DAY_OF_MONTH[d];
    s.region = REGIONS[r.nextInt(REGIONS.length)];
    int product = order == SalesOrder.BY_PRODUCT
        ? (int) (i * SalesSchema.PRODUCTS / rows)
        : r.nextInt(SalesSchema.PRODUCTS);
    s.productIndex = product;
    s.product = PRODUCTS[product];
    s.qty = 1 + r.nextInt(20);
    s.price = r.nextInt(100_001) / 100.0;
    int hex = r.nextInt();
    char[] c = customer;
    for (int k = 0; k < 8; k++) {
      c[5 + k] = HEX[(hex >>> (28 - 4 * k)) & 0xf];
    }
    s.customer = new String(c);
    s.note = r.nextInt(10) == 0 ? NOTES[r.nextInt(NOTES.length)] : null;
    return true;
  }

  @Override
  public Row row() {
    return row;
  }

  /** The current row with its concrete type. */
  public SalesRow salesRow() {
    return row;
  }
}
