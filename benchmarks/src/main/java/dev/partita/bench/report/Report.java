package dev.partita.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a run's JMH JSON files and extras into a Markdown report: the targets (met or not), then one table
 * per benchmark with rows/s, Partita's ratio to each peer measured in the same run, output MB/s and bytes,
 * allocation per row and, for the memory cases, peak heap.
 *
 * <p>Usage: {@code Report <results dir> <output.md> [machine.txt] [profile description]}. Every {@code *.json} file
 * of the directory is read as a JMH result array; {@code extras.jsonl} as the benchmarks' own records.
 */
public final class Report {
  /** The name of the extras file in a results directory. */
  public static final String EXTRAS_FILE = "extras.jsonl";

  private final List<Measurement> cases;

  Report(List<Measurement> cases) {
    this.cases = List.copyOf(cases);
  }

  /** Writes the report; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Report <results dir> <output.md> [machine.txt] [profile description]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String machine = args.length > 2 && Files.exists(Path.of(args[2])) ? Files.readString(Path.of(args[2])) : "";
    String profile = args.length > 3 ? args[3] : "";
    Report report = load(dir);
    Files.writeString(Path.of(args[1]), report.markdown(machine, profile), StandardCharsets.UTF_8);
  }

  /** Reads the JMH JSON files and the extras of {@code dir}. */
  static Report load(Path dir) throws IOException {
    Map<String, Map<String, Object>> jmh = new LinkedHashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(Comparator.naturalOrder());
      for (Path f : sorted) {
        String text = Files.readString(f).trim();
        if (text.isEmpty()) {
          continue;
        }
        Object doc = Json.parse(text);
        if (!(doc instanceof List<?> list)) {
          throw new IOException(f + ": not a JMH result array");
        }
        for (Object o : list) {
          Map<String, Object> r = Json.object(o, f.toString());
          jmh.put(key((String) r.get("benchmark"), params(r.get("params"))), r);
        }
      }
    }
    Map<String, Map<String, Object>> extras = new LinkedHashMap<>();
    Path extrasFile = dir.resolve(EXTRAS_FILE);
    if (Files.exists(extrasFile)) {
      for (String line : Files.readAllLines(extrasFile)) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> e = Json.object(Json.parse(line), EXTRAS_FILE);
        String k = key((String) e.get("benchmark"), params(e.get("params")));
        Map<String, Object> before = extras.get(k);
        // A fork that ran out of memory records that first; its later records must not hide it.
        if (before == null || !Boolean.TRUE.equals(before.get("outOfMemory"))) {
          extras.put(k, e);
        }
      }
    }
    List<Measurement> out = new ArrayList<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (String k : jmh.keySet()) {
      seen.put(k, true);
    }
    for (String k : extras.keySet()) {
      seen.putIfAbsent(k, true);
    }
    for (String k : seen.keySet()) {
      out.add(measurement(jmh.get(k), extras.get(k)));
    }
    return new Report(out);
  }

  private static Measurement measurement(Map<String, Object> jmh, Map<String, Object> extra) {
    Map<String, Object> src = jmh != null ? jmh : extra;
    String benchmark = (String) src.get("benchmark");
    String[] parts = benchmark.split("\\.");
    String simple = parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    double rows = Double.NaN;
    double rowsError = Double.NaN;
    double alloc = Double.NaN;
    if (jmh != null) {
      Map<String, Object> secondary = Json.object(jmh.getOrDefault("secondaryMetrics", Map.of()), "secondary");
      Object rowsMetric = secondary.get("rows");
      if (rowsMetric != null) {
        rows = Json.number(Json.object(rowsMetric, "rows").get("score"));
        rowsError = Json.number(Json.object(rowsMetric, "rows").get("scoreError"));
      }
      Object allocMetric = secondary.get("gc.alloc.rate.norm");
      if (allocMetric != null) {
        alloc = Json.number(Json.object(allocMetric, "gc.alloc.rate.norm").get("score"));
      }
    }
    boolean oom = extra != null && Boolean.TRUE.equals(extra.get("outOfMemory"));
    String error = extra == null ? null : (String) extra.get("error");
    if (oom) {
      rows = Double.NaN;
    } else if (jmh == null && error == null) {
      error = "no JMH result (the fork failed; see the run log)";
    }
    Map<String, String> params = params(src.get("params"));
    // Benchmarks that write no table record no extras; their rows per operation is their parameter.
    long rowsPerOp = extra != null ? longOf(extra, "rowsPerOp")
        : params.containsKey("rows") ? Long.parseLong(params.get("rows")) : 0;
    double cpuNanos = extra == null ? 0 : Json.number(extra.get("measuredCpuNanos"));
    double cpuRate = oom || !(cpuNanos > 0) ? Double.NaN : longOf(extra, "measuredRows") / (cpuNanos / 1e9);
    return new Measurement(simple, params, rows, rowsError, cpuRate, alloc, rowsPerOp,
        longOf(extra, "bytesPerOp"), longOf(extra, "filesPerOp"), longOf(extra, "heapPeakAfterGc"),
        longOf(extra, "heapPoolPeak"), longOf(extra, "maxHeap"), oom, error);
  }

  private static long longOf(Map<String, Object> m, String name) {
    if (m == null) {
      return 0;
    }
    double d = Json.number(m.get(name));
    return Double.isNaN(d) ? 0 : (long) d;
  }

  private static Map<String, String> params(Object o) {
    Map<String, String> p = new TreeMap<>();
    if (o != null) {
      Json.object(o, "params").forEach((k, v) -> p.put(k, String.valueOf(v)));
    }
    return p;
  }

  private static String key(String benchmark, Map<String, String> params) {
    return benchmark + params;
  }

  /** The cases of the run. */
  List<Measurement> cases() {
    return cases;
  }

  /** The first case of {@code benchmark} whose parameters include all of {@code match}. */
  Optional<Measurement> find(String benchmark, String... match) {
    return cases.stream().filter(m -> m.benchmark().equals(benchmark) && matches(m, match)).findFirst();
  }

  private static boolean matches(Measurement m, String... match) {
    for (int i = 0; i + 1 < match.length; i += 2) {
      if (!m.param(match[i]).equals(match[i + 1])) {
        return false;
      }
    }
    return true;
  }

  /** The whole report. */
  String markdown(String machine, String profile) {
    StringBuilder md = new StringBuilder("# Partita benchmark results\n\n");
    if (!profile.isBlank()) {
      md.append("Profile: ").append(profile.trim()).append("\n\n");
    }
    if (!machine.isBlank()) {
      md.append("Machine:\n\n```\n").append(machine.trim()).append("\n```\n\n");
    }
    md.append("Ratios compare contenders measured in the same run on the same rows and codec; the machine is"
        + " shared and noisy, so read ratios, not absolute rows/s. `±` is JMH's 99.9% confidence half-width"
        + " (blank with fewer than 3 iterations). Rows/s counts rows written into the table, including"
        + " generating them (see the generator baseline) except for DuckDB, whose rows sit in its table before"
        + " the measured COPY.\n\n");
    targets(md);
    section(md, "Sales to Parquet (random order, fanout)", "SalesParquetBenchmark", List.of("layout", "codec"));
    section(md, "Sales to ORC (random order, fanout)", "SalesOrcBenchmark", List.of("layout", "codec"));
    section(md, "Sales sorted by partition: clustered vs fanout", "SalesClusteredBenchmark",
        List.of("layout", "codec"));
    threads(md);
    duckdb(md);
    memory(md);
    section(md, "flights-3m (real data) partitioned by origin (229 partitions)", "FlightsBenchmark",
        List.of("codec", "flightsRows"));
    section(md, "flights-3m (real data) to one Parquet file, per codec", "FlightsCodecBenchmark",
        List.of("codec", "flightsRows"));
    generator(md);
    failures(md);
    return md.toString();
  }

  private void targets(StringBuilder md) {
    md.append("## Targets\n\nStatus follows the measured (wall-clock) ratio, as the targets are defined; the ratio of rows"
        + " per second of process CPU time is shown beside it because it hardly moves with the machine's other load."
        + "\n\n| target | measured | per CPU-second | needed | status |\n|---|---|---|---|---|\n");
    Optional<Measurement> p24 = find("SalesParquetBenchmark", "impl", "partita", "layout", "year_month",
        "codec", "snappy");
    Optional<Measurement> p1 = find("SalesParquetBenchmark", "impl", "partita", "layout", "single", "codec",
        "snappy");
    Optional<Measurement> pj24 = find("SalesParquetBenchmark", "impl", "parquet-java", "layout", "year_month",
        "codec", "snappy");
    Optional<Measurement> pj1 = find("SalesParquetBenchmark", "impl", "parquet-java", "layout", "single",
        "codec", "snappy");
    target(md, "Parquet, 24 partitions, snappy, 1 thread vs parquet-java partitioned (one writer per partition)",
        p24, pj24, 2.0);
    target(md, "Parquet, 24 partitions, snappy vs parquet-java writing a single file", p24, pj1, 1.0);
    target(md, "Parquet, 24 partitions vs Partita's own single file (snappy)", p24, p1, 0.9);
    Optional<Measurement> m24 = find("SalesManyPartitionsBenchmark", "impl", "partita", "layout", "year_month",
        "threads", "1");
    Optional<Measurement> m1000 = find("SalesManyPartitionsBenchmark", "impl", "partita", "layout", "product",
        "threads", "1");
    String oom1000 = m1000.map(m -> m.outOfMemory() ? "OutOfMemoryError" : m.measured() ? "no OOM" : "failed")
        .orElse("not run");
    md.append("| 1,000 partitions at -Xmx512m: no OutOfMemoryError | ").append(oom1000)
        .append(" | | no OOM | ").append(oom1000.equals("no OOM") ? "met" : oom1000.equals("not run") ? "not run"
            : "**missed**").append(" |\n");
    target(md, "1,000 partitions vs 24 partitions, both at -Xmx512m (Parquet, snappy)", m1000, m24, 0.7);
    target(md, "1,000 partitions vs 24 partitions, both on the default heap (Parquet, snappy)",
        find("SalesParquetBenchmark", "impl", "partita", "layout", "product", "codec", "snappy"), p24, 0.7);
    for (String layout : List.of("single", "year_month")) {
      for (String codec : List.of("none", "snappy", "zstd")) {
        target(md, "ORC " + layout + " " + codec + " vs orc-core",
            find("SalesOrcBenchmark", "impl", "partita-orc", "layout", layout, "codec", codec),
            find("SalesOrcBenchmark", "impl", "orc-core", "layout", layout, "codec", codec), 1.0);
      }
    }
    for (String layout : List.of("single", "year_month", "product")) {
      Optional<Measurement> partita = find("SalesParquetBenchmark", "impl", "partita", "layout", layout, "codec",
          "snappy");
      target(md, "Parquet " + layout + " snappy vs DuckDB COPY threads=1",
          partita, find("SalesDuckDbBenchmark", "threads", "1", "layout", layout, "codec", "snappy"), 1.0);
    }
    for (String layout : List.of("year_month", "product")) {
      Optional<Measurement> one = cases.stream().filter(m -> m.param("threads").equals("1")
          && m.param("impl").equals("partita") && m.param("layout").equals(layout)
          && m.param("codec").equals("snappy") && m.benchmark().startsWith("SalesThreads")).findFirst();
      Optional<Measurement> two = cases.stream().filter(m -> m.param("threads").equals("2")
          && m.param("impl").equals("partita") && m.param("layout").equals(layout)
          && m.param("codec").equals("snappy") && m.benchmark().startsWith("SalesThreads")).findFirst();
      target(md, "Parquet " + layout + " snappy, 2 writer threads vs 1 (issue 7)", two, one, 1.7);
    }
    Optional<Measurement> m10k = cases.stream().filter(m -> m.benchmark().equals("SalesManyPartitionsBenchmark")
        && m.param("impl").equals("partita") && m.param("layout").equals("customer_bucket"))
        .max(java.util.Comparator.comparing(m -> m.param("threads")));
    String heap10k = m10k.map(m -> m.outOfMemory() ? "OutOfMemoryError" : m.heapPeakAfterGc() == 0 ? "n/a"
        : mb(m.heapPeakAfterGc()) + " MB peak after GC").orElse("not run");
    md.append("| 10,000 partitions at -Xmx512m within the 256 MB budget (issue 7, ")
        .append(m10k.map(m -> m.param("threads")).orElse("?")).append(" threads) | ").append(heap10k)
        .append(" | | no OOM, heap <= 256 MB + overhead | ")
        .append(m10k.map(m -> m.outOfMemory() ? "**missed**" : !m.measured() ? "failed"
            : m.heapPeakAfterGc() <= 256L << 20 ? "met" : "see heap").orElse("not run")).append(" |\n\n");
  }

  private static void target(StringBuilder md, String what, Optional<Measurement> a, Optional<Measurement> b,
      double needed) {
    double ratio = ratio(a, b);
    md.append("| ").append(what).append(" | ").append(Double.isNaN(ratio) ? "n/a" : fmtRatio(ratio))
        .append(" | ").append(fmtRatio(cpuRatio(a, b))).append(" | >= ").append(fmtRatio(needed)).append(" | ")
        .append(Double.isNaN(ratio) ? "not measured" : ratio >= needed ? "met" : "**missed**").append(" |\n");
  }

  private static double ratio(Optional<Measurement> a, Optional<Measurement> b) {
    if (a.isEmpty() || b.isEmpty() || !a.get().measured() || !b.get().measured()) {
      return Double.NaN;
    }
    return a.get().rowsPerSecond() / b.get().rowsPerSecond();
  }

  private static double cpuRatio(Optional<Measurement> a, Optional<Measurement> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return Double.NaN;
    }
    return a.get().rowsPerCpuSecond() / b.get().rowsPerCpuSecond();
  }

  /** The Partita contender a peer is compared with in the same benchmark. */
  static String partitaFor(String impl) {
    String suffix = impl.endsWith("-clustered") ? "-clustered" : "";
    if (impl.startsWith("orc-core")) {
      return "partita-orc" + suffix;
    }
    if (impl.startsWith("partita")) {
      return null;
    }
    return "partita" + suffix;
  }

  private void section(StringBuilder md, String title, String benchmark, List<String> groupBy) {
    List<Measurement> rows = cases.stream().filter(m -> m.benchmark().equals(benchmark)).toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("## ").append(title).append("\n\n");
    md.append("| ").append(String.join(" | ", groupBy)).append(" | contender | rows/s | ± | Partita ÷ it |"
        + " rows/CPU-s | Partita ÷ it (CPU) | MB/s | bytes | files | alloc B/row |\n|");
    md.append("---|".repeat(groupBy.size() + 10)).append('\n');
    for (Measurement m : rows) {
      Optional<Measurement> partita = Optional.ofNullable(partitaFor(m.param("impl")))
          .flatMap(p -> rows.stream().filter(o -> o.param("impl").equals(p) && sameExcept(o, m, "impl"))
              .findFirst());
      md.append("| ");
      for (String g : groupBy) {
        md.append(m.param(g)).append(" | ");
      }
      md.append(m.param("impl")).append(" | ").append(rate(m)).append(" | ").append(fmtCount(m.rowsError()))
          .append(" | ").append(partita.isEmpty() ? "" : fmtRatio(ratio(partita, Optional.of(m))))
          .append(" | ").append(fmtCount(m.rowsPerCpuSecond())).append(" | ")
          .append(partita.isEmpty() ? "" : fmtRatio(cpuRatio(partita, Optional.of(m))))
          .append(" | ").append(fmt1(m.megabytesPerSecond())).append(" | ").append(fmtCount(m.bytesPerOp()))
          .append(" | ").append(m.filesPerOp()).append(" | ").append(fmt1(m.allocPerRow())).append(" |\n");
    }
    md.append('\n');
  }

  private static boolean sameExcept(Measurement a, Measurement b, String except) {
    Map<String, String> pa = new TreeMap<>(a.params());
    Map<String, String> pb = new TreeMap<>(b.params());
    pa.remove(except);
    pb.remove(except);
    return pa.equals(pb);
  }

  private void threads(StringBuilder md) {
    List<Measurement> rows = cases.stream().filter(m -> m.benchmark().equals("SalesThreadsBenchmark")).toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("## Partita writer threads (one producer, `parallelism` writers)\n\n"
        + "| layout | codec | contender | threads | rows/s | ± | ÷ 1 thread | rows/CPU-s | MB/s | bytes | files |"
        + " alloc B/row |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Measurement m : rows) {
      Optional<Measurement> one = rows.stream().filter(o -> o.param("threads").equals("1")
          && sameExcept(o, m, "threads")).findFirst();
      md.append("| ").append(m.param("layout")).append(" | ").append(m.param("codec")).append(" | ")
          .append(m.param("impl")).append(" | ").append(m.param("threads")).append(" | ").append(rate(m))
          .append(" | ").append(fmtCount(m.rowsError())).append(" | ")
          .append(fmtRatio(ratio(Optional.of(m), one))).append(" | ").append(fmtCount(m.rowsPerCpuSecond()))
          .append(" | ").append(fmt1(m.megabytesPerSecond())).append(" | ").append(fmtCount(m.bytesPerOp()))
          .append(" | ").append(m.filesPerOp()).append(" | ").append(fmt1(m.allocPerRow())).append(" |\n");
    }
    md.append('\n');
  }

  private void duckdb(StringBuilder md) {
    List<Measurement> rows = cases.stream().filter(m -> m.benchmark().equals("SalesDuckDbBenchmark")).toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("## DuckDB `COPY ... TO ... (FORMAT parquet, PARTITION_BY ...)` from an in-memory table\n\n"
        + "Partita's figure is its fanout Parquet writer on the same rows and codec in this run.\n\n"
        + "| layout | codec | threads | DuckDB rows/s | ± | Partita rows/s | Partita ÷ DuckDB |"
        + " Partita ÷ DuckDB (CPU) | MB/s | bytes | files |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Measurement m : rows) {
      Optional<Measurement> partita = find("SalesParquetBenchmark", "impl", "partita", "layout", m.param("layout"),
          "codec", m.param("codec"), "rows", m.param("rows"));
      md.append("| ").append(m.param("layout")).append(" | ").append(m.param("codec")).append(" | ")
          .append(m.param("threads")).append(" | ").append(rate(m)).append(" | ").append(fmtCount(m.rowsError()))
          .append(" | ").append(partita.map(Report::rate).orElse("not run")).append(" | ")
          .append(fmtRatio(ratio(partita, Optional.of(m)))).append(" | ")
          .append(fmtRatio(cpuRatio(partita, Optional.of(m)))).append(" | ").append(fmt1(m.megabytesPerSecond()))
          .append(" | ").append(fmtCount(m.bytesPerOp())).append(" | ").append(m.filesPerOp()).append(" |\n");
    }
    md.append('\n');
  }

  private void memory(StringBuilder md) {
    List<Measurement> rows = cases.stream().filter(m -> m.benchmark().equals("SalesManyPartitionsBenchmark"))
        .toList();
    if (rows.isEmpty()) {
      return;
    }
    md.append("## Memory: many partitions, all open, at -Xmx512m\n\n"
        + "Each case ran in its own JMH invocation and fork. *Heap after GC* is the largest heap in use right after"
        + " a collection (live data plus garbage not yet collected); *pool peak* sums the heap pools' peaks (counts"
        + " garbage, so it approaches -Xmx under pressure). Partita keeps up to one file open per partition within"
        + " its default 256 MB memory budget.\n\n"
        + "| layout | codec | contender | threads | rows/s | ± | Partita ÷ it | heap after GC MB | pool peak MB |"
        + " max heap MB | bytes | files | alloc B/row | result |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Measurement m : rows) {
      Optional<Measurement> partita = Optional.ofNullable(partitaFor(m.param("impl")))
          .flatMap(p -> rows.stream().filter(o -> o.param("impl").equals(p) && o.param("threads").equals("1")
              && o.param("layout").equals(m.param("layout")) && o.param("codec").equals(m.param("codec"))
              && o.param("rows").equals(m.param("rows"))).findFirst());
      md.append("| ").append(m.param("layout")).append(" | ").append(m.param("codec")).append(" | ")
          .append(m.param("impl")).append(" | ").append(m.param("threads")).append(" | ").append(rate(m)).append(" | ").append(fmtCount(m.rowsError()))
          .append(" | ").append(partita.isEmpty() ? "" : m.outOfMemory() ? "peer OOM" : fmtRatio(ratio(partita,
              Optional.of(m)))).append(" | ").append(mb(m.heapPeakAfterGc())).append(" | ")
          .append(mb(m.heapPoolPeak())).append(" | ").append(mb(m.maxHeap())).append(" | ")
          .append(fmtCount(m.bytesPerOp())).append(" | ").append(m.filesPerOp()).append(" | ")
          .append(fmt1(m.allocPerRow())).append(" | ")
          .append(m.outOfMemory() ? "**OutOfMemoryError**" : m.measured() ? "ok" : "failed: " + m.error())
          .append(" |\n");
    }
    md.append('\n');
  }

  private void generator(StringBuilder md) {
    cases.stream().filter(m -> m.benchmark().equals("GeneratorBenchmark")).findFirst().ifPresent(m -> md.append(
        "## Input baseline\n\nGenerating the sales rows alone (no writing): ").append(rate(m))
        .append(" rows/s, ").append(fmt1(m.allocPerRow())).append(" B/row allocated.\n\n"));
  }

  private void failures(StringBuilder md) {
    List<Measurement> failed = cases.stream().filter(m -> !m.measured()).toList();
    if (failed.isEmpty()) {
      return;
    }
    md.append("## Cases without a score\n\n");
    for (Measurement m : failed) {
      md.append("- ").append(m.benchmark()).append(' ').append(m.params()).append(": ")
          .append(m.outOfMemory() ? "OutOfMemoryError at -Xmx" + mb(m.maxHeap()) + "m" : Objects.toString(
              m.error(), "failed")).append('\n');
    }
    md.append('\n');
  }

  private static String rate(Measurement m) {
    return m.outOfMemory() ? "OOM" : m.measured() ? fmtCount(m.rowsPerSecond()) : "failed";
  }

  private static String fmtCount(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String fmt1(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmtRatio(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2fx", v);
  }

  private static String mb(long bytes) {
    return bytes == 0 ? "" : String.valueOf(bytes >> 20);
  }
}
