package dev.partita.bench;

import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesLayout;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.TableSink;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sales rows sorted by partition (by time for {@code year/month}, by product for {@code product}) to Parquet:
 * Partita clustered (one open file) and fanout on the same sorted input, against parquet-java writing one
 * partition at a time.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesClusteredBenchmark extends TableWriteBenchmark {
  /** The contender. */
  @Param({"partita-clustered", "partita", "parquet-java-clustered"})
  public String impl;
  /** The page codec. */
  @Param("snappy")
  public String codec;
  /** The partition layout, which also fixes the input order. */
  @Param({"year_month", "product"})
  public String layout;
  /** Rows per table. */
  @Param("1000000")
  public long rows;

  private TableSink sink;
  private SalesLayout salesLayout;

  @Override
  protected void prepare() {
    salesLayout = SalesLayout.parse(layout);
    sink = Contenders.sink(impl, Codec.parse(codec), salesLayout.spec(), salesLayout.partitions());
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return sink.write(new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, salesLayout.sortedOrder()), dir);
  }
}
