package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.ChangedFilePolicy;
import dev.partita.jobs.source.FileSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import dev.partita.write.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parquet files as a job source. Real data: days 1-2 of each month of {@code flights-3m.csv.gz}, written by DuckDB
 * as monthly Parquet files (different codecs, page versions and row-group sizes), arrive in three deliveries;
 * after each the job runs, and the table must hold exactly the rows DuckDB reads from the delivered files, none
 * lost or doubled.
 * Then the bookmark's handling of touched and rewritten files, and the reader's column mapping and conversions.
 */
class ParquetSourceTest {
  static final Schema FLIGHTS = Schema.builder().required("date", DataType.timestamp())
      .optional("delay", DataType.int32()).optional("distance", DataType.int32())
      .optional("origin", DataType.string()).optional("destination", DataType.string()).build();
  static final String FLIGHT_COLUMNS = "date, delay, distance, origin, destination";
  private static final String[][] MONTHS = {
      {"01", "zstd", "V1"}, {"02", "snappy", "V2"}, {"03", "gzip", "V1"}, {"04", "uncompressed", "V2"},
      {"05", "lz4", "V1"}, {"06", "zstd", "V2"}};

  @TempDir Path tmp;

  /** Flights of days 1 and 2 of each month, sliced once from the CSV by DuckDB. */
  private static Path slice;

  @BeforeAll
  static void sliceFlights(@TempDir Path shared) throws Exception {
    slice = shared.resolve("flights-slice.parquet");
    Duck.execute("COPY (SELECT * FROM read_csv(" + Duck.literal(Datasets.file("flights-3m.csv.gz").toString())
        + ", header = true, columns = {'date': 'TIMESTAMP', 'delay': 'INTEGER', 'distance': 'INTEGER',"
        + " 'origin': 'VARCHAR', 'destination': 'VARCHAR'}) WHERE day(date) <= 2) TO "
        + Duck.literal(slice.toString()) + " (FORMAT parquet)");
  }

