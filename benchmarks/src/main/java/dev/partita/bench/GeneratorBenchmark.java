package dev.partita.bench;

import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesOrder;
import dev.partita.bench.sales.SalesRow;
import dev.partita.bench.sales.SalesSchema;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of the input alone: generating the sales rows and reading every value once, without writing. The
 * Partita, parquet-java and orc-core figures include this; DuckDB's COPY does not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class GeneratorBenchmark {
  /** Rows per operation. */
  @Param("1000000")
  public long rows;

  /** Generates {@code rows} rows and consumes every value. */
  @Benchmark
  public long generate(TableWriteBenchmark.RowCounter counter, Blackhole bh) {
    SalesGenerator g = new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, SalesOrder.RANDOM);
    SalesRow r = g.salesRow();
    long n = 0;
    while (g.next()) {
      bh.consume(r.getLong(SalesSchema.ORDER_ID));
      bh.consume(r.getLong(SalesSchema.TS));
      bh.consume(r.getInt(SalesSchema.YEAR));
      bh.consume(r.getInt(SalesSchema.MONTH));
      bh.consume(r.getInt(SalesSchema.DAY));
      bh.consume(r.getString(SalesSchema.REGION));
      bh.consume(r.getString(SalesSchema.PRODUCT));
      bh.consume(r.getInt(SalesSchema.QTY));
      bh.consume(r.getDouble(SalesSchema.PRICE));
      bh.consume(r.getString(SalesSchema.CUSTOMER));
      bh.consume(r.isNull(SalesSchema.NOTE) ? null : r.getString(SalesSchema.NOTE));
      n++;
    }
    counter.rows += n;
    return n;
  }
}
