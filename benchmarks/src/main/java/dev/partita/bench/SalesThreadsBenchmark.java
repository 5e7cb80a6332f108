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
 * Partita's parallel writer: the same sales rows (random order, one producer thread) written with 1 and 2 writer
 * threads ({@code WriteOptions.Builder.parallelism}), 24 and 1,000 partitions, on the default heap.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesThreadsBenchmark extends TableWriteBenchmark {
  /** The contender: {@code partita} (Parquet) or {@code partita-orc}. */
  @Param("partita")
  public String impl;
  /** Writer threads. */
  @Param({"1", "2"})
  public int threads;
  /** The codec. */
  @Param("snappy")
  public String codec;
  /** The partition layout. */
  @Param({"year_month", "product"})
  public String layout;
  /** Rows per table. */
  @Param("1000000")
  public long rows;

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
