package dev.partita.bench;

import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesLayout;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.DuckDbTable;
import dev.partita.partition.PartitionSpec;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same sales rows (random order), loaded into an in-memory DuckDB table before the measurement, written with
 * {@code COPY ... TO ... (FORMAT parquet, PARTITION_BY ...)} by {@code threads} threads. Only the COPY is measured;
 * compare with {@link SalesParquetBenchmark}, whose Partita rows are generated during the measurement (see
 * {@link GeneratorBenchmark} for what that costs).
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SalesDuckDbBenchmark extends TableWriteBenchmark {
  /** DuckDB's {@code threads} setting. */
  @Param({"1", "2"})
  public int threads;
  /** The Parquet codec. */
  @Param({"none", "snappy", "zstd"})
  public String codec;
  /** The partition layout. */
  @Param({"single", "year_month", "product"})
  public String layout;
  /** Rows per table. */
  @Param("1000000")
  public long rows;

  private DuckDbTable table;
  private PartitionSpec spec;
  private Codec parsedCodec;

  @Override
  protected void prepare() throws Exception {
    spec = SalesLayout.parse(layout).spec();
    parsedCodec = Codec.parse(codec);
    table = new DuckDbTable(new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows,
        dev.partita.bench.sales.SalesOrder.RANDOM), threads);
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return table.copy(dir, spec, parsedCodec);
  }

  @Override
  protected void release() throws Exception {
    if (table != null) {
      table.close();
    }
  }
}
