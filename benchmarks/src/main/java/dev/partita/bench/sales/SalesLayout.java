package dev.partita.bench.sales;

import dev.partita.partition.PartitionSpec;
import java.util.Locale;

/** The partition layouts of the {@code sales} table that the benchmarks measure. */
public enum SalesLayout {
  /** No partitions: one file. */
  SINGLE(1),
  /** Identity of {@code year} and {@code month}: 24 partitions. */
  YEAR_MONTH(24),
  /** Identity of {@code product}: 1,000 partitions. */
  PRODUCT(1000),
  /** Iceberg {@code bucket[10000]} of {@code customer}: 10,000 partitions. */
  CUSTOMER_BUCKET(10_000);

  private final int partitions;

  SalesLayout(int partitions) {
    this.partitions = partitions;
  }

  /** The layout named in a JMH parameter: {@code single}, {@code year_month}, {@code product}, ... */
  public static SalesLayout parse(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }

  /** The number of partitions the layout has for a large enough table. */
  public int partitions() {
    return partitions;
  }

  /** The partition spec over {@link SalesSchema#SCHEMA}. */
  public PartitionSpec spec() {
    PartitionSpec.Builder b = PartitionSpec.builder(SalesSchema.SCHEMA);
    switch (this) {
      case SINGLE -> { }
      case YEAR_MONTH -> b.identity("year").identity("month");
      case PRODUCT -> b.identity("product");
      case CUSTOMER_BUCKET -> b.bucket(10_000, "customer");
      default -> throw new IllegalStateException(name());
    }
    return b.build();
  }

  /** The input order that groups rows by this layout's partitions (for clustered writers). */
  public SalesOrder sortedOrder() {
    return switch (this) {
      case SINGLE, YEAR_MONTH -> SalesOrder.BY_TIME;
      case PRODUCT -> SalesOrder.BY_PRODUCT;
      case CUSTOMER_BUCKET -> throw new IllegalArgumentException("the generator cannot sort by customer bucket");
    };
  }
}
