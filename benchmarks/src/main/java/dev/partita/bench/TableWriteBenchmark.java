package dev.partita.bench;

import java.nio.file.Path;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Common frame of the table-writing benchmarks: one operation writes a whole table into a fresh directory; after
 * it (outside the measured time) the directory is measured and deleted. The primary score is tables per second;
 * the {@code rows} counter is rows per second. Each trial appends bytes, files, peak heap, out-of-memory status and
 * the process CPU time its measured writes took (rows per CPU-second hardly depend on what else the machine runs)
 * through {@link Extras}. An {@link OutOfMemoryError} in a write is recorded, then fails the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
public abstract class TableWriteBenchmark {

  /** Counts rows written; JMH reports it as rows per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class RowCounter {
    /** Rows written in this iteration. */
    public long rows;

    /** Resets the count at each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
    }
  }

  private Outputs outputs;
  private HeapProbe probe;
  private Path last;
  private long rowsPerOp;
  private Outputs.DirSize size = new Outputs.DirSize(0, 0);
  private BenchmarkParams params;
  private boolean measuring;
  private long measuredRows;
  private long measuredCpuNanos;

  /** Prepares the contender: rows in memory, sinks, connections. Not measured. */
  protected abstract void prepare() throws Exception;

  /** Writes the whole table under {@code dir}, which does not exist yet; returns the rows written. */
  protected abstract long writeTable(Path dir) throws Exception;

  /** Releases what {@link #prepare()} acquired. */
  protected void release() throws Exception {}

  /** Runs {@link #prepare()} and starts the heap probe. */
  @Setup(Level.Trial)
  public void setUpTrial(BenchmarkParams benchmarkParams) throws Exception {
    this.params = benchmarkParams;
    outputs = new Outputs();
    prepare();
    System.gc();
    probe = new HeapProbe();
  }

  /** Notes whether the coming iteration is measured (CPU time is summed over measured writes only). */
  @Setup(Level.Iteration)
  public void setUpIteration(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
  }

  /** The measured operation: one table. */
  @Benchmark
  public long write(RowCounter counter) throws Exception {
    Path dir = outputs.newTable();
    last = dir;
    long rows;
    long cpuBefore = ProcessCpu.nanos();
    try {
      rows = writeTable(dir);
    } catch (OutOfMemoryError e) {
      // The writer's objects are unreachable once the exception left writeTable: there is room to report.
      Extras.record(params, trial(true, "OutOfMemoryError: " + e.getMessage()));
      throw new IllegalStateException("out of memory at -Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m", e);
    }
    if (measuring) {
      measuredCpuNanos += ProcessCpu.nanos() - cpuBefore;
      measuredRows += rows;
    }
    rowsPerOp = rows;
    counter.rows += rows;
    return rows;
  }

  /** Measures and deletes the table just written (not measured). */
  @TearDown(Level.Invocation)
  public void afterWrite() {
    if (last != null) {
      size = Outputs.measure(last);
      Outputs.delete(last);
      last = null;
    }
  }

  /** Records the trial's figures and releases resources. */
  @TearDown(Level.Trial)
  public void tearDownTrial() throws Exception {
    try {
      Extras.record(params, trial(false, null));
    } finally {
      probe.close();
      outputs.deleteAll();
      release();
    }
  }

  private Extras.Trial trial(boolean oom, String error) {
    return new Extras.Trial(rowsPerOp, size.bytes(), size.files(), probe == null ? 0 : probe.peakAfterGc(),
        probe == null ? 0 : probe.poolPeak(), Runtime.getRuntime().maxMemory(), measuredRows, measuredCpuNanos, oom,
        error);
  }
}
