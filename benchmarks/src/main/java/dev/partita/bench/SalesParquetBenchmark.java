package dev.partita.bench;

import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesLayout;
import dev.partita.bench.sales.SalesOrder;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.TableSink;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sales rows (random order) to Parquet: Partita against parquet-java's {@code ParquetWriter}, one file, one per
 * {@code year/month} partition (24) or one per product (1,000), for each codec, on the default heap.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesParquetBenchmark extends TableWriteBenchmark {
  /** The contender. */
  @Param({"partita", "parquet-java"})
  public String impl;
  /** The page codec. */
  @Param({"none", "snappy", "zstd"})
  public String codec;
  /** The partition layout. */
  @Param({"single", "year_month", "product"})
  public String layout;
  /** Rows per table. */
  @Param("1000000")
  public long rows;

  private TableSink sink;

  @Override
  protected void prepare() {
    SalesLayout l = SalesLayout.parse(layout);
    sink = Contenders.sink(impl, Codec.parse(codec), l.spec(), l.partitions());
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return sink.write(new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, SalesOrder.RANDOM), dir);
  }
}
