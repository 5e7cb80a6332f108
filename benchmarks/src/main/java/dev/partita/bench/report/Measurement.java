package dev.partita.bench.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark case of a run: the JMH figures joined with the trial's extras.
 *
 * @param benchmark the benchmark class's simple name, for example {@code SalesParquetBenchmark}
 * @param params the JMH parameters
 * @param rowsPerSecond the {@code rows} counter's score; NaN when the case failed
 * @param rowsError its 99.9% confidence half-width (NaN with fewer than 3 iterations)
 * @param rowsPerCpuSecond rows of the measured writes per second of process CPU time; NaN when not recorded
 * @param allocBytesPerOp {@code gc.alloc.rate.norm} (bytes allocated per table), NaN without {@code -prof gc}
 * @param rowsPerOp rows per table
 * @param bytesPerOp output bytes per table
 * @param filesPerOp output files per table
 * @param heapPeakAfterGc the largest heap in use after a collection, bytes
 * @param heapPoolPeak the heap pools' summed peaks, bytes
 * @param maxHeap the fork's maximum heap, bytes
 * @param outOfMemory whether the fork ran out of memory
 * @param error why the case has no score, if it has none
 */
record Measurement(String benchmark, Map<String, String> params, double rowsPerSecond, double rowsError,
    double rowsPerCpuSecond, double allocBytesPerOp, long rowsPerOp, long bytesPerOp, long filesPerOp, long heapPeakAfterGc,
    long heapPoolPeak, long maxHeap, boolean outOfMemory, String error) {

  Measurement {
    params = new TreeMap<>(params);
  }

  /** A parameter's value, or {@code ""}. */
  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Whether the case produced a score. */
  boolean measured() {
    return !Double.isNaN(rowsPerSecond);
  }

  /** Output megabytes (10^6) per second. */
  double megabytesPerSecond() {
    return rowsPerOp == 0 ? Double.NaN : rowsPerSecond * bytesPerOp / rowsPerOp / 1e6;
  }

  /** Bytes allocated per row. */
  double allocPerRow() {
    return rowsPerOp == 0 ? Double.NaN : allocBytesPerOp / rowsPerOp;
  }
}
