package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.ChangedFilePolicy;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.transform.RowTransform;
import dev.partita.jobs.transform.RowTransforms;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.write.WriteOptions;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File source policies, bad records, JSON Lines with a transform, and the bookmark operations. */
class FilePoliciesTest {
  private static final TableId TABLE = TableId.of("weather");

  @TempDir Path tmp;
  private Path landing;
  private Path root;

  @BeforeEach
  void dirs() {
    landing = tmp.resolve("landing");
    root = tmp.resolve("table");
  }

  private Catalog catalog() {
    return Catalogs.openSqlite(tmp.resolve("catalog.db"));
  }

  @Test
  void changedFilesAreIgnoredOrReadAgainAndTouchedFilesWithTheSameContentAreNot() throws Exception {
    Weather.deliver(landing, 0, 3);
    Path feb = landing.resolve("weather-2012-02.csv");
    try (Catalog catalog = catalog()) {
      JobRunner runner = JobRunner.create(catalog);
      IngestJob ignore = Weather.job("w", TABLE, landing, root, b -> b.contentHash(true));
      runner.run(ignore);
      String hash = Jobs.bookmarks(catalog).show("w").files().stream().filter(f -> f.path().endsWith("02.csv"))
          .findFirst().orElseThrow().contentHash().orElseThrow();
      assertThat(hash).hasSize(64);

      // Touched, same bytes: not read again.
      Files.setLastModifiedTime(feb, FileTime.from(Instant.now().plusSeconds(5)));
      assertThat(runner.dryRun(ignore).inputs()).singleElement()
          .satisfies(p -> assertThat(p.action()).isEqualTo(PlannedInput.Action.SKIP_SAME_CONTENT));
      assertThat(runner.run(ignore).inputsRead()).isZero();

      // Changed content: ignored by default, read again under REPROCESS.
      List<String> lines = Files.readAllLines(feb);
      Files.write(feb, lines.subList(0, 11));
      assertThat(runner.dryRun(ignore).inputs()).singleElement().satisfies(p -> {
        assertThat(p.action()).isEqualTo(PlannedInput.Action.SKIP_CHANGED);
        assertThat(p.detail()).contains("changed since run 1");
      });
      assertThat(runner.run(ignore).inputsRead()).isZero();
      assertThat(Duck.table(catalog, TABLE, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 3));

      IngestJob reprocess = Weather.job("w", TABLE, landing, root,
          b -> b.contentHash(true).changedFiles(ChangedFilePolicy.REPROCESS));
      RunRecord r = runner.run(reprocess);
      assertThat(r.inputsRead()).isEqualTo(1);
      assertThat(r.rowsIn()).isEqualTo(10);
      // The earlier rows of the file stay (jobs append): February's first ten days are now there twice.
      List<String> expected = new java.util.ArrayList<>(Weather.expected(0, 3));
      expected.addAll(Duck.query("SELECT " + Weather.COLUMNS + " FROM read_csv(" + Duck.literal(feb.toString())
          + ", header = true, columns = " + Weather.CSV_TYPES + ")"));
      java.util.Collections.sort(expected);
      assertThat(Duck.table(catalog, TABLE, Weather.COLUMNS)).isEqualTo(expected);
      assertThat(Jobs.bookmarks(catalog).show("w").files()).filteredOn(f -> f.path().endsWith("02.csv"))
          .singleElement().satisfies(f -> {
            assertThat(f.run()).isEqualTo(4);
            assertThat(f.size()).isEqualTo(Files.size(feb));
            assertThat(f.contentHash()).isPresent().isNotEqualTo(java.util.Optional.of(hash));
          });
    }
  }

