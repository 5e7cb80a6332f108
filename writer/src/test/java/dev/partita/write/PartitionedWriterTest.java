package dev.partita.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.PartitaException;
import dev.partita.commit.CommitResult;
import dev.partita.commit.DataFile;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.InvalidRowException;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.testing.Datasets;
import dev.partita.testing.LinesFormat;
import dev.partita.testing.LinesTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedWriterTest {
  private static final Schema AIRPORTS = Schema.builder()
      .required("iata", DataType.string())
      .optional("name", DataType.string())
      .optional("city", DataType.string())
      .optional("state", DataType.string())
      .optional("country", DataType.string())
      .optional("latitude", DataType.float64())
      .optional("longitude", DataType.float64())
      .build();

  @TempDir Path tmp;

  private static List<Object[]> airports() throws IOException {
    List<String[]> csv = Datasets.readCsv(Datasets.file("airports.csv"));
    assertThat(csv.get(0)).containsExactly("iata", "name", "city", "state", "country", "latitude", "longitude");
    List<Object[]> rows = new ArrayList<>();
    for (String[] r : csv.subList(1, csv.size())) {
      rows.add(new Object[] {r[0], empty(r[1]), empty(r[2]), empty(r[3]), empty(r[4]),
          Double.valueOf(r[5]), Double.valueOf(r[6])});
    }
    return rows;
  }

  private static String empty(String s) {
    return s.isEmpty() ? null : s;
  }

  /** The rows as the table must hold them: text values as LinesFormat writes them, nulls as \N. */
  private static List<Map<String, String>> expected(Schema schema, List<Object[]> rows) {
    ObjectArrayRow row = new ObjectArrayRow(schema);
    List<Map<String, String>> out = new ArrayList<>();
    for (Object[] r : rows) {
      row.wrap(r);
      Map<String, String> m = new TreeMap<>();
      for (int i = 0; i < schema.size(); i++) {
        m.put(schema.column(i).name(), LinesFormat.text(row, i, schema.column(i)));
      }
      out.add(m);
    }
    return out;
  }

  /** Table rows with the partition column's directory text mapped back to the value text. */
  private static List<Map<String, String>> actual(Path root) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      Map<String, String> m = new TreeMap<>();
      r.forEach((k, v) -> m.put(k, v.equals("__HIVE_DEFAULT_PARTITION__") ? "\\N" : v));
      out.add(m);
    }
    return out;
  }

  private WriteOptions.Builder options(Schema schema, PartitionSpec spec) {
    return WriteOptions.builder(schema, new LinesFormat()).partitionBy(spec).mode(WriteMode.APPEND);
  }

  private static CommitResult writeAll(Table table, WriteOptions options, List<Object[]> rows) {
    ObjectArrayRow row = new ObjectArrayRow(options.schema());
    try (PartitionedWriter w = table.newWriter(options)) {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
      }
      return w.commit();
    }
  }

  @Test
  void airportsByStateRoundTripEveryRow() throws IOException {
    Path root = tmp.resolve("airports");
    List<Object[]> rows = airports();
    PartitionSpec spec = PartitionSpec.builder(AIRPORTS).identity("state").build();
    CommitResult result = writeAll(Table.open(root), options(AIRPORTS, spec).build(), rows);

    assertThat(actual(root)).containsExactlyInAnyOrderElementsOf(expected(AIRPORTS, rows));
    Set<String> states = new HashSet<>();
    rows.forEach(r -> states.add(r[3] == null ? "__HIVE_DEFAULT_PARTITION__" : (String) r[3]));
    assertThat(result.files()).hasSize(states.size());
    assertThat(result.totalRows()).isEqualTo(rows.size());
    for (DataFile f : result.files()) {
      assertThat(Files.size(root.resolve(f.path()))).isEqualTo(f.bytes());
      assertThat(f.path()).matches("state=[^/]+/part-[0-9T]+-[0-9a-f]+-\\d{5}\\.lines");
    }
    // Identity partition columns are not repeated inside the files.
    assertThat(LinesFormat.read(LinesTables.visibleFiles(root).get(0)).get(0)).doesNotContain("state");
    assertThat(Files.exists(root.resolve("_SUCCESS"))).isTrue();
    assertThat(LinesTables.allFiles(root.resolve("_partita")))
        .allMatch(p -> p.toString().contains("/_partita/commits/"));
  }

  @Test
  void seattleWeatherByMonthOfDate() throws IOException {
    List<String[]> csv = Datasets.readCsv(Datasets.file("seattle-weather.csv"));
    assertThat(csv.get(0)).containsExactly("date", "precipitation", "temp_max", "temp_min", "wind", "weather");
    Schema schema = Schema.builder().required("date", DataType.date()).optional("precipitation", DataType.float64())
        .optional("temp_max", DataType.float64()).optional("temp_min", DataType.float64())
        .optional("wind", DataType.float64()).optional("weather", DataType.string()).build();
    List<Object[]> rows = new ArrayList<>();
    for (String[] r : csv.subList(1, csv.size())) {
      rows.add(new Object[] {LocalDate.parse(r[0]), Double.valueOf(r[1]), Double.valueOf(r[2]),
          Double.valueOf(r[3]), Double.valueOf(r[4]), r[5]});
    }
    Path root = tmp.resolve("weather");
    PartitionSpec spec = PartitionSpec.builder(schema).year("date").month("date").build();
    writeAll(Table.open(root), options(schema, spec).build(), rows);

    List<Map<String, String>> back = LinesTables.read(root);
    assertThat(back).hasSize(rows.size());
    Set<String> yearMonths = new HashSet<>();
    for (Map<String, String> r : back) {
      LocalDate d = LocalDate.ofEpochDay(Long.parseLong(r.get("date")));
      assertThat(r.get("date_year")).isEqualTo(Integer.toString(d.getYear()));
      assertThat(r.get("date_month")).isEqualTo(Integer.toString(d.getMonthValue()));
      yearMonths.add(r.get("date_year") + "-" + r.get("date_month"));
    }
    assertThat(yearMonths).hasSize(48);
    List<Map<String, String>> exp = expected(schema, rows);
    List<Map<String, String>> act = new ArrayList<>();
    for (Map<String, String> r : back) {
      Map<String, String> m = new TreeMap<>(r);
      m.remove("date_year");
      m.remove("date_month");
      act.add(m);
    }
    assertThat(act).containsExactlyInAnyOrderElementsOf(exp);
  }

  @Test
  void manyPartitionsWithFewOpenFilesAndShuffledInput() throws IOException {
    List<Object[]> rows = airports();
    Collections.shuffle(rows, new Random(42));
    Path root = tmp.resolve("lru");
    PartitionSpec spec = PartitionSpec.builder(AIRPORTS).identity("state").build();
    ObjectArrayRow row = new ObjectArrayRow(AIRPORTS);
    // Thousands of small files: skip fsync, which the routing under test does not depend on.
    Table table = Table.open(LocalStorage.withoutSync(), root.toString());
    try (PartitionedWriter w = table.newWriter(options(AIRPORTS, spec).maxOpenFiles(3).build())) {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
        assertThat(w.metrics().openFiles()).isLessThanOrEqualTo(3);
      }
      WriterMetrics m = w.metrics();
      assertThat(m.evictions()).isGreaterThan(100);
      assertThat(m.partitions()).isEqualTo(57);
      CommitResult result = w.commit();
      assertThat(result.files().size()).isGreaterThan(57);
    }
    assertThat(actual(root)).containsExactlyInAnyOrderElementsOf(expected(AIRPORTS, rows));
  }

  @Test
  void rollsByRowCountAndBySize() throws IOException {
    List<Object[]> rows = airports();
    PartitionSpec none = PartitionSpec.unpartitioned(AIRPORTS);
    CommitResult byRows = writeAll(Table.open(tmp.resolve("rows")),
        options(AIRPORTS, none).maxRowsPerFile(250).build(), rows);
    assertThat(byRows.files()).hasSize((rows.size() + 249) / 250);
    assertThat(byRows.files()).allMatch(f -> f.rows() <= 250);
    assertThat(actual(tmp.resolve("rows"))).containsExactlyInAnyOrderElementsOf(expected(AIRPORTS, rows));

    // 4KB buffers flushed straight to the stream, 16KB target: files close near the target.
    WriteOptions bySize = WriteOptions.builder(AIRPORTS, new LinesFormat(4096, 0)).mode(WriteMode.APPEND)
        .targetFileSize(DataSize.ofKilobytes(16)).build();
    CommitResult sized = writeAll(Table.open(tmp.resolve("size")), bySize, rows);
    assertThat(sized.files().size()).isGreaterThan(5);
    // A file is checked every CHECK_INTERVAL rows: it may pass the target by at most that many rows (+ buffer).
    assertThat(sized.files()).allMatch(f -> f.bytes() < 16 * 1024 + 4096 + RollingFileWriter.CHECK_INTERVAL * 200);
    assertThat(sized.files().subList(0, sized.files().size() - 1)).allMatch(f -> f.bytes() >= 16 * 1024);
    assertThat(actual(tmp.resolve("size"))).containsExactlyInAnyOrderElementsOf(expected(AIRPORTS, rows));
  }

  @Test
  void noRowsLeavesNoFileAndOneRowOneFile() throws IOException {
    Path root = tmp.resolve("empty");
    PartitionSpec spec = PartitionSpec.builder(AIRPORTS).identity("state").build();
    CommitResult none = writeAll(Table.open(root), options(AIRPORTS, spec).build(), List.of());
    assertThat(none.files()).isEmpty();
    assertThat(LinesTables.visibleFiles(root)).isEmpty();
    assertThat(LinesTables.allFiles(root.resolve("_partita/staging"))).isEmpty();

    List<Object[]> one = List.<Object[]>of(new Object[] {"XYZ", "Name", "City", "CA", "USA", 1.5, -2.5});
    CommitResult r = writeAll(Table.open(root), options(AIRPORTS, spec).build(), one);
    assertThat(r.files()).singleElement().satisfies(f -> {
      assertThat(f.rows()).isEqualTo(1);
      assertThat(f.partition()).containsExactly(Map.entry("state", "CA"));
    });
    assertThat(actual(root)).containsExactlyElementsOf(expected(AIRPORTS, one));
  }

  @Test
  void clusteredAcceptsGroupedInputAndRejectsReturns() throws IOException {
    List<Object[]> rows = airports();
    rows.sort((a, b) -> String.valueOf(a[3]).compareTo(String.valueOf(b[3])));
    PartitionSpec spec = PartitionSpec.builder(AIRPORTS).identity("state").build();
    Path root = tmp.resolve("clustered");
    ObjectArrayRow row = new ObjectArrayRow(AIRPORTS);
    try (PartitionedWriter w = Table.open(root).newWriter(options(AIRPORTS, spec).routing(Routing.CLUSTERED).build())) {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
        assertThat(w.metrics().openFiles()).isLessThanOrEqualTo(1);
      }
      assertThat(w.commit().files()).hasSize(57);
    }
    assertThat(actual(root)).containsExactlyInAnyOrderElementsOf(expected(AIRPORTS, rows));

    Path bad = tmp.resolve("unclustered");
    Collections.shuffle(rows, new Random(1));
    PartitionedWriter w = Table.open(bad).newWriter(options(AIRPORTS, spec).routing(Routing.CLUSTERED).build());
    assertThatThrownBy(() -> {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
      }
    }).isInstanceOf(ClusteringException.class).hasMessageContaining("switch to fanout");
    assertThatThrownBy(() -> w.write(row.wrap(rows.get(0)))).isInstanceOf(IllegalStateException.class);
    w.close();
    assertThat(LinesTables.allFiles(bad)).isEmpty();
  }

  @Test
  void writeModes() throws IOException {
    Schema schema = Schema.builder().required("k", DataType.string()).required("v", DataType.int64()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("k").build();
    Path root = tmp.resolve("modes");
    WriteOptions.Builder base = WriteOptions.builder(schema, new LinesFormat()).partitionBy(spec);
    writeAll(Table.open(root), base.mode(WriteMode.ERROR_IF_EXISTS).build(),
        List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L}));
    assertThatThrownBy(() -> Table.open(root).newWriter(base.mode(WriteMode.ERROR_IF_EXISTS).build()))
        .isInstanceOf(PartitaException.class).hasMessageContaining("ERROR_IF_EXISTS");

    writeAll(Table.open(root), base.mode(WriteMode.APPEND).build(), List.<Object[]>of(new Object[] {"a", 3L}));
    assertThat(values(root)).containsExactlyInAnyOrder("a:1", "b:2", "a:3");

    CommitResult over = writeAll(Table.open(root), base.mode(WriteMode.OVERWRITE_PARTITIONS).build(),
        List.<Object[]>of(new Object[] {"a", 4L}, new Object[] {"c", 5L}));
    assertThat(over.deletedFiles()).hasSize(2).allMatch(p -> p.startsWith("k=a/"));
    assertThat(values(root)).containsExactlyInAnyOrder("a:4", "b:2", "c:5");

    CommitResult all = writeAll(Table.open(root), base.mode(WriteMode.OVERWRITE).build(),
        List.<Object[]>of(new Object[] {"d", 6L}));
    assertThat(all.deletedFiles()).hasSize(3);
    assertThat(values(root)).containsExactly("d:6");
    assertThat(Files.exists(root.resolve("k=a"))).isFalse();
    assertThat(LinesTables.allFiles(root.resolve("_partita/commits"))).hasSize(4);
  }

  private static List<String> values(Path root) throws IOException {
    return LinesTables.read(root).stream().map(r -> r.get("k") + ":" + r.get("v")).toList();
  }

  @Test
  void abortAndCloseLeaveNothingAndLifecycleIsStrict() throws IOException {
    Path root = tmp.resolve("abort");
    PartitionSpec spec = PartitionSpec.builder(AIRPORTS).identity("state").build();
    ObjectArrayRow row = new ObjectArrayRow(AIRPORTS);
    PartitionedWriter w = Table.open(root).newWriter(options(AIRPORTS, spec).build());
    for (Object[] r : airports().subList(0, 500)) {
      w.write(row.wrap(r));
    }
    assertThat(LinesTables.allFiles(root)).isNotEmpty();
    w.abort();
    w.abort();
    w.close();
    assertThat(LinesTables.allFiles(root)).isEmpty();
    assertThatThrownBy(() -> w.write(row.wrap(airports().get(0)))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);

    PartitionedWriter c = Table.open(root).newWriter(options(AIRPORTS, spec).build());
    c.write(row.wrap(airports().get(0)));
    c.commit();
    c.close();
    c.close();
    assertThat(LinesTables.visibleFiles(root)).hasSize(1);
    assertThatThrownBy(c::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void invalidRowsAreRejectedAndTheWriteGoesOn() throws IOException {
    Path root = tmp.resolve("invalid");
    Schema schema = Schema.builder().required("id", DataType.int64()).optional("s", DataType.string()).build();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    try (PartitionedWriter w = Table.open(root).newWriter(
        WriteOptions.builder(schema, new LinesFormat()).mode(WriteMode.APPEND).build())) {
      w.write(row.wrap(new Object[] {1L, "a"}));
      assertThatThrownBy(() -> row.wrap(new Object[] {"two", "b"}))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("row 2").hasMessageContaining("'id'").hasMessageContaining("java.lang.String");
      // A Row implementation handing a null for a required column is rejected by the writer itself.
      dev.partita.row.Row nullId = new NullRow();
      assertThatThrownBy(() -> w.write(nullId)).isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("row 2").hasMessageContaining("'id'").hasMessageContaining("required");
      w.write(row.wrap(new Object[] {3L, null}));
      assertThat(w.metrics().rejectedRows()).isEqualTo(1);
      assertThat(w.commit().totalRows()).isEqualTo(2);
    }
    assertThat(LinesTables.read(root)).extracting(r -> r.get("id")).containsExactlyInAnyOrder("1", "3");
  }

  @Test
  void aRowTheFormatRejectsLeavesNoEmptyFile() throws IOException {
    Schema schema = Schema.builder().required("k", DataType.string()).required("v", DataType.int64()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("k").build();
    // A format that refuses negative values before writing anything of the row.
    LinesFormat lines = new LinesFormat();
    dev.partita.format.FileFormat picky = new dev.partita.format.FileFormat() {
      @Override public String name() { return "picky"; }
      @Override public String fileSuffix() { return ".lines"; }
      @Override public dev.partita.format.FormatWriter open(Schema s, dev.partita.storage.PositionOutputStream out)
          throws IOException {
        dev.partita.format.FormatWriter inner = lines.open(s, out);
        return new dev.partita.format.FormatWriter() {
          @Override public void write(dev.partita.row.Row row) throws IOException {
            if (row.getLong(0) < 0) {
              throw new InvalidRowException("v", 0, "negative");
            }
            inner.write(row);
          }
          @Override public dev.partita.format.FormatProgress progress() { return inner.progress(); }
          @Override public void flush() throws IOException { inner.flush(); }
          @Override public dev.partita.format.FileMetrics finish() throws IOException { return inner.finish(); }
          @Override public void abort() { inner.abort(); }
        };
      }
    };
    Path root = tmp.resolve("picky");
    ObjectArrayRow row = new ObjectArrayRow(schema);
    try (PartitionedWriter w = Table.open(root).newWriter(
        WriteOptions.builder(schema, picky).partitionBy(spec).mode(WriteMode.APPEND).build())) {
      w.write(row.wrap(new Object[] {"a", 1L}));
      assertThatThrownBy(() -> w.write(row.wrap(new Object[] {"b", -1L}))).isInstanceOf(InvalidRowException.class);
      w.write(row.wrap(new Object[] {"a", 2L}));
      assertThat(w.metrics().rejectedRows()).isEqualTo(1);
      assertThat(w.commit().files()).singleElement().satisfies(f -> assertThat(f.path()).startsWith("k=a/"));
    }
    assertThat(LinesTables.allFiles(root)).noneMatch(p -> p.toString().contains("k=b"));
    assertThat(values(root)).containsExactlyInAnyOrder("a:1", "a:2");
  }

  /** A hand-written row whose every value is null. */
  private static final class NullRow implements dev.partita.row.Row {
    @Override public boolean isNull(int i) { return true; }
    @Override public boolean getBoolean(int i) { throw new AssertionError(); }
    @Override public int getInt(int i) { throw new AssertionError(); }
    @Override public long getLong(int i) { throw new AssertionError(); }
    @Override public float getFloat(int i) { throw new AssertionError(); }
    @Override public double getDouble(int i) { throw new AssertionError(); }
    @Override public java.math.BigDecimal getDecimal(int i) { throw new AssertionError(); }
    @Override public String getString(int i) { throw new AssertionError(); }
    @Override public byte[] getBinary(int i) { throw new AssertionError(); }
  }

  @Test
  void memoryBudgetHoldsWithTenThousandPartitions() throws IOException {
    Schema schema = Schema.builder().required("bucket", DataType.int32()).required("payload", DataType.string())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("bucket").build();
    // Each open file reports 200 bytes of overhead plus its buffer; 10,000 open files would need ~2MB+.
    WriteOptions opts = WriteOptions.builder(schema, new LinesFormat(1 << 20, 200)).partitionBy(spec)
        .mode(WriteMode.APPEND).maxOpenFiles(20_000).memoryBudget(DataSize.ofMegabytes(1)).build();
    ObjectArrayRow row = new ObjectArrayRow(schema);
    Random rnd = new Random(7);
    Map<Integer, Integer> counts = new HashMap<>();
    long maxBuffered = 0;
    try (PartitionedWriter w = Table.open(LocalStorage.withoutSync(), tmp.resolve("budget").toString())
        .newWriter(opts)) {
      for (int i = 0; i < 30_000; i++) {
        int b = rnd.nextInt(10_000);
        counts.merge(b, 1, Integer::sum);
        w.write(row.wrap(new Object[] {b, "payload-" + i + "-".repeat(rnd.nextInt(40))}));
        maxBuffered = Math.max(maxBuffered, w.metrics().bufferedBytes());
      }
      WriterMetrics m = w.metrics();
      System.out.println("10,000 partitions under 1MB: " + m);
      assertThat(m.partitions()).isEqualTo(counts.size());
      assertThat(m.flushes() + m.evictions()).isPositive();
      w.commit();
    }
    assertThat(maxBuffered).isLessThanOrEqualTo(DataSize.ofMegabytes(1).bytes());
    Map<String, Integer> back = new HashMap<>();
    for (Map<String, String> r : LinesTables.read(tmp.resolve("budget"))) {
      back.merge(r.get("bucket"), 1, Integer::sum);
    }
    Map<String, Integer> exp = new HashMap<>();
    counts.forEach((k, v) -> exp.put(Integer.toString(k), v));
    assertThat(back).isEqualTo(exp);
  }

  @Test
  void concurrentAppendersLoseNothingAndMetricsAreReadableMeanwhile() throws Exception {
    Path root = tmp.resolve("concurrent");
    Schema schema = Schema.builder().required("writer", DataType.int32()).required("n", DataType.int32()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).bucket(4, "n").build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong observed = new AtomicLong();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        fs.add(pool.submit(() -> {
          ObjectArrayRow row = new ObjectArrayRow(schema);
          try (PartitionedWriter w = Table.open(root).newWriter(
              WriteOptions.builder(schema, new LinesFormat()).partitionBy(spec).mode(WriteMode.APPEND).build())) {
            Thread reader = new Thread(() -> {
              while (!done.get()) {
                observed.accumulateAndGet(w.metrics().rows(), Math::max);
              }
            });
            reader.start();
            for (int i = 0; i < 5_000; i++) {
              w.write(row.wrap(new Object[] {id, i}));
            }
            w.commit();
            done.set(true);
            reader.join();
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(observed.get()).isPositive();
    List<Map<String, String>> rows = LinesTables.read(root);
    assertThat(rows).hasSize(20_000);
    Set<String> unique = new HashSet<>();
    rows.forEach(r -> unique.add(r.get("writer") + "/" + r.get("n")));
    assertThat(unique).hasSize(20_000);
    assertThat(LinesTables.allFiles(root.resolve("_partita/commits"))).hasSize(4);
  }

  @Test
  void recordsAndMapsAreAdaptedByName() throws IOException {
    Schema schema = Schema.builder().required("id", DataType.int64()).optional("day", DataType.date())
        .optional("label", DataType.string()).build();
    Path root = tmp.resolve("adapters");
    dev.partita.row.ObjectRow<Item> items = dev.partita.row.ObjectRow.forClass(Item.class, schema);
    dev.partita.row.MapRow maps = new dev.partita.row.MapRow(schema);
    try (PartitionedWriter w = Table.open(root).newWriter(
        WriteOptions.builder(schema, new LinesFormat()).mode(WriteMode.APPEND).build())) {
      w.write(items.wrap(new Item(1L, LocalDate.of(2024, 3, 5), "x")));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", 2L);
      m.put("label", "y");
      w.write(maps.wrap(m));
      w.commit();
    }
    assertThat(LinesTables.read(root)).extracting(r -> r.get("id") + "|" + r.get("day") + "|" + r.get("label"))
        .containsExactlyInAnyOrder("1|" + LocalDate.of(2024, 3, 5).toEpochDay() + "|x", "2|\\N|y");
  }

  /** A record mapped by component names. */
  public record Item(long id, LocalDate day, String label) {}
}
