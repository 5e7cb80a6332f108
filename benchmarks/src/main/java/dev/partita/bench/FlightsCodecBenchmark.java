package dev.partita.bench;

import dev.partita.bench.flights.Flights;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.TableSink;
import dev.partita.partition.PartitionSpec;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Size and speed per codec on real data: {@code flights-3m.csv.gz}, read once into memory before the measurement,
 * written as one Parquet file by Partita and by parquet-java, with every codec both offer. The table in
 * {@code formats/parquet/README.md} comes from this benchmark.
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class FlightsCodecBenchmark extends TableWriteBenchmark {
  /** The contender: {@code partita} or {@code parquet-java}. */
  @Param({"partita", "parquet-java"})
  public String impl;
  /** The page codec. */
  @Param({"none", "snappy", "zstd", "gzip", "lz4_raw"})
  public String codec;
  /** One file, no partitions. */
  @Param("single")
  public String layout;
  /** Rows read from the file (all 3,000,000 by default). */
  @Param("3000000")
  public int flightsRows;

  private Flights flights;
  private TableSink sink;

  @Override
  protected void prepare() throws Exception {
    if (!layout.equals("single")) {
      throw new IllegalArgumentException("layout must be single, got " + layout);
    }
    flights = Flights.load(BenchDatasets.file(Flights.FILE), flightsRows);
    sink = Contenders.sink(impl, Codec.parse(codec), PartitionSpec.unpartitioned(Flights.SCHEMA), 1);
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return sink.write(flights.cursor(), dir);
  }
}
