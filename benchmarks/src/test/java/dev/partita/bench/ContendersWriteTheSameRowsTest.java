package dev.partita.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.bench.flights.Flights;
import dev.partita.bench.sales.SalesGenerator;
import dev.partita.bench.sales.SalesLayout;
import dev.partita.bench.sales.SalesOrder;
import dev.partita.bench.sales.SalesSchema;
import dev.partita.bench.sink.Codec;
import dev.partita.bench.sink.DuckDbTable;
import dev.partita.bench.sink.RowSource;
import dev.partita.partition.PartitionKey;
import dev.partita.partition.PartitionPaths;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.Row;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every contender writes the same rows: each table is read back with a reader independent of its writer (DuckDB
 * for Parquet, orc-core's reader for ORC) and compared, partition directory by partition directory, with sums
 * computed from the generated rows and Partita's partition paths.
 */
class ContendersWriteTheSameRowsTest {
  private static final int ROWS = 3000;
  /** Fewer rows where nearly every row opens its own partition file, which is slow for every contender. */
  private static final int BUCKET_ROWS = 300;

  /** Sums over the rows of one partition. */
  record Sums(long rows, long orderIds, long qty, long priceCents, long tsMicros, long notes, long days) {
    Sums plus(long orderId, long q, double price, long ts, boolean note, long day) {
      return new Sums(rows + 1, orderIds + orderId, this.qty + q, priceCents + Math.round(price * 100),
          tsMicros + ts, notes + (note ? 1 : 0), days + day);
    }
  }

  private static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0);

  @ParameterizedTest(name = "{0} {1} {2} sorted={3} threads={4}")
  @CsvSource({
      "partita, year_month, snappy, false, 1",
      "partita, year_month, snappy, false, 2",
      "parquet-java, year_month, snappy, false, 1",
      "partita, customer_bucket, zstd, false, 1",
      "parquet-java, customer_bucket, zstd, false, 1",
      "partita, single, none, false, 1",
      "parquet-java, single, none, false, 1",
      "partita, product, snappy, false, 2",
      "partita-clustered, product, snappy, true, 1",
      "parquet-java-clustered, product, snappy, true, 1",
      "partita-orc, year_month, zstd, false, 1",
      "orc-core, year_month, zstd, false, 1",
      "partita-orc, customer_bucket, snappy, false, 1",
      "orc-core, customer_bucket, snappy, false, 1",
      "partita-orc-clustered, year_month, none, true, 1",
      "orc-core-clustered, year_month, none, true, 1",
  })
  void salesReadBackMatchTheGeneratedRows(String impl, String layout, String codec, boolean sorted, int threads,
      @TempDir Path tmp) throws Exception {
    SalesLayout l = SalesLayout.parse(layout);
    SalesOrder order = sorted ? l.sortedOrder() : SalesOrder.RANDOM;
    Path table = tmp.resolve("t");
    int rows = l == SalesLayout.CUSTOMER_BUCKET ? BUCKET_ROWS : ROWS;
    long written = Contenders.sink(impl, Codec.parse(codec), l.spec(), l.partitions(), threads)
        .write(new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, order), table);

    assertThat(written).isEqualTo(rows);
    Map<String, Sums> actual = impl.contains("orc") ? readOrc(table) : readParquet(table);
    assertThat(actual).isEqualTo(expected(l.spec(), order, rows));
  }

  @ParameterizedTest(name = "duckdb {0} threads={1}")
  @CsvSource({"year_month, 1", "single, 2", "product, 2"})
  void duckDbCopyMatchesTheGeneratedRows(String layout, int threads, @TempDir Path tmp) throws Exception {
    SalesLayout l = SalesLayout.parse(layout);
    Path table = tmp.resolve("t");
    try (DuckDbTable duck = new DuckDbTable(SalesGenerator.of(ROWS), threads)) {
      assertThat(duck.rows()).isEqualTo(ROWS);
      assertThat(duck.copy(table, l.spec(), Codec.SNAPPY)).isEqualTo(ROWS);
    }
    assertThat(readParquet(table)).isEqualTo(expected(l.spec(), SalesOrder.RANDOM, ROWS));
  }

  @Test
  void flightsByOriginMatchTheFileForEveryContender(@TempDir Path tmp) throws Exception {
    Flights flights = Flights.load(BenchDatasets.file(Flights.FILE), 20_000);
    assertThat(flights.size()).isEqualTo(20_000);
    PartitionSpec spec = PartitionSpec.builder(Flights.SCHEMA).identity("origin").build();
    Map<String, long[]> expected = new TreeMap<>();
    RowSource c = flights.cursor();
    while (c.next()) {
      Row r = c.row();
      long[] s = expected.computeIfAbsent("origin=" + r.getString(3), k -> new long[4]);
      s[0]++;
      s[1] += r.getInt(1);
      s[2] += r.getInt(2);
      s[3] += r.getLong(0);
    }
    for (String impl : List.of("partita", "parquet-java", "duckdb")) {
      Path table = tmp.resolve(impl);
      if (impl.equals("duckdb")) {
        try (DuckDbTable duck = new DuckDbTable(flights.cursor(), 1)) {
          duck.copy(table, spec, Codec.SNAPPY);
        }
      } else {
        Contenders.sink(impl, Codec.SNAPPY, spec, 229).write(flights.cursor(), table);
      }
      Map<String, long[]> actual = new TreeMap<>();
      query(table, "count(*), sum(delay), sum(distance), sum(epoch_us(date))", (dir, rs) -> actual.put(dir,
          new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
      assertThat(actual).as(impl).usingRecursiveComparison().isEqualTo(expected);
    }
  }

  /** Per partition directory, the sums of the rows the generator makes, placed by Partita's partition paths. */
  private static Map<String, Sums> expected(PartitionSpec spec, SalesOrder order, int rows) {
    PartitionKey key = spec.newKey();
    PartitionPaths paths = PartitionPaths.of(spec);
    Map<String, Sums> out = new TreeMap<>();
    SalesGenerator g = new SalesGenerator(SalesGenerator.DEFAULT_SEED, rows, order);
    while (g.next()) {
      Row r = g.row();
      key.set(r);
      out.merge(paths.path(key), ZERO.plus(r.getLong(SalesSchema.ORDER_ID), r.getInt(SalesSchema.QTY),
          r.getDouble(SalesSchema.PRICE), r.getLong(SalesSchema.TS), !r.isNull(SalesSchema.NOTE),
          r.getInt(SalesSchema.DAY)), ContendersWriteTheSameRowsTest::add);
    }
    return out;
  }

  private static Sums add(Sums a, Sums b) {
    return new Sums(a.rows + b.rows, a.orderIds + b.orderIds, a.qty + b.qty, a.priceCents + b.priceCents,
        a.tsMicros + b.tsMicros, a.notes + b.notes, a.days + b.days);
  }

  private static Map<String, Sums> readParquet(Path table) throws Exception {
    Map<String, Sums> out = new TreeMap<>();
    query(table, "count(*), sum(order_id), sum(qty), sum(CAST(round(price * 100) AS BIGINT)),"
        + " sum(epoch_us(ts)), count(note), sum(day)", (dir, rs) -> out.merge(dir, new Sums(rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)),
            ContendersWriteTheSameRowsTest::add));
    return out;
  }

  interface RowHandler {
    void accept(String partitionDir, ResultSet rs) throws Exception;
  }

  /** Runs {@code aggregates} over every Parquet file under {@code table}, grouped by file, through DuckDB. */
  private static void query(Path table, String aggregates, RowHandler handler) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT filename, " + aggregates + " FROM read_parquet('"
            + table.resolve("**").resolve("*.parquet") + "', filename = true, hive_partitioning = false)"
            + " GROUP BY filename ORDER BY filename")) {
      while (rs.next()) {
        handler.accept(partitionDir(table, Path.of(rs.getString(1))), rs);
      }
    }
  }

  private static String partitionDir(Path table, Path file) {
    Path parent = table.relativize(file).getParent();
    return parent == null ? "" : parent.toString();
  }

  /** Reads every ORC file under {@code table} with orc-core's reader. */
  private static Map<String, Sums> readOrc(Path table) throws IOException {
    Configuration conf = new Configuration(false);
    RawLocalFileSystem fs = new RawLocalFileSystem();
    fs.initialize(URI.create("file:///"), conf);
    Map<String, Sums> out = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(table)) {
      files = s.filter(p -> p.toString().endsWith(".orc") && !table.relativize(p).startsWith("_partita")).toList();
    }
    for (Path f : files) {
      try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(f.toUri()),
          OrcFile.readerOptions(conf).filesystem(fs));
          RecordReader rows = reader.rows()) {
        List<String> names = reader.getSchema().getFieldNames();
        VectorizedRowBatch batch = reader.getSchema().createRowBatch();
        Sums sums = ZERO;
        while (rows.nextBatch(batch)) {
          LongColumnVector orderId = (LongColumnVector) batch.cols[names.indexOf("order_id")];
          LongColumnVector qty = (LongColumnVector) batch.cols[names.indexOf("qty")];
          LongColumnVector day = (LongColumnVector) batch.cols[names.indexOf("day")];
          DoubleColumnVector price = (DoubleColumnVector) batch.cols[names.indexOf("price")];
          TimestampColumnVector ts = (TimestampColumnVector) batch.cols[names.indexOf("ts")];
          BytesColumnVector note = (BytesColumnVector) batch.cols[names.indexOf("note")];
          for (int r = 0; r < batch.size; r++) {
            long micros = Math.floorDiv(ts.time[r], 1000L) * 1_000_000L + ts.nanos[r] / 1000;
            sums = sums.plus(orderId.vector[r], qty.vector[r], price.vector[r], micros,
                note.noNulls || !note.isNull[r], day.vector[r]);
          }
        }
        out.merge(partitionDir(table, f), sums, ContendersWriteTheSameRowsTest::add);
      }
    }
    return out;
  }
}
