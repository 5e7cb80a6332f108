package dev.partita.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.bench.report.ReportAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark with every parameter combination once, in this JVM, on a tiny table (no timing is checked):
 * setup, one write, teardown. Then checks what each trial recorded: every case wrote its rows into as many files
 * as the rows have partitions, and the report reads the JMH results back.
 */
class BenchmarkSmokeTest {
  private static final int ROWS = 200;

  @Test
  void everyBenchmarkRunsOnceOnATinyTable(@TempDir Path tmp) throws Exception {
    Path extras = tmp.resolve("extras.jsonl");
    System.setProperty("partita.bench.dir", tmp.resolve("tables").toString());
    System.setProperty(Extras.PROPERTY, extras.toString());
    Options options = new OptionsBuilder()
        .include("dev\\.partita\\.bench\\..*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(1))
        .mode(Mode.Throughput)
        .param("rows", String.valueOf(ROWS))
        .param("flightsRows", String.valueOf(ROWS))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results;
    try {
      results = new Runner(options).run();
    } finally {
      System.clearProperty(Extras.PROPERTY);
      System.clearProperty("partita.bench.dir");
    }

    assertThat(results).hasSize(expectedCases());
    assertThat(Files.list(tmp.resolve("tables"))).as("scratch tables are deleted").isEmpty();

    List<Map<String, Object>> trials = new ArrayList<>();
    for (String line : Files.readAllLines(extras)) {
      trials.add(dev.partita.bench.report.ReportAccess.parseObject(line));
    }
    // GeneratorBenchmark writes no table and records nothing.
    assertThat(trials).hasSize(expectedCases() - 1);
    Map<String, Long> partitionsOf = new HashMap<>();
    for (Map<String, Object> t : trials) {
      String what = t.get("benchmark") + " " + t.get("params");
      assertThat(t.get("outOfMemory")).as(what).isEqualTo(false);
      assertThat(((Number) t.get("rowsPerOp")).longValue()).as(what).isEqualTo(ROWS);
      assertThat(((Number) t.get("bytesPerOp")).longValue()).as(what).isGreaterThan(0);
      assertThat(((Number) t.get("measuredRows")).longValue()).as(what).isGreaterThanOrEqualTo(ROWS);
      // measuredCpuNanos may be 0 here: a 200-row write can finish within one tick of the process CPU clock.
      long files = ((Number) t.get("filesPerOp")).longValue();
      @SuppressWarnings("unchecked")
      Map<String, Object> params = (Map<String, Object>) t.get("params");
      String layout = (String) params.getOrDefault("layout", "origin");
      boolean sorted = String.valueOf(t.get("benchmark")).contains("SalesClusteredBenchmark");
      long partitions = partitionsOf.computeIfAbsent(layout + "/" + sorted,
          k -> Layouts.partitionsIn(layout, sorted));
      if (String.valueOf(params.get("impl")).startsWith("partita")) {
        // At least one file per partition; Partita may close files early under its memory budget.
        assertThat(files).as(what).isBetween(partitions, (long) ROWS);
      } else {
        // One writer per partition, closed once.
        assertThat(files).as(what).isEqualTo(partitions);
      }
    }

    Path jmhJson = tmp.resolve("results").resolve("jmh.json");
    Files.createDirectories(jmhJson.getParent());
    ResultFormatFactory.getInstance(ResultFormatType.JSON, jmhJson.toString()).writeOut(results);
    Files.copy(extras, jmhJson.resolveSibling("extras.jsonl"));
    String markdown = ReportAccess.markdown(jmhJson.getParent());
    assertThat(markdown).contains("## Targets", "## Sales to Parquet", "## Sales to ORC",
        "## DuckDB", "## Memory", "flights-3m", "## Input baseline");
    assertThat(ReportAccess.measuredCases(jmhJson.getParent())).isEqualTo(results.size());
  }

  private static int expectedCases() {
    int total = 0;
    for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
      if (!e.getUserClassQName().startsWith("dev.partita.bench.")) {
        continue;
      }
      int combos = 1;
      Optional<Map<String, String[]>> params = Optional.ofNullable(e.getParams().orElse(null));
      if (params.isPresent()) {
        for (Map.Entry<String, String[]> p : params.get().entrySet()) {
          boolean overridden = p.getKey().equals("rows") || p.getKey().equals("flightsRows");
          combos *= overridden ? 1 : p.getValue().length;
        }
      }
      total += combos;
    }
    return total;
  }

  /** Distinct partitions of the smoke test's rows, computed with Partita's own partition keys. */
  static final class Layouts {
    private Layouts() {}

    static long partitionsIn(String layout, boolean sorted) {
      if (layout.equals("origin")) {
        var flights = dev.partita.bench.flights.Flights.load(BenchDatasets.file(
            dev.partita.bench.flights.Flights.FILE), ROWS);
        var cursor = flights.cursor();
        java.util.Set<String> origins = new java.util.HashSet<>();
        while (cursor.next()) {
          origins.add(cursor.row().getString(3));
        }
        return origins.size();
      }
      var l = dev.partita.bench.sales.SalesLayout.parse(layout);
      var key = l.spec().newKey();
      var order = sorted ? l.sortedOrder() : dev.partita.bench.sales.SalesOrder.RANDOM;
      java.util.Set<Object> keys = new java.util.HashSet<>();
      var g = new dev.partita.bench.sales.SalesGenerator(dev.partita.bench.sales.SalesGenerator.DEFAULT_SEED, ROWS,
          order);
      while (g.next()) {
        key.set(g.row());
        keys.add(key.copy());
      }
      return keys.size();
    }
  }
}
