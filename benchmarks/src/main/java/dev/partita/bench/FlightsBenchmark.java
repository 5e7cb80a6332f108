package dev.partita.bench;

import dev.partita.bench.flights.Flights;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.DuckDbTable;
import dev.partita.bench.sink.TableSink;
import dev.partita.partition.PartitionSpec;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end on real data: {@code flights-3m.csv.gz}, read once into memory before the measurement, written as
 * Parquet partitioned by {@code origin} (229 airports) by Partita, parquet-java (one writer per partition) and
 * DuckDB's {@code COPY ... PARTITION_BY (origin)} with 1 thread (from an in-memory table).
 */
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class FlightsBenchmark extends TableWriteBenchmark {
  /** The contender: {@code partita}, {@code parquet-java} or {@code duckdb}. */
  @Param({"partita", "parquet-java", "duckdb"})
  public String impl;
  /** The page codec. */
  @Param("snappy")
  public String codec;
  /** Rows read from the file (all 3,000,000 by default). */
  @Param("3000000")
  public int flightsRows;

  private Flights flights;
  private TableSink sink;
  private DuckDbTable duckdb;
  private PartitionSpec spec;
  private Codec parsedCodec;

  @Override
  protected void prepare() throws Exception {
    flights = Flights.load(BenchDatasets.file(Flights.FILE), flightsRows);
    spec = PartitionSpec.builder(Flights.SCHEMA).identity("origin").build();
    parsedCodec = Codec.parse(codec);
    if (impl.equals("duckdb")) {
      duckdb = new DuckDbTable(flights.cursor(), 1);
    } else {
      sink = Contenders.sink(impl, parsedCodec, spec, 229);
    }
  }

  @Override
  protected long writeTable(Path dir) throws Exception {
    return duckdb != null ? duckdb.copy(dir, spec, parsedCodec) : sink.write(flights.cursor(), dir);
  }

  @Override
  protected void release() throws Exception {
    if (duckdb != null) {
      duckdb.close();
    }
  }
}
