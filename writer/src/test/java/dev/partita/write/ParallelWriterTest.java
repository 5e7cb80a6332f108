package dev.partita.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.partita.DataSize;
import dev.partita.PartitaException;
import dev.partita.commit.CommitResult;
import dev.partita.commit.DataFile;
import dev.partita.format.FileFormat;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.InvalidRowException;
import dev.partita.row.ObjectArrayRow;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.PositionOutputStream;
import dev.partita.table.Table;
import dev.partita.testing.Datasets;
import dev.partita.testing.LinesFormat;
import dev.partita.testing.LinesTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelWriterTest {
  private static final Schema FLIGHTS = Schema.builder()
      .required("date", DataType.timestamp())
      .optional("delay", DataType.int32())
      .optional("distance", DataType.int32())
      .required("origin", DataType.string())
      .optional("destination", DataType.string())
      .build();
  private static final PartitionSpec BY_ORIGIN = PartitionSpec.builder(FLIGHTS).identity("origin").build();
  private static final Duration NO_HANG = Duration.ofSeconds(60);

  @TempDir Path tmp;

  /** The first {@code n} flights of the shared dataset, streamed from the gzip CSV (no quoting in it). */
  private static List<Object[]> flights(int n) throws IOException {
    List<Object[]> rows = new ArrayList<>(n);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(Datasets.file("flights-3m.csv.gz")), 1 << 16), StandardCharsets.UTF_8))) {
      assertThat(r.readLine()).isEqualTo("date,delay,distance,origin,destination");
      String line;
      while (rows.size() < n && (line = r.readLine()) != null) {
        String[] f = line.split(",", -1);
        LocalDateTime t = LocalDateTime.parse(f[0].replace(' ', 'T'));
        long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        rows.add(new Object[] {micros, Integer.valueOf(f[1]), Integer.valueOf(f[2]), f[3], f[4]});
      }
    }
    assertThat(rows).hasSize(n);
    return rows;
  }

  /** Every row of {@code rows} as canonical text (columns sorted by name, values as LinesFormat writes them). */
  private static List<String> expected(Schema schema, List<Object[]> rows) {
    ObjectArrayRow row = new ObjectArrayRow(schema);
    List<String> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      row.wrap(r);
      Map<String, String> m = new TreeMap<>();
      for (int i = 0; i < schema.size(); i++) {
        m.put(schema.column(i).name(), LinesFormat.text(row, i, schema.column(i)));
      }
      out.add(m.toString());
    }
    Collections.sort(out);
    return out;
  }

  /** Every visible row of the table as canonical text, partition values included, sorted (a multiset). */
  private static List<String> actual(Path root) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      out.add(new TreeMap<>(r).toString());
    }
    Collections.sort(out);
    return out;
  }

  private static Table table(Path root) {
    return Table.open(LocalStorage.withoutSync(), root.toString());
  }

  private static WriteOptions.Builder flightOptions(FileFormat format, int parallelism) {
    return WriteOptions.builder(FLIGHTS, format).partitionBy(BY_ORIGIN).mode(WriteMode.APPEND)
        .parallelism(parallelism);
  }

  private static Set<String> workerThreads() {
    Set<String> names = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("partita-") && t.getName().contains("-worker-")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void oneTwoAndEightThreadsWriteTheSameRows() throws IOException {
    List<Object[]> rows = flights(120_000);
    List<String> expected = expected(FLIGHTS, rows);
    Map<Integer, WriterMetrics> metrics = new TreeMap<>();
    for (int threads : new int[] {1, 2, 8}) {
      Path root = tmp.resolve("p" + threads);
      ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
      // Files roll every 5,000 rows inside every worker.
      WriteOptions opts = flightOptions(new LinesFormat(), threads).maxRowsPerFile(5_000).build();
      CommitResult result;
      try (PartitionedWriter w = table(root).newWriter(opts)) {
        assertThat(w instanceof ParallelWriter).isEqualTo(threads > 1);
        for (Object[] r : rows) {
          w.write(row.wrap(r));
        }
        result = w.commit();
        metrics.put(threads, w.metrics());
      }
      assertThat(actual(root)).as("rows written with %d threads", threads).isEqualTo(expected);
      assertThat(result.totalRows()).isEqualTo(rows.size());
      assertThat(result.files()).allMatch(f -> f.rows() <= 5_000);
      assertThat(result.files()).anyMatch(f -> f.rows() == 5_000);
      Set<String> names = new HashSet<>();
      for (DataFile f : result.files()) {
        assertThat(names.add(f.path())).isTrue();
        assertThat(Files.size(root.resolve(f.path()))).isEqualTo(f.bytes());
      }
      assertThat(LinesTables.visibleFiles(root)).hasSize(result.files().size());
      assertThat(LinesTables.allFiles(root.resolve("_partita/staging"))).isEmpty();
    }
    System.out.println("flights by origin, metrics by parallelism: " + metrics);
    long partitions = rows.stream().map(r -> r[3]).distinct().count();
    for (WriterMetrics m : metrics.values()) {
      assertThat(m.rows()).isEqualTo(rows.size());
      assertThat(m.partitions()).isEqualTo(partitions);
      assertThat(m.openFiles()).isZero();
      assertThat(m.bufferedBytes()).isZero();
    }
  }

  @Test
  void producersRacingFromFourThreadsLoseNothing() throws Exception {
    List<Object[]> rows = flights(80_000);
    Path root = tmp.resolve("racing");
    int producers = 4;
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong maxObservedRows = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    try (PartitionedWriter w = table(root).newWriter(flightOptions(new LinesFormat(), 3).build())) {
      CyclicBarrier start = new CyclicBarrier(producers);
      List<Future<Integer>> fs = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        int id = p;
        fs.add(pool.submit(() -> {
          ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
          start.await();
          int rejected = 0;
          for (int i = id; i < rows.size(); i += producers) {
            w.write(row.wrap(rows.get(i)));
            if (i % 1_000 == id) {
              // A row with no origin: rejected on this producer's thread, the write goes on.
              Row noOrigin = new NullColumnRow(row.wrap(rows.get(i)), 3);
              assertThatThrownBy(() -> w.write(noOrigin)).isInstanceOf(InvalidRowException.class)
                  .hasMessageContaining("'origin'");
              rejected++;
            }
          }
          return rejected;
        }));
      }
      Thread reader = new Thread(() -> {
        while (!done.get()) {
          maxObservedRows.accumulateAndGet(w.metrics().rows(), Math::max);
        }
      });
      reader.start();
      int rejected = 0;
      for (Future<Integer> f : fs) {
        rejected += f.get();
      }
      CommitResult result = w.commit();
      done.set(true);
      reader.join();
      assertThat(result.totalRows()).isEqualTo(rows.size());
      assertThat(w.metrics().rows()).isEqualTo(rows.size());
      assertThat(w.metrics().rejectedRows()).isEqualTo(rejected).isPositive();
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxObservedRows.get()).isPositive();
    assertThat(actual(root)).isEqualTo(expected(FLIGHTS, rows));
  }

  @Test
  void aHotPartitionIsWrittenByEveryWorkerEachFileByOneThread() throws IOException {
    Schema schema = Schema.builder().required("p", DataType.string()).required("n", DataType.int64()).build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("p").build();
    RecordingFormat format = new RecordingFormat(new LinesFormat());
    Random rnd = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 100_000; i++) {
      // 90% of the rows in one partition, the rest over 50 others.
      rows.add(new Object[] {rnd.nextInt(10) < 9 ? "hot" : "cold-" + rnd.nextInt(50), i});
    }
    Path root = tmp.resolve("skew");
    ObjectArrayRow row = new ObjectArrayRow(schema);
    try (PartitionedWriter w = table(root).newWriter(WriteOptions.builder(schema, format).partitionBy(spec)
        .keepPartitionColumns(true).mode(WriteMode.APPEND).parallelism(4).build())) {
      for (Object[] r : rows) {
        w.write(row.wrap(r));
      }
      w.commit();
    }
    Map<String, Set<String>> threadsByPartition = format.threadsByValue();
    System.out.println("threads writing the hot partition: " + threadsByPartition.get("hot"));
    assertThat(threadsByPartition.get("hot")).hasSize(4).allMatch(t -> t.contains("-worker-"));
    assertThat(threadsByPartition).hasSize(51);
    threadsByPartition.forEach((p, threads) -> {
      if (!p.equals("hot")) {
        assertThat(threads).as("cold partition %s", p).hasSize(1);
      }
    });
    assertThat(format.threadsByFile()).isNotEmpty().allSatisfy(threads -> assertThat(threads).hasSize(1));
    List<String> back = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      back.add(r.get("p") + "/" + r.get("n"));
    }
    Collections.sort(back);
    List<String> exp = new ArrayList<>();
    rows.forEach(r -> exp.add(r[0] + "/" + r[1]));
    Collections.sort(exp);
    assertThat(back).isEqualTo(exp);
  }

  /** Polls a writer's metrics from another thread until stopped, keeping the largest values seen. */
  private static final class Poller implements AutoCloseable {
    final AtomicLong maxBuffered = new AtomicLong();
    final AtomicLong maxOpen = new AtomicLong();
    final AtomicLong polls = new AtomicLong();
    private final AtomicBoolean done = new AtomicBoolean();
    private final Thread thread;

    Poller(PartitionedWriter w) {
      thread = new Thread(() -> {
        while (!done.get()) {
          WriterMetrics m = w.metrics();
          maxBuffered.accumulateAndGet(m.bufferedBytes(), Math::max);
          maxOpen.accumulateAndGet(m.openFiles(), Math::max);
          polls.incrementAndGet();
          LockSupport.parkNanos(20_000); // leave the cores to the workers
        }
      });
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      done.set(true);
      thread.join();
    }
  }

  @Test
  void memoryBudgetHoldsUnderTenThousandPartitionsPolledConcurrently() throws Exception {
    Schema schema = Schema.builder().required("bucket", DataType.int32()).required("payload", DataType.string())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("bucket").build();
    long budget = DataSize.ofMegabytes(1).bytes();
    // Each open file reports 200 bytes of overhead plus its buffer: 10,000 open files would need 2MB+, so the
    // budget (not maxOpenFiles) decides how many stay open.
    WriteOptions opts = WriteOptions.builder(schema, new LinesFormat(1 << 20, 200)).partitionBy(spec)
        .mode(WriteMode.APPEND).parallelism(4).maxOpenFiles(20_000).memoryBudget(DataSize.ofMegabytes(1)).build();
    Random rnd = new Random(11);
    Map<Integer, Integer> counts = new HashMap<>();
    Path root = tmp.resolve("budget");
    WriterMetrics end;
    Poller poller;
    try (PartitionedWriter w = table(root).newWriter(opts)) {
      try (Poller p = new Poller(w)) {
        poller = p;
        ObjectArrayRow row = new ObjectArrayRow(schema);
        List<Integer> firstRound = new ArrayList<>();
        for (int b = 0; b < 10_000; b++) {
          firstRound.add(b);
        }
        Collections.shuffle(firstRound, rnd);
        for (int i = 0; i < 20_000; i++) {
          // Every partition once in random order, then 10,000 more rows at random.
          int b = i < 10_000 ? firstRound.get(i) : rnd.nextInt(10_000);
          counts.merge(b, 1, Integer::sum);
          w.write(row.wrap(new Object[] {b, "payload-" + i + "-".repeat(rnd.nextInt(60))}));
        }
        w.commit();
      }
      end = w.metrics();
    }
    System.out.println("10,000 partitions, 4 workers, 1MB budget: max buffered " + poller.maxBuffered
        + ", max open " + poller.maxOpen + " over " + poller.polls + " polls; " + end);
    assertThat(poller.polls.get()).isGreaterThan(100);
    // The budget was reached (relief brings it to 3/4) and never passed.
    assertThat(poller.maxBuffered.get()).isGreaterThan(budget * 3 / 4).isLessThanOrEqualTo(budget);
    assertThat(end.partitions()).isEqualTo(10_000);
    assertThat(end.evictions()).isPositive();
    Map<Integer, Integer> back = new HashMap<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      back.merge(Integer.valueOf(r.get("bucket")), 1, Integer::sum);
    }
    assertThat(back).isEqualTo(counts);
  }

  /**
   * Writes {@code rows} into 1,000 partitions (bucket of the flight's time) with {@code workers} workers and
   * {@code maxOpenFiles}, while a poller reads the open-file count; checks every row read back.
   */
  private Map.Entry<CommitResult, Long> writeThousandBuckets(List<Object[]> rows, int workers, int maxOpenFiles,
      Path root) throws Exception {
    PartitionSpec spec = PartitionSpec.builder(FLIGHTS).bucket(1_000, "date").build();
    WriteOptions opts = WriteOptions.builder(FLIGHTS, new LinesFormat()).partitionBy(spec).mode(WriteMode.APPEND)
        .parallelism(workers).maxOpenFiles(maxOpenFiles).build();
    CommitResult result;
    Poller poller;
    WriterMetrics end;
    try (PartitionedWriter w = table(root).newWriter(opts)) {
      try (Poller p = new Poller(w)) {
        poller = p;
        ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
        for (Object[] r : rows) {
          w.write(row.wrap(r));
        }
        result = w.commit();
      }
      end = w.metrics();
    }
    System.out.println("1,000 buckets, " + workers + " workers, maxOpenFiles " + maxOpenFiles + ": max open "
        + poller.maxOpen + " over " + poller.polls + " polls; " + end);
    assertThat(poller.polls.get()).isGreaterThan(10);
    assertThat(poller.maxOpen.get()).as("open files seen by the poller").isPositive()
        .isLessThanOrEqualTo(maxOpenFiles);
    assertThat(end.openFiles()).isZero();
    List<String> back = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      Map<String, String> m = new TreeMap<>(r);
      m.remove("date_bucket");
      back.add(m.toString());
    }
    Collections.sort(back);
    assertThat(back).isEqualTo(expected(FLIGHTS, rows));
    return Map.entry(result, end.partitions());
  }

  @Test
  void aThousandPartitionsWithAsManyOpenFilesGetOneFileEachWhateverTheWorkers() throws Exception {
    List<Object[]> rows = flights(60_000);
    for (int workers : new int[] {2, 4}) {
      Path root = tmp.resolve("thousand-" + workers);
      Map.Entry<CommitResult, Long> out = writeThousandBuckets(rows, workers, 1_000, root);
      CommitResult result = out.getKey();
      // Workers own unequal sets of partitions; the limit is shared by need, so no worker runs out of files.
      Map<Map<String, String>, Integer> filesByPartition = new HashMap<>();
      result.files().forEach(f -> filesByPartition.merge(f.partition(), 1, Integer::sum));
      assertThat(out.getValue()).isBetween(950L, 1_000L); // distinct bucket values among the rows
      assertThat(filesByPartition).hasSize(out.getValue().intValue())
          .allSatisfy((p, files) -> assertThat(files).as("files of partition %s", p).isEqualTo(1));
      assertThat(LinesTables.visibleFiles(root)).hasSize(filesByPartition.size());
    }
  }

  @Test
  void aThousandPartitionsWithAHundredOpenFilesStayWithinTheLimit() throws Exception {
    List<Object[]> all = flights(60_000);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 6) {
      rows.add(all.get(i)); // 10,000 rows spread over as many hours as the 60,000
    }
    for (int workers : new int[] {2, 4}) {
      Path root = tmp.resolve("hundred-" + workers);
      Map.Entry<CommitResult, Long> out = writeThousandBuckets(rows, workers, 100, root);
      // Ten times more partitions than open files: files are closed and reopened all the time, no row is lost.
      assertThat(out.getValue()).isGreaterThan(900L);
      assertThat(out.getKey().files().size()).isGreaterThan(2 * out.getValue().intValue());
      assertThat(out.getKey().totalRows()).isEqualTo(rows.size());
    }
  }

  @Test
  void whatFilesReallyBufferStaysWithinTheBudgetBetweenReadings() throws Exception {
    // Rows of about 1KB into 200 partitions under a 1MB budget: read every 100 rows, 200 files could hold 20MB
    // the budget has not seen. A file growing fast for its share is read sooner, so the real total stays within
    // the budget plus a sixteenth (a quarter more, as rows vary from the ones the reading interval was planned
    // by), plus per worker the row written since its file was read and one row of growth waiting for admission.
    Schema schema = Schema.builder().required("k", DataType.int32()).required("payload", DataType.string())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).identity("k").build();
    long budget = DataSize.ofMegabytes(1).bytes();
    Random rnd = new Random(7);
    for (int workers : new int[] {1, 4}) {
      TrackingFormat format = new TrackingFormat(new LinesFormat(16 << 20, 0));
      WriteOptions opts = WriteOptions.builder(schema, format).partitionBy(spec).mode(WriteMode.APPEND)
          .parallelism(workers).memoryBudget(DataSize.ofMegabytes(1)).build();
      Path root = tmp.resolve("unseen-" + workers);
      Map<Integer, Integer> counts = new HashMap<>();
      WriterMetrics end;
      try (PartitionedWriter w = table(root).newWriter(opts)) {
        ObjectArrayRow row = new ObjectArrayRow(schema);
        for (int i = 0; i < 20_000; i++) {
          int k = rnd.nextInt(200);
          counts.merge(k, 1, Integer::sum);
          w.write(row.wrap(new Object[] {k, Integer.toString(i) + "x".repeat(900 + rnd.nextInt(200))}));
        }
        w.commit();
        end = w.metrics();
      }
      System.out.println(workers + " workers, 200 partitions of 1KB rows, 1MB budget: most really buffered "
          + format.maxTotal + "; " + end);
      assertThat(end.flushes() + end.evictions()).isPositive();
      assertThat(format.maxTotal.get()).isGreaterThan(budget / 2)
          .isLessThanOrEqualTo(budget + budget / 16 * 5 / 4 + workers * 2_400L);
      Map<Integer, Integer> back = new HashMap<>();
      for (Map<String, String> r : LinesTables.read(root)) {
        back.merge(Integer.valueOf(r.get("k")), 1, Integer::sum);
      }
      assertThat(back).isEqualTo(counts);
    }
  }

  @Test
  void openFilesStayWithinTheLimitSharedByWorkers() throws Exception {
    Schema airports = Schema.builder().required("iata", DataType.string()).optional("name", DataType.string())
        .optional("city", DataType.string()).optional("state", DataType.string())
        .optional("country", DataType.string()).optional("latitude", DataType.float64())
        .optional("longitude", DataType.float64()).build();
    List<Object[]> rows = new ArrayList<>();
    List<String[]> csv = Datasets.readCsv(Datasets.file("airports.csv"));
    for (String[] r : csv.subList(1, csv.size())) {
      rows.add(new Object[] {r[0], r[1], r[2], r[3].isEmpty() ? null : r[3], r[4], Double.valueOf(r[5]),
          Double.valueOf(r[6])});
    }
    Collections.shuffle(rows, new Random(42));
    PartitionSpec spec = PartitionSpec.builder(airports).identity("state").build();
    List<String> exp = new ArrayList<>();
    rows.forEach(r -> exp.add(r[0] + "|" + (r[3] == null ? "__HIVE_DEFAULT_PARTITION__" : r[3])));
    Collections.sort(exp);
    // 10 files, and as many as workers: a worker whose files were all taken back must get one from the others.
    for (int maxOpen : new int[] {10, 4}) {
      Path root = tmp.resolve("open-files-" + maxOpen);
      WriterMetrics end;
      Poller poller;
      long asks;
      PartitionedWriter w = table(root).newWriter(WriteOptions.builder(airports, new LinesFormat())
          .partitionBy(spec).mode(WriteMode.APPEND).parallelism(4).maxOpenFiles(maxOpen).build());
      try (Poller p = new Poller(w)) {
        poller = p;
        ObjectArrayRow row = new ObjectArrayRow(airports);
        assertTimeoutPreemptively(NO_HANG, () -> {
          for (Object[] r : rows) {
            w.write(row.wrap(r));
          }
          w.commit();
        });
      } finally {
        w.close();
      }
      end = w.metrics();
      asks = ((ParallelWriter) w).fileAsks();
      System.out.println("57 partitions, 4 workers, " + maxOpen + " open files: max open " + poller.maxOpen
          + ", files asked of other workers " + asks + "; " + end);
      // Far fewer open files than the 57 partitions: files are closed early all the time, never over the limit.
      assertThat(poller.maxOpen.get()).isPositive().isLessThanOrEqualTo(maxOpen);
      assertThat(end.evictions()).isGreaterThan(100);
      assertThat(end.partitions()).isEqualTo(57);
      if (maxOpen == 4) {
        assertThat(asks).isPositive();
      }
      List<String> back = new ArrayList<>();
      for (Map<String, String> r : LinesTables.read(root)) {
        back.add(r.get("iata") + "|" + r.get("state"));
      }
      Collections.sort(back);
      assertThat(back).isEqualTo(exp);
    }
  }

  @Test
  void aWorkerFailingMidWriteFailsTheWriteWithoutHangingTheProducer() throws IOException {
    List<Object[]> rows = flights(150_000);
    Path root = tmp.resolve("fail");
    FailingFormat format = new FailingFormat(new LinesFormat(), 20_000, false);
    Set<String> before = workerThreads();
    PartitionedWriter w = table(root).newWriter(flightOptions(format, 4).build());
    ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
    AtomicInteger written = new AtomicInteger();
    // The producer keeps writing far more rows than the queues hold: it must get the failure, not block.
    Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> {
      try {
        for (Object[] r : rows) {
          w.write(row.wrap(r));
          written.incrementAndGet();
        }
      } catch (PartitaException e) {
        return e;
      }
      return null;
    });
    assertThat(thrown).isNotNull().isNotInstanceOf(InvalidRowException.class)
        .hasMessageContaining("failed in a worker thread").hasMessageContaining("nothing of it is visible")
        .hasRootCauseMessage("injected failure after 20000 rows");
    assertThat(written.get()).isGreaterThanOrEqualTo(20_000).isLessThan(rows.size());
    assertThatThrownBy(() -> w.write(row.wrap(rows.get(0)))).isInstanceOf(IllegalStateException.class)
        .hasCause(thrown);
    assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
    w.close();
    w.close();
    assertThat(LinesTables.allFiles(root)).isEmpty();
    assertThat(workerThreads()).isEqualTo(before);
  }

  @Test
  void producersRacingIntoAFailureAllStopAndNothingIsVisible() throws Exception {
    List<Object[]> rows = flights(100_000);
    Path root = tmp.resolve("fail-racing");
    FailingFormat format = new FailingFormat(new LinesFormat(), 30_000, false);
    PartitionedWriter w = table(root).newWriter(flightOptions(format, 2).build());
    int producers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    try {
      List<Throwable> outcomes = assertTimeoutPreemptively(NO_HANG, () -> {
        CyclicBarrier start = new CyclicBarrier(producers);
        List<Future<Throwable>> fs = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
          int id = p;
          fs.add(pool.submit(() -> {
            ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
            start.await();
            try {
              for (int round = 0; round < 3; round++) {
                for (int i = id; i < rows.size(); i += producers) {
                  w.write(row.wrap(rows.get(i)));
                }
              }
            } catch (RuntimeException e) {
              return e;
            }
            return null;
          }));
        }
        List<Throwable> out = new ArrayList<>();
        for (Future<Throwable> f : fs) {
          out.add(f.get());
        }
        return out;
      });
      // Every producer stopped with an error: the failure itself, or "writer is failed" caused by it.
      assertThat(outcomes).hasSize(producers).doesNotContainNull()
          .allSatisfy(t -> assertThat(t).hasRootCauseMessage("injected failure after 30000 rows"));
      assertThat(outcomes).filteredOn(t -> t instanceof PartitaException).isNotEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
    w.close();
    assertThat(LinesTables.allFiles(root)).isEmpty();
  }

  @Test
  void everyWorkerFailingAtCommitIsReportedOnceWithTheOthersSuppressed() throws IOException {
    List<Object[]> rows = flights(20_000);
    Path root = tmp.resolve("fail-commit");
    FailingFormat format = new FailingFormat(new LinesFormat(), Long.MAX_VALUE, true);
    PartitionedWriter w = table(root).newWriter(flightOptions(format, 4).build());
    ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
    for (Object[] r : rows) {
      w.write(row.wrap(r));
    }
    PartitaException e = org.junit.jupiter.api.Assertions.assertThrows(PartitaException.class, w::commit);
    assertThat(e).hasMessageContaining("nothing of it is visible").hasRootCauseMessage("injected failure at finish");
    // Four workers, each failed closing its files: the earliest is the cause, the other three are suppressed.
    assertThat(e.getSuppressed()).hasSize(3)
        .allSatisfy(s -> assertThat(s).hasRootCauseMessage("injected failure at finish"));
    w.close();
    assertThat(LinesTables.allFiles(root)).isEmpty();
    assertThat(format.writers.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void lifecycleIsStrictAndWorkerThreadsEndWithTheWriter() throws IOException {
    Path root = tmp.resolve("lifecycle");
    List<Object[]> rows = flights(5_000);
    ObjectArrayRow row = new ObjectArrayRow(FLIGHTS);
    Set<String> before = workerThreads();

    PartitionedWriter aborted = table(root).newWriter(flightOptions(new LinesFormat(), 3).build());
    assertThat(workerThreads()).hasSize(before.size() + 3);
    for (Object[] r : rows) {
      aborted.write(row.wrap(r));
    }
    aborted.abort();
    aborted.abort();
    aborted.close();
    assertThat(LinesTables.allFiles(root)).isEmpty();
    assertThatThrownBy(() -> aborted.write(row.wrap(rows.get(0)))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(aborted::commit).isInstanceOf(IllegalStateException.class);

    PartitionedWriter empty = table(root).newWriter(flightOptions(new LinesFormat(), 2).build());
    assertThat(empty.commit().files()).isEmpty();
    empty.close();
    assertThat(LinesTables.visibleFiles(root)).isEmpty();

    PartitionedWriter committed = table(root).newWriter(flightOptions(new LinesFormat(), 2).build());
    committed.write(row.wrap(rows.get(0)));
    assertThat(committed.commit().files()).singleElement()
        .satisfies(f -> assertThat(f.partition()).containsEntry("origin", (String) rows.get(0)[3]));
    committed.close();
    committed.close();
    assertThatThrownBy(committed::commit).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> committed.write(row.wrap(rows.get(0)))).isInstanceOf(IllegalStateException.class);
    assertThat(actual(root)).isEqualTo(expected(FLIGHTS, rows.subList(0, 1)));
    assertThat(workerThreads()).isEqualTo(before);
  }

  @Test
  void everyTypeAndNullCrossesTheHandOffAndBinariesAreCopied() throws IOException {
    Schema schema = Schema.builder()
        .required("id", DataType.int64())
        .optional("b", DataType.bool())
        .optional("i8", DataType.int8())
        .optional("i32", DataType.int32())
        .optional("f", DataType.float32())
        .optional("d", DataType.float64())
        .optional("dec", DataType.decimal(12, 3))
        .optional("s", DataType.string())
        .optional("bin", DataType.binary())
        .optional("day", DataType.date())
        .optional("tod", DataType.time())
        .optional("ts", DataType.timestampTz())
        .build();
    PartitionSpec spec = PartitionSpec.builder(schema).bucket(16, "id").build();
    Random rnd = new Random(5);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 5_000; i++) {
      boolean n = rnd.nextInt(5) == 0;
      byte[] bin = new byte[rnd.nextInt(6)];
      rnd.nextBytes(bin);
      rows.add(new Object[] {i, n ? null : rnd.nextBoolean(), n ? null : (byte) rnd.nextInt(),
          n ? null : rnd.nextInt(), n ? null : rnd.nextFloat(), n ? null : rnd.nextGaussian(),
          n ? null : BigDecimal.valueOf(rnd.nextInt(1_000_000), 3), n ? null : "s\t" + rnd.nextInt(100),
          n ? null : bin, n ? null : java.time.LocalDate.ofEpochDay(rnd.nextInt(20_000)),
          n ? null : java.time.LocalTime.ofSecondOfDay(rnd.nextInt(86_400)),
          n ? null : java.time.Instant.ofEpochSecond(rnd.nextInt())});
    }
    List<String> expected = expected(schema, rows);
    Path root = tmp.resolve("types");
    ObjectArrayRow row = new ObjectArrayRow(schema);
    try (PartitionedWriter w = table(root).newWriter(WriteOptions.builder(schema, new LinesFormat())
        .partitionBy(spec).mode(WriteMode.APPEND).parallelism(3).build())) {
      for (Object[] r : rows) {
        Object[] copy = r.clone();
        w.write(row.wrap(copy));
        // The row is only valid during the call: the caller may reuse its arrays at once.
        if (copy[8] instanceof byte[] b) {
          java.util.Arrays.fill(b, (byte) 0x7f);
        }
      }
      w.commit();
    }
    List<String> back = new ArrayList<>();
    for (Map<String, String> r : LinesTables.read(root)) {
      Map<String, String> m = new TreeMap<>(r);
      m.remove("id_bucket");
      back.add(m.toString());
    }
    Collections.sort(back);
    assertThat(back).isEqualTo(expected);
  }

  @Test
  void optionsValidateParallelism() {
    Schema schema = FLIGHTS;
    assertThat(WriteOptions.builder(schema, new LinesFormat()).build().parallelism())
        .isEqualTo(WriteOptions.DEFAULT_PARALLELISM).isEqualTo(1);
    assertThatThrownBy(() -> WriteOptions.builder(schema, new LinesFormat()).parallelism(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be in 1..256, got 0");
    assertThatThrownBy(() -> WriteOptions.builder(schema, new LinesFormat()).parallelism(257).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 257");
    assertThatThrownBy(() -> WriteOptions.builder(schema, new LinesFormat()).parallelism(2)
        .routing(Routing.CLUSTERED).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requires FANOUT routing")
        .hasMessageContaining("parallelism(1)");
    assertThatThrownBy(() -> WriteOptions.builder(schema, new LinesFormat()).parallelism(8).maxOpenFiles(4)
        .build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxOpenFiles must be at least"
            + " parallelism (8)");
  }

  /** A row whose column {@code nulled} reads as null, bypassing the adapter's own checks. */
  private record NullColumnRow(Row row, int nulled) implements Row {
    @Override public boolean isNull(int i) { return i == nulled || row.isNull(i); }
    @Override public boolean getBoolean(int i) { return row.getBoolean(i); }
    @Override public int getInt(int i) { return row.getInt(i); }
    @Override public long getLong(int i) { return row.getLong(i); }
    @Override public float getFloat(int i) { return row.getFloat(i); }
    @Override public double getDouble(int i) { return row.getDouble(i); }
    @Override public BigDecimal getDecimal(int i) { return row.getDecimal(i); }
    @Override public String getString(int i) { return row.getString(i); }
    @Override public byte[] getBinary(int i) { return row.getBinary(i); }
  }

  /** A format that fails after a number of rows over all its files, or when finishing any file. */
  private static final class FailingFormat implements FileFormat {
    private final LinesFormat delegate;
    private final long failAfterRows;
    private final boolean failAtFinish;
    private final AtomicLong rows = new AtomicLong();
    final AtomicInteger writers = new AtomicInteger();

    FailingFormat(LinesFormat delegate, long failAfterRows, boolean failAtFinish) {
      this.delegate = delegate;
      this.failAfterRows = failAfterRows;
      this.failAtFinish = failAtFinish;
    }

    @Override public String name() { return "failing"; }
    @Override public String fileSuffix() { return ".lines"; }

    @Override
    public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
      writers.incrementAndGet();
      FormatWriter inner = delegate.open(schema, out);
      return new FormatWriter() {
        @Override
        public void write(Row row) throws IOException {
          if (rows.incrementAndGet() == failAfterRows) {
            throw new IOException("injected failure after " + failAfterRows + " rows");
          }
          inner.write(row);
        }

        @Override public FormatProgress progress() { return inner.progress(); }
        @Override public void flush() throws IOException { inner.flush(); }

        @Override
        public FileMetrics finish() throws IOException {
          if (failAtFinish) {
            inner.abort();
            throw new IOException("injected failure at finish");
          }
          return inner.finish();
        }

        @Override public void abort() { inner.abort(); }
      };
    }
  }

  /** A format that keeps the sum of what all its open files buffer (as they report it) after every call. */
  private static final class TrackingFormat implements FileFormat {
    private final LinesFormat delegate;
    private final AtomicLong total = new AtomicLong();
    final AtomicLong maxTotal = new AtomicLong();

    TrackingFormat(LinesFormat delegate) {
      this.delegate = delegate;
    }

    @Override public String name() { return "tracking"; }
    @Override public String fileSuffix() { return ".lines"; }

    @Override
    public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
      FormatWriter inner = delegate.open(schema, out);
      return new FormatWriter() {
        private long held;

        private void track() {
          long now = inner.progress().bufferedBytes();
          maxTotal.accumulateAndGet(total.addAndGet(now - held), Math::max);
          held = now;
        }

        private void untrack() {
          total.addAndGet(-held);
          held = 0;
        }

        @Override
        public void write(Row row) throws IOException {
          inner.write(row);
          track();
        }

        @Override public FormatProgress progress() { return inner.progress(); }

        @Override
        public void flush() throws IOException {
          inner.flush();
          track();
        }

        @Override
        public FileMetrics finish() throws IOException {
          untrack();
          return inner.finish();
        }

        @Override
        public void abort() {
          untrack();
          inner.abort();
        }
      };
    }
  }

  /**
   * A format that records which threads write each file and each value of the first column (the partition
   * column, kept in the files for this).
   */
  private static final class RecordingFormat implements FileFormat {
    private final LinesFormat delegate;
    private final Map<String, Set<String>> byValue = new ConcurrentHashMap<>();
    private final List<Set<String>> byFile = Collections.synchronizedList(new ArrayList<>());

    RecordingFormat(LinesFormat delegate) {
      this.delegate = delegate;
    }

    Map<String, Set<String>> threadsByValue() {
      return byValue;
    }

    List<Set<String>> threadsByFile() {
      return byFile;
    }

    @Override public String name() { return "recording"; }
    @Override public String fileSuffix() { return ".lines"; }

    @Override
    public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
      FormatWriter inner = delegate.open(schema, out);
      Set<String> threads = ConcurrentHashMap.newKeySet();
      byFile.add(threads);
      return new FormatWriter() {
        @Override
        public void write(Row row) throws IOException {
          String t = Thread.currentThread().getName();
          threads.add(t);
          byValue.computeIfAbsent(row.getString(0), k -> ConcurrentHashMap.newKeySet()).add(t);
          inner.write(row);
        }

        @Override public FormatProgress progress() { return inner.progress(); }
        @Override public void flush() throws IOException { inner.flush(); }
        @Override public FileMetrics finish() throws IOException { return inner.finish(); }
        @Override public void abort() { inner.abort(); }
      };
    }
  }
}
