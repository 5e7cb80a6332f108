package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.jobs.source.LateRowPolicy;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * JDBC sources in SQLite and PostgreSQL (the catalog in the same kind of database): rows arriving between runs
 * are read once, by the bookmark key; late rows and null keys are reported; row limits never split a key.
 */
class JdbcJobTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Db.class)
  void rowsArrivingBetweenRunsAreReadOnceByKey(Db db) throws Exception {
    TableId id = TableId.of("geo", "airports");
    try (Db.Store source = db.newStore(tmp); Db.Store store = db.newStore(tmp); Connection src = source.connect();
        Catalog catalog = store.openCatalog()) {
      Airports.create(src);
      Airports.insert(src, 0, 1000);
      IngestJob job = Airports.job("airports-load", id, source.url(), tmp.resolve("airports"), b -> b);
      JobRunner runner = JobRunner.create(catalog);

      RunRecord r1 = runner.run(job);
      assertThat(r1.rowsIn()).isEqualTo(1000);
      assertThat(r1.rowsOut()).isEqualTo(1000);
      assertThat(r1.inputsRead()).isEqualTo(1);
      assertThat(Jobs.bookmarks(catalog).show("airports-load").keys()).singleElement().satisfies(k -> {
        assertThat(k.columns()).containsExactly("id");
        assertThat(k.values()).containsExactly("1000");
        assertThat(k.rowsCovered()).isEqualTo(1000);
        assertThat(k.run()).isEqualTo(1);
      });

      Airports.insert(src, 1000, 2500);
      DryRun plan = runner.dryRun(job);
      assertThat(plan.reads()).singleElement().satisfies(p -> {
        assertThat(p.action()).isEqualTo(PlannedInput.Action.READ_ROWS);
        assertThat(p.size()).isEqualTo(1500);
        assertThat(p.input()).contains("ORDER BY").contains("> [1000]");
      });
      RunRecord r2 = runner.run(job);
      assertThat(r2.rowsIn()).isEqualTo(1500);
      assertThat(Jobs.history(catalog).inputs("airports-load", 2)).singleElement().satisfies(in -> {
        assertThat(in.input()).isEqualTo("keys [id] > [1000] <= [2500]");
        assertThat(in.rows()).isEqualTo(1500);
      });

      RunRecord r3 = runner.run(job);
      assertThat(r3.rowsIn()).isZero();
      assertThat(r3.message()).hasValueSatisfying(m -> assertThat(m).contains("nothing new"));

      Airports.insert(src, 2500, Airports.records().size());
      RunRecord r4 = runner.run(job);
      assertThat(r4.rowsIn()).isEqualTo(Airports.records().size() - 2500);
      List<String> expected = Airports.expected(src, 0, Long.MAX_VALUE);
      assertThat(expected).hasSize(3376);
      assertThat(Duck.table(catalog, id, Airports.COLUMNS)).isEqualTo(expected);
      Duck.assertCatalogMatchesDisk(catalog, id, tmp.resolve("airports"));
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rowsArrivingBelowTheBookmarkAreReportedOrFailTheRun(Db db) throws Exception {
    TableId id = TableId.of("airports");
    try (Db.Store source = db.newStore(tmp); Db.Store store = db.newStore(tmp); Connection src = source.connect();
        Catalog catalog = store.openCatalog()) {
      Airports.create(src);
      Airports.insert(src, 0, 100);
      Airports.insert(src, 200, 300);
      JobRunner runner = JobRunner.create(catalog);
      IngestJob job = Airports.job("late", id, source.url(), tmp.resolve("t"), b -> b);
      assertThat(runner.run(job).rowsIn()).isEqualTo(200);

      // ids 101..150 commit after the bookmark reached 300: they can never be read incrementally.
      Airports.insert(src, 100, 150);
      Airports.insert(src, 300, 310);
      assertThat(runner.dryRun(job).reads()).singleElement()
          .satisfies(p -> assertThat(p.detail()).contains("50 late rows"));
      RunRecord r2 = runner.run(job);
      assertThat(r2.rowsIn()).isEqualTo(10);
      assertThat(r2.rowsLate()).isEqualTo(50);
      assertThat(r2.message()).hasValueSatisfying(m -> assertThat(m).contains("50 rows have bookmark keys [id] at or"
          + " below the bookmark [300]").contains("keys must increase"));
      String loaded = "SELECT " + Airports.COLUMNS + " FROM airports WHERE id <= 100 OR id > 200";
      assertThat(Duck.table(catalog, id, Airports.COLUMNS)).isEqualTo(Duck.rows(src, loaded));
      assertThat(Jobs.bookmarks(catalog).show("late").keys()).singleElement().satisfies(k -> {
        assertThat(k.values()).containsExactly("310");
        assertThat(k.rowsCovered()).isEqualTo(260);
      });

      IngestJob strict = Airports.job("late", id, source.url(), tmp.resolve("t"),
          b -> b.lateRows(LateRowPolicy.FAIL));
      Airports.insert(src, 150, 160);
      Airports.insert(src, 310, 320);
      assertThatThrownBy(() -> runner.run(strict)).isInstanceOf(JobRunException.class)
          .hasMessageContaining("10 rows have bookmark keys [id] at or below the bookmark [310]")
          .hasMessageContaining("the late row policy is FAIL");
      assertThat(Duck.table(catalog, id, Airports.COLUMNS)).isEqualTo(Duck.rows(src, loaded + " AND id <= 310"));
      assertThat(Jobs.bookmarks(catalog).show("late").keys().get(0).values()).containsExactly("310");
      assertThat(Jobs.history(catalog).run("late", 3).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }
  }

  /** Events keyed by (day, seq): 5 days of 7 events, with one event whose day is null. */
  private static void events(Connection c, Db db) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE events (day " + (db == Db.POSTGRESQL ? "DATE" : "TEXT") + ", seq INTEGER,"
          + " payload TEXT)");
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
      for (int d = 0; d < 5; d++) {
        for (int q = 1; q <= 7; q++) {
          LocalDate day = LocalDate.of(2024, 2, 27).plusDays(d);
          if (db == Db.POSTGRESQL) {
            p.setObject(1, day);
          } else {
            p.setString(1, day.toString());
          }
          p.setInt(2, q);
          p.setString(3, "event " + day + " #" + q + " it's \"quoted\"; 100%");
          p.addBatch();
        }
      }
      p.setNull(1, java.sql.Types.DATE);
      p.setInt(2, 1);
      p.setString(3, "no day");
      p.addBatch();
      p.executeBatch();
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void rowLimitsNeverSplitAKeyAndNullKeysAreReported(Db db) throws Exception {
    Schema schema = Schema.builder().optional("day", DataType.date()).optional("seq", DataType.int32())
        .optional("payload", DataType.string()).build();
    WriteOptions options = WriteOptions.builder(schema, ParquetFormat.builder().build())
        .partitionBy(PartitionSpec.builder(schema).identity("day").build()).build();
    try (Db.Store source = db.newStore(tmp); Db.Store store = db.newStore(tmp); Connection src = source.connect();
        Catalog catalog = store.openCatalog()) {
      events(src, db);
      JobRunner runner = JobRunner.create(catalog);
      String query = "SELECT day, seq, payload FROM events WHERE payload <> 'ignored'";
      IngestJob byDay = IngestJob.builder("by-day", TableId.of("by_day"), tmp.resolve("by_day"))
          .source(JdbcSource.query("events", source.url(), query, schema).bookmarkKeys("day").maxRowsPerRun(10)
              .build())
          .writeOptions(options).build();
      IngestJob byDaySeq = IngestJob.builder("by-day-seq", TableId.of("by_day_seq"), tmp.resolve("by_day_seq"))
          .source(JdbcSource.query("events", source.url(), query, schema).bookmarkKeys("day", "seq")
              .maxRowsPerRun(10).build())
          .writeOptions(options).build();
      List<Long> dayRuns = new ArrayList<>();
      List<Long> daySeqRuns = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        dayRuns.add(runner.run(byDay).rowsIn());
        daySeqRuns.add(runner.run(byDaySeq).rowsIn());
      }
      // A run stops after 10 rows at the next change of key: whole days with key (day), exactly 10 with (day, seq).
      assertThat(dayRuns).containsExactly(14L, 14L, 7L, 0L, 0L);
      assertThat(daySeqRuns).containsExactly(10L, 10L, 10L, 5L, 0L);
      assertThat(Jobs.history(catalog).run("by-day", 1).orElseThrow().message())
          .hasValueSatisfying(m -> assertThat(m).contains("1 rows have a null bookmark key and are never read"));
      assertThat(Jobs.bookmarks(catalog).show("by-day-seq").keys().get(0).values()).containsExactly("2024-03-02", "7");
      String expected = "SELECT day, seq, payload FROM events WHERE day IS NOT NULL";
      assertThat(Duck.table(catalog, TableId.of("by_day"), "day, seq, payload")).isEqualTo(Duck.rows(src, expected));
      assertThat(Duck.table(catalog, TableId.of("by_day_seq"), "day, seq, payload"))
          .isEqualTo(Duck.rows(src, expected));
    }
  }
}
