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
 * Sales rows (random order) to ORC: Partita against orc-core's {@code Writer}, one file or one per
 * {@code year/month} partition (24), for each codec.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesOrcBenchmark extends TableWriteBenchmark {
  /** The contender. */
  @Param({"partita-orc", "orc-core"})
  public String impl;
  /** The codec. */
  @Param({"none", "snappy", "zstd"})
  public String codec;
  /** The partition layout. */
  @Param({"single", "year_month"})
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
