package dev.partita.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What JMH does not record, one JSON line per benchmark trial appended to {@code -Dpartita.bench.extras}: output
 * bytes and files per operation, rows per operation, peak heap, the process CPU time of the measured writes, and
 * whether the fork ran out of memory. Nothing
 * is written when the property is not set.
 */
final class Extras {
  /** The system property naming the JSON-lines file. */
  static final String PROPERTY = "partita.bench.extras";

  private Extras() {}

  /** One trial's extra figures. */
  record Trial(long rowsPerOp, long bytesPerOp, long filesPerOp, long heapPeakAfterGc, long heapPoolPeak,
      long maxHeap, long measuredRows, long measuredCpuNanos, boolean outOfMemory, String error) {}

  /** Appends {@code trial} for the benchmark and parameters of {@code params}. */
  static void record(BenchmarkParams params, Trial trial) {
    String file = System.getProperty(PROPERTY);
    if (file == null || file.isEmpty()) {
      return;
    }
    Map<String, String> p = new TreeMap<>();
    for (String key : params.getParamsKeys()) {
      p.put(key, params.getParam(key));
    }
    StringBuilder json = new StringBuilder("{\"benchmark\":").append(quote(params.getBenchmark()))
        .append(",\"params\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : p.entrySet()) {
      json.append(first ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
      first = false;
    }
    json.append("},\"rowsPerOp\":").append(trial.rowsPerOp())
        .append(",\"bytesPerOp\":").append(trial.bytesPerOp())
        .append(",\"filesPerOp\":").append(trial.filesPerOp())
        .append(",\"heapPeakAfterGc\":").append(trial.heapPeakAfterGc())
        .append(",\"heapPoolPeak\":").append(trial.heapPoolPeak())
        .append(",\"maxHeap\":").append(trial.maxHeap())
        .append(",\"measuredRows\":").append(trial.measuredRows())
        .append(",\"measuredCpuNanos\":").append(trial.measuredCpuNanos())
        .append(",\"outOfMemory\":").append(trial.outOfMemory())
        .append(",\"error\":").append(trial.error() == null ? "null" : quote(trial.error()))
        .append("}\n");
    try {
      Files.writeString(Path.of(file), json, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