  @Test
  void unsettledFilesWaitAndMaxFilesPerRunBoundsARun() throws Exception {
    Weather.deliver(landing, 0, 5);
    Files.writeString(landing.resolve("_incoming.csv"), "not,a,weather,file\n");
    Files.createDirectories(landing.resolve(".hidden"));
    Files.writeString(landing.resolve(".hidden/x.csv"), "nope\n");
    Files.writeString(landing.resolve("notes.txt"), "not matched by *.csv\n");
    try (Catalog catalog = catalog()) {
      IngestJob job = Weather.job("w", TABLE, landing, root,
          b -> b.settleTime(Duration.ofMinutes(10)).maxFilesPerRun(2));
      Instant written = Files.getLastModifiedTime(landing.resolve("weather-2012-01.csv")).toInstant();
      JobRunner early = JobRunner.create(catalog, RunnerOptions.builder()
          .clock(Clock.fixed(written.plus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC)).build());
      assertThat(early.dryRun(job).inputs()).hasSize(5)
          .allSatisfy(p -> assertThat(p.action()).isEqualTo(PlannedInput.Action.SKIP_UNSETTLED));
      assertThat(early.run(job).inputsRead()).isZero();

      JobRunner later = JobRunner.create(catalog, RunnerOptions.builder()
          .clock(Clock.fixed(written.plus(Duration.ofMinutes(11)), java.time.ZoneOffset.UTC)).build());
      assertThat(later.dryRun(job).inputs()).extracting(PlannedInput::action).containsExactly(
          PlannedInput.Action.READ_NEW, PlannedInput.Action.READ_NEW, PlannedInput.Action.SKIP_LIMIT,
          PlannedInput.Action.SKIP_LIMIT, PlannedInput.Action.SKIP_LIMIT);
      assertThat(List.of(later.run(job).inputsRead(), later.run(job).inputsRead(), later.run(job).inputsRead(),
          later.run(job).inputsRead())).containsExactly(2L, 2L, 1L, 0L);
      assertThat(Duck.table(catalog, TABLE, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 5));
    }
  }

  @Test
  void badRecordsFailTheRunUnlessAllowedAndAreReported() throws Exception {
    Weather.deliver(landing, 0, 2);
    String broken = "date,precipitation,temp_max,temp_min,wind,weather\n"
        + "2012-03-01,0.0,10.0,5.0,4.0,sun\n"
        + "2012-03-02,lots,10.0,5.0,4.0,rain\n"
        + "2012-03-03,1.0,10.0\n"
        + ",1.0,10.0,5.0,4.0,rain\n"
        + "2012-03-05,\"2.5\",11.0,6.0,3.0,\"fog, thick\"\n";
    Files.writeString(landing.resolve("weather-2012-03.csv"), broken);
    try (Catalog catalog = catalog()) {
      JobRunner runner = JobRunner.create(catalog);
      IngestJob strict = Weather.job("w", TABLE, landing, root);
      assertThatThrownBy(() -> runner.run(strict)).isInstanceOf(JobRunException.class)
          .hasMessageContaining("more than maxBadRows (0) bad records")
          .hasMessageContaining("weather-2012-03.csv: row 3, column 'precipitation': cannot read 'lots' as double");
      RunRecord failed = Jobs.history(catalog).run("w", 1).orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(Jobs.bookmarks(catalog).show("w").files()).isEmpty();
      assertThat(catalog.tables().find(TABLE)).isEmpty();

      IngestJob lenient = IngestJob.builder("w", TABLE, root)
          .source(FileSource.csv("landing", landing, Weather.SCHEMA).glob("*.csv").build())
          .writeOptions(Weather.options()).maxBadRows(3).build();
      RunRecord r = runner.run(lenient);
      assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(r.rowsBad()).isEqualTo(3);
      assertThat(r.rowsOut()).isEqualTo(Weather.expected(0, 2).size() + 2);
      assertThat(r.message()).hasValueSatisfying(m -> assertThat(m)
          .contains("row 3, column 'precipitation'")
          .contains("row 4, column '(record)': has 3 fields, expected 6")
          .contains("row 5, column 'date': null in required column"));
      assertThat(Duck.table(catalog, TABLE, "date, precipitation, weather")).contains("2012-03-05|2.5|fog, thick",
          "2012-03-01|0.0|sun");
    }
  }

