package dev.partita.bench.sales;

/** The order in which the generator emits rows; the sorted orders feed clustered writers. */
public enum SalesOrder {
  /** Every value drawn independently: partitions arrive interleaved. */
  RANDOM,
  /** {@code ts} non-decreasing, so rows arrive grouped by {@code year/month} (and by day). */
  BY_TIME,
  /** {@code product} non-decreasing ({@code product-0} first), every other value random. */
  BY_PRODUCT
}