  /** DuckDB writes the sliced flights of month {@code m} (1-based) as a Parquet file, hidden then renamed. */
  static Path deliverFlights(Path landing, int m) throws Exception {
    Files.createDirectories(landing);
    String[] spec = MONTHS[m - 1];
    Path hidden = landing.resolve(".flights-2001-" + spec[0] + ".parquet.tmp");
    Duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.literal(slice.toString()) + ") WHERE month(date) = " + m
        + ") TO " + Duck.literal(hidden.toString()) + " (FORMAT parquet, CODEC '" + spec[1] + "', PARQUET_VERSION "
        + spec[2] + ", ROW_GROUP_SIZE " + (5_000 + 2_000 * m) + ")");
    Path file = landing.resolve("flights-2001-" + spec[0] + ".parquet");
    Files.move(hidden, file, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  static IngestJob flightsJob(String name, TableId id, Path landing, Path root,
      UnaryOperator<FileSource.Builder> tweak) {
    return IngestJob.builder(name, id, root)
        .source(tweak.apply(FileSource.parquet("landing", landing, FLIGHTS).glob("*.parquet")).build())
        .writeOptions(WriteOptions.builder(FLIGHTS, ParquetFormat.builder().build())
            .partitionBy(PartitionSpec.builder(FLIGHTS).day("date").build()).build())
        .build();
  }

  private static String sources(Path landing) throws Exception {
    List<String> files = new ArrayList<>();
    try (var list = Files.list(landing)) {
      list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().forEach(p -> files.add(p.toString()));
    }
    return "SELECT " + FLIGHT_COLUMNS + " FROM read_parquet(" + Duck.files(files) + ")";
  }

  /** The table holds exactly the rows of the query, as a multiset: same count, nothing in one but not the other. */
  static void assertTableEquals(Catalog catalog, TableId id, String columns, String query) throws Exception {
    List<String> paths = new ArrayList<>();
    catalog.partitions().files(id, dev.partita.catalog.PartitionFilter.all()).forEach(f -> paths.add(f.location()));
    String table = "SELECT " + columns + " FROM read_parquet(" + Duck.files(paths) + ", hive_partitioning = true)";
    assertThat(Duck.query("SELECT (SELECT count(*) FROM (" + table + ")) = (SELECT count(*) FROM (" + query + ")),"
        + " (SELECT count(*) FROM ((" + table + " EXCEPT ALL " + query + ") UNION ALL (" + query + " EXCEPT ALL "
        + table + ")))")).containsExactly("true|0");
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void flightsArrivingAsParquetFilesAreLoadedOnce(Db db) throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("tables/flights");
    TableId id = TableId.of("air", "flights");
    IngestJob job = flightsJob("flights-parquet", id, landing, root, b -> b.contentHash(true));
    int[][] deliveries = {{1, 2}, {3}, {4, 5, 6}};
    try (Db.Store store = db.newStore(tmp); Catalog catalog = store.openCatalog()) {
      JobRunner runner = JobRunner.create(catalog);
      int run = 0;
      for (int[] delivery : deliveries) {
        List<String> names = new ArrayList<>();
        for (int m : delivery) {
          names.add(deliverFlights(landing, m).getFileName().toString());
        }
        assertThat(runner.dryRun(job).reads()).extracting(PlannedInput::input).containsExactlyElementsOf(names);
        RunRecord r = runner.run(job);
        run++;
        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(r.run()).isEqualTo(run);
        assertThat(r.inputsRead()).isEqualTo(delivery.length);
        assertThat(r.rowsBad()).isZero();
        assertTableEquals(catalog, id, FLIGHT_COLUMNS, sources(landing));
        for (RunInput in : Jobs.history(catalog).inputs("flights-parquet", run)) {
          assertThat(in.bytes()).isEqualTo(Files.size(landing.resolve(in.input())));
          assertThat(List.of(Long.toString(in.rows()))).isEqualTo(Duck.query("SELECT count(*) FROM read_parquet("
              + Duck.literal(landing.resolve(in.input()).toString()) + ")"));
        }
      }
      Duck.assertCatalogMatchesDisk(catalog, id, root);
      Bookmark b = Jobs.bookmarks(catalog).show("flights-parquet");
      assertThat(b.files()).hasSize(6).allSatisfy(f -> {
        assertThat(f.contentHash()).isPresent();
        assertThat(f.size()).isEqualTo(Files.size(landing.resolve(f.path())));
      });
      assertThat(runner.run(job).inputsRead()).isZero();

      // Touched without a change: skipped by its hash. Rewritten with other rows: ignored by default.
      Path january = landing.resolve("flights-2001-01.parquet");
      Files.setLastModifiedTime(january, FileTime.fromMillis(Files.getLastModifiedTime(january).toMillis() + 5000));
      assertThat(runner.dryRun(job).inputs()).singleElement()
          .satisfies(p -> assertThat(p.action()).isEqualTo(PlannedInput.Action.SKIP_SAME_CONTENT));
      assertThat(runner.run(job).inputsRead()).isZero();
      long before = Long.parseLong(Duck.table(catalog, id, "count(*)").get(0));
      Duck.execute("COPY (SELECT * FROM read_parquet(" + Duck.literal(january.toString()) + ") LIMIT 100) TO "
          + Duck.literal(tmp.resolve("jan-100.parquet").toString()) + " (FORMAT parquet)");
      Files.move(tmp.resolve("jan-100.parquet"), january, StandardCopyOption.REPLACE_EXISTING);
      assertThat(runner.run(job).inputsRead()).isZero();
      assertThat(Duck.table(catalog, id, "count(*)")).containsExactly(Long.toString(before));
      RunRecord again = runner.run(flightsJob("flights-parquet", id, landing, root,
          s -> s.contentHash(true).changedFiles(ChangedFilePolicy.REPROCESS)));
      assertThat(again.inputsRead()).isEqualTo(1);
      assertThat(again.rowsOut()).isEqualTo(100);
      assertThat(Duck.table(catalog, id, "count(*)")).containsExactly(Long.toString(before + 100L));
    }
  }

  @Test
  void columnsMapByNameAndConvertWhenTheirTypesDiffer() throws Exception {
    // ID in the file fills id; FLOAT widens to double, SMALLINT narrows to int8 where it fits, BIGINT and INTEGER
    // become decimals, text becomes int32, a DATE a timestamp, unannotated bytes (a BLOB) UTF-8 text.
    Path landing = Files.createDirectories(tmp.resolve("typed"));
    Duck.execute("COPY (SELECT i::INTEGER AS ID, (i * 1.5)::FLOAT AS amount, i::SMALLINT AS small, (i % 7)::BIGINT"
        + " AS bucket, (i * 100)::INTEGER AS cents, CAST(i AS VARCHAR) AS code, [i, i] AS nested, 'x' || i AS extra,"
        + " DATE '2020-01-01' + i::INTEGER AS day, encode('été ' || i) AS label FROM range(1, 401) t(i)) TO "
        + Duck.literal(landing.resolve("a.parquet").toString()) + " (FORMAT parquet)");
    Duck.execute("COPY (SELECT 1000 + i AS id, 2.5::DOUBLE AS amount FROM range(3) t(i)) TO "
        + Duck.literal(landing.resolve("b.parquet").toString()) + " (FORMAT parquet)");
    Schema schema = Schema.builder().required("id", DataType.int64()).optional("amount", DataType.float64())
        .optional("small", DataType.int8()).optional("bucket", DataType.decimal(5, 1))
        .optional("cents", DataType.decimal(12, 2)).optional("code", DataType.int32())
        .optional("day", DataType.timestamp()).optional("absent", DataType.string())
        .optional("label", DataType.string()).build();
    TableId id = TableId.of("typed");
    IngestJob job = IngestJob.builder("typed", id, tmp.resolve("typed-table"))
        .source(FileSource.parquet("in", landing, schema).build())
        .writeOptions(WriteOptions.builder(schema, ParquetFormat.builder().build()).build())
        .maxBadRows(1000).build();
    try (Catalog catalog = Db.SQLITE.newStore(tmp).openCatalog()) {
      RunRecord r = JobRunner.create(catalog).run(job);
      assertThat(r.rowsIn()).isEqualTo(403);
      // small holds 1..400 as SMALLINT; int8 keeps 1..127, the other 273 rows are bad records
      assertThat(r.rowsBad()).isEqualTo(273);
      assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).contains("column 'small'")
          .contains("128 is out of the range of int8"));
      assertThat(Duck.table(catalog, id, "id, amount, small, bucket, cents, code, day, absent, label")).isEqualTo(
          Duck.query("SELECT ID, amount::DOUBLE, small, bucket::DECIMAL(5,1), cents::DECIMAL(12,2), code::INTEGER,"
              + " day::TIMESTAMP, NULL, decode(label) FROM read_parquet(" + Duck.literal(landing.resolve("a.parquet")
              .toString()) + ") WHERE small <= 127 UNION ALL SELECT id, amount, NULL, NULL, NULL, NULL, NULL, NULL,"
              + " NULL FROM"
              + " read_parquet(" + Duck.literal(landing.resolve("b.parquet").toString()) + ")"));
    }
  }

  @Test
  void aNestedColumnInTheSchemaFailsTheRunNamingFileAndColumn() throws Exception {
    Path landing = Files.createDirectories(tmp.resolve("nested"));
    Duck.execute("COPY (SELECT i AS id, [i] AS tags FROM range(5) t(i)) TO "
        + Duck.literal(landing.resolve("n.parquet").toString()) + " (FORMAT parquet)");
    Schema schema = Schema.builder().optional("id", DataType.int64()).optional("tags", DataType.string()).build();
    IngestJob job = IngestJob.builder("nested", TableId.of("nested"), tmp.resolve("nested-table"))
        .source(FileSource.parquet("in", landing, schema).build())
        .writeOptions(WriteOptions.builder(schema, ParquetFormat.builder().build()).build()).build();
    try (Catalog catalog = Db.SQLITE.newStore(tmp).openCatalog()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobRunner.create(catalog).run(job))
          .isInstanceOf(JobRunException.class).hasMessageContaining("n.parquet").hasMessageContaining("column 'tags'")
          .hasMessageContaining("nested list").hasMessageContaining("leave the column out of the source schema");
      assertThat(Jobs.bookmarks(catalog).show("nested").files()).isEmpty();
    }
  }
}