  @Test
  void jsonLinesThroughAFilterAndADerivedColumn() throws Exception {
    Files.createDirectories(landing);
    JsonFactory json = new JsonFactory();
    List<String> months = Weather.monthNames();
    for (int i = 0; i < 6; i++) {
      StringWriter w = new StringWriter();
      for (String line : Weather.months().get(months.get(i))) {
        String[] f = line.split(",", -1);
        try (JsonGenerator g = json.createGenerator(w)) {
          g.writeStartObject();
          g.writeStringField("date", f[0]);
          g.writeNumberField("precipitation", Double.parseDouble(f[1]));
          g.writeNumberField("temp_max", Double.parseDouble(f[2]));
          g.writeNumberField("temp_min", Double.parseDouble(f[3]));
          g.writeStringField("wind", f[4]);
          g.writeStringField("weather", f[5]);
          g.writeStringField("ignored", "x");
          g.writeEndObject();
        }
        w.write('\n');
      }
      Path file = landing.resolve("w-" + months.get(i) + ".jsonl" + (i % 2 == 0 ? ".gz" : ""));
      byte[] bytes = w.toString().getBytes(StandardCharsets.UTF_8);
      if (i % 2 == 0) {
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
          gz.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
    }
    RowTransform t = RowTransforms.chain(
        RowTransforms.filter(Weather.SCHEMA, r -> !r.getString(5).equals("sun")),
        RowTransforms.derive(Weather.SCHEMA, Column.optional("temp_range", DataType.float64()), (in, out, i) -> {
          if (in.isNull(2) || in.isNull(3)) {
            out.setNull(i);
          } else {
            out.setDouble(i, in.getDouble(2) - in.getDouble(3));
          }
        }));
    WriteOptions options = WriteOptions.builder(t.outputSchema(), ParquetFormat.builder().build())
        .partitionBy(PartitionSpec.builder(t.outputSchema()).identity("weather").build()).build();
    IngestJob job = IngestJob.builder("json", TABLE, root)
        .source(FileSource.jsonLines("landing", landing, Weather.SCHEMA).glob("*.jsonl*").build())
        .transform(t).writeOptions(options).build();
    try (Catalog catalog = catalog()) {
      RunRecord r = JobRunner.create(catalog).run(job);
      List<String> expected = Duck.query("SELECT " + Weather.COLUMNS + ", temp_max - temp_min FROM read_csv("
          + Duck.literal(Weather.csv().toString()) + ", header = true, columns = " + Weather.CSV_TYPES + ")"
          + " WHERE weather <> 'sun' AND date < DATE '2012-07-01'");
      assertThat(r.rowsOut()).isEqualTo(expected.size());
      assertThat(r.rowsIn()).isEqualTo(Weather.expected(0, 6).size());
      assertThat(r.rowsFiltered()).isEqualTo(r.rowsIn() - expected.size());
      assertThat(Duck.table(catalog, TABLE, Weather.COLUMNS + ", temp_range")).isEqualTo(expected);
      assertThat(r.partitions()).doesNotContain("weather=sun").contains("weather=rain");
    }
  }

  @Test
  void pauseResumeRewindAndReset() throws Exception {
    try (Catalog catalog = catalog()) {
      JobRunner runner = JobRunner.create(catalog);
      IngestJob job = Weather.job("w", TABLE, landing, root);
      Bookmarks bookmarks = Jobs.bookmarks(catalog);
      for (int batch = 0; batch < 3; batch++) {
        Weather.deliver(landing, batch * 2, batch * 2 + 2);
        runner.run(job);
      }
      assertThat(bookmarks.show("w").files()).extracting(FileMark::run).containsExactly(1L, 1L, 2L, 2L, 3L, 3L);

      assertThat(bookmarks.pause("w", "source outage")).isTrue();
      assertThat(bookmarks.pause("w", "again")).isFalse();
      Weather.deliver(landing, 6, 7);
      assertThat(runner.dryRun(job).notes()).anyMatch(n -> n.contains("paused") && n.contains("source outage"));
      RunRecord skipped = runner.run(job);
      assertThat(skipped.status()).isEqualTo(RunStatus.SKIPPED);
      assertThat(skipped.message()).hasValueSatisfying(m -> assertThat(m).contains("source outage"));
      assertThat(bookmarks.show("w").paused()).isTrue();
      assertThat(bookmarks.resume("w")).isTrue();
      assertThat(runner.run(job).inputsRead()).isEqualTo(1);
      assertThat(Duck.table(catalog, TABLE, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 7));

      // Back to after run 1: runs 2..5 read again what they read (their rows stay in the table).
      assertThat(bookmarks.rewind("w", 1)).isEqualTo(5);
      assertThat(bookmarks.show("w").files()).hasSize(2);
      assertThat(runner.dryRun(job).reads()).hasSize(5);
      assertThatThrownBy(() -> bookmarks.rewind("w", 42)).isInstanceOf(JobException.class)
          .hasMessageContaining("no run 42");
      assertThat(bookmarks.reset("w")).isEqualTo(2);
      assertThat(bookmarks.show("w").files()).isEmpty();
      assertThat(bookmarks.show("w").lastRun()).isZero();
      assertThat(runner.dryRun(job).reads()).hasSize(7);
      assertThatThrownBy(() -> bookmarks.show("nope")).isInstanceOf(JobException.class)
          .hasMessageContaining("no job named 'nope'");
    }
  }
}
