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
 * Memory: sales rows (random order) into 24, 1,000 and 10,000 partitions with all partitions open at once, in a
 * fork limited to {@code -Xmx512m}; the trial records its peak heap, and a contender that runs out of memory is
 * recorded as such. Run one case per JMH invocation ({@code benchmarks/run} does) so a fork that dies cannot stop
 * the others.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesManyPartitionsBenchmark extends TableWriteBenchmark {
  /** The contender. */
  @Param({"partita", "parquet-java", "partita-orc", "orc-core"})
  public String impl;
  /** The codec. */
  @Param("snappy")
  public String codec;
  /** The partition layout. */
  @Param({"year_month", "product", "customer_bucket"})
  public String layout;
  /** Rows per table. */
  @Param("2000000")
  public long rows;
  /** Partita's writer threads (the peers take 1 only). */
  @Param("1")
  public int threads;

  private TableSink sink;

  @Override
  protected void prepare() {
    SalesLayout l = SalesLayout.parse(layout);
    sink = Contenders.sink(impl, Codec.parse(codec), l.spec(), l.partitions(), threads);
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return sink.write(new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, SalesOrder.RANDOM), dir);
  }
}
