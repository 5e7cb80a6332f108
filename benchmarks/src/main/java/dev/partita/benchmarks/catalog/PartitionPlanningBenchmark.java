package dev.partita.benchmarks.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning a query over a 10,000-partition table ({@code a=0..99/b=0..99}, predicate
 * {@code a = 50 AND b BETWEEN 10 AND 19}, 10 files): through the SQLite catalog, by listing every directory, and
 * by listing only matching directories. Run with
 * {@code java -cp <benchmarks class path> org.openjdk.jmh.Main PartitionPlanningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PartitionPlanningBenchmark {
  /** Partitions per level: side x side partitions in all. */
  @Param({"100"})
  public int side;

  private PlanningFixture fixture;

  /** Builds the table and the catalog. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    fixture = new PlanningFixture(Files.createTempDirectory("partita-planning"), side);
  }

  /** Removes them. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fixture.close();
  }

  /** One indexed catalog query. */
  @Benchmark
  public List<String> catalog() {
    return fixture.viaCatalog();
  }

  /** A recursive listing of every partition directory. */
  @Benchmark
  public List<String> fullListing() {
    return fixture.viaFullListing();
  }

  /** A listing that skips non-matching directories level by level. */
  @Benchmark
  public List<String> prunedListing() {
    return fixture.viaPrunedListing();
  }
}
