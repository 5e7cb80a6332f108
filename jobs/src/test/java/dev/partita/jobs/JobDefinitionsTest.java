package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.source.Source;
import dev.partita.jobs.source.SourceDefinitions;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stored job definitions: a run stores what the job reads (a new version only when that changes), a job is rebuilt
 * by name from its definition and its catalog table and run over new arrivals, and no password is ever stored.
 */
class JobDefinitionsTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Db.class)
  void runsStoreTheDefinitionAndTheJobIsRebuiltByName(Db db) throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("tables/weather");
    TableId id = TableId.of("weather", "daily");
    try (Db.Store store = db.newStore(tmp); Catalog catalog = store.openCatalog()) {
      JobRunner runner = JobRunner.create(catalog);
      JobDefinitions definitions = Jobs.definitions(catalog);
      IngestJob job = Weather.job("w", id, landing, root, b -> b.contentHash(true));
      assertThat(definitions.current("w")).isEmpty();
      Weather.deliver(landing, 0, 2);
      runner.dryRun(job);
      assertThat(definitions.current("w")).as("a dry run stores nothing").isEmpty();
      runner.run(job);
      JobDefinition v1 = definitions.current("w").orElseThrow();
      assertThat(v1.version()).isEqualTo(1);
      assertThat(v1.sinceRun()).isEqualTo(1);
      assertThat(v1.table()).isEqualTo(id);
      assertThat(v1.sources()).containsExactly("landing");
      assertThat(v1.options()).containsEntry("table", "weather.daily")
          .containsEntry("location", root.toAbsolutePath().normalize().toString())
          .containsEntry("source.landing.kind", "files")
          .containsEntry("source.landing.directory", landing.toAbsolutePath().normalize().toString())
          .containsEntry("source.landing.glob", "*.csv").containsEntry("source.landing.format", "csv")
          .containsEntry("source.landing.content-hash", "true").containsEntry("source.landing.delimiter", ",")
          .containsEntry("source.landing.header", "true").containsEntry("source.landing.changed-files", "ignore");
      assertThat(v1.differences(Map.of("source.landing.glob", "*.csv", "table", "weather.daily"))).isEmpty();
      assertThat(v1.differences(Map.of("source.landing.glob", "*.txt", "source.landing.other", "x")))
          .containsExactlyInAnyOrder(
              new JobDefinition.Difference("source.landing.glob", Optional.of("*.csv"), "*.txt"),
              new JobDefinition.Difference("source.landing.other", Optional.empty(), "x"));

      runner.run(job);
      assertThat(definitions.versions("w")).hasSize(1);

      // Rebuilt by name alone, the job reads only what arrived since.
      Weather.deliver(landing, 2, 5);
      IngestJob rebuilt = definitions.job("w");
      assertThat(JobDefinition.optionsOf(rebuilt)).isEqualTo(v1.options());
      RunRecord r3 = runner.run(rebuilt);
      assertThat(r3.inputsRead()).isEqualTo(3);
      assertThat(Duck.table(catalog, id, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 5));
      assertThat(definitions.versions("w")).hasSize(1);

      // A changed job stores version 2, used from run 4 on; the history keeps every run.
      runner.run(Weather.job("w", id, landing, root, b -> b.contentHash(true).glob("weather-2012-*.csv")));
      List<JobDefinition> versions = definitions.versions("w");
      assertThat(versions).extracting(JobDefinition::version).containsExactly(2L, 1L);
      assertThat(versions.get(0).sinceRun()).isEqualTo(4);
      assertThat(versions.get(0).options()).containsEntry("source.landing.glob", "weather-2012-*.csv");
      assertThat(Jobs.history(catalog).runs("w")).hasSize(4);
      assertThat(definitions.job("w").sources().get(0)).isInstanceOfSatisfying(FileSource.class,
          f -> assertThat(f.glob()).isEqualTo("weather-2012-*.csv"));
    }
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aJdbcPasswordIsNeverStoredAndMustBeGivenAgain(Db db) throws Exception {
    try (Db.Store catalogDb = db.newStore(tmp); Catalog catalog = catalogDb.openCatalog()) {
      String secret = "hunter2-" + db;
      String source = dev.partita.catalog.CatalogOptions.sqliteUrl(tmp.resolve("source-" + db + ".db"));
      TableId id = TableId.of("shop", "airports");
      IngestJob job = Airports.job("a", id, source + "?password=" + secret, tmp.resolve("airports-" + db),
          b -> b.property("user", "loader").property("password", secret));
      try (Connection src = java.sql.DriverManager.getConnection(source)) {
        Airports.create(src);
        Airports.insert(src, 0, 100);
        JobRunner.create(catalog).run(job);
        JobDefinition d = Jobs.definitions(catalog).current("a").orElseThrow();
        assertThat(d.options()).containsEntry("source.airports.url", source)
            .containsEntry("source.airports.property.user", "loader")
            .containsEntry("source.airports.password", SourceDefinitions.NOT_STORED)
            .containsEntry("source.airports.bookmark-keys", "id")
            .containsEntry("source.airports.query", "SELECT * FROM airports");
        try (Connection c = catalogDb.connect(); Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT options FROM partita_job_definitions")) {
          List<String> stored = new ArrayList<>();
          while (r.next()) {
            stored.add(r.getString(1));
          }
          assertThat(stored).hasSize(1).noneMatch(o -> o.contains(secret));
        }
        assertThatThrownBy(() -> Jobs.definitions(catalog).job("a")).isInstanceOf(JobException.class)
            .hasMessageContaining("connects with a password, which is never stored");
        Airports.insert(src, 100, 250);
        IngestJob rebuilt = Jobs.definitions(catalog).job("a", Map.of("airports",
            Map.of(SourceDefinitions.PASSWORD, secret)));
        RunRecord r2 = JobRunner.create(catalog).run(rebuilt);
        assertThat(r2.rowsOut()).isEqualTo(150);
        assertThat(Duck.table(catalog, id, Airports.COLUMNS)).isEqualTo(Airports.expected(src, 0, 250));
        assertThat(Jobs.definitions(catalog).versions("a")).hasSize(1);
      }
    }
  }

  @Test
  void credentialsAreStrippedFromJdbcUrls() {
    assertThat(SourceDefinitions.withoutCredentials("jdbc:postgresql://h/db?user=u&password=p"))
        .isEqualTo("jdbc:postgresql://h/db?user=u");
    assertThat(SourceDefinitions.withoutCredentials("jdbc:postgresql://h/db?password=p&user=u&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&ssl=true");
    assertThat(SourceDefinitions.withoutCredentials("jdbc:sqlserver://h:1433;user=u;Password=p;databaseName=x"))
        .isEqualTo("jdbc:sqlserver://h:1433;user=u;databaseName=x");
    assertThat(SourceDefinitions.withoutCredentials("jdbc:mysql://u:p%40ss@h:3306/db?pwd=x"))
        .isEqualTo("jdbc:mysql://u@h:3306/db");
    assertThat(SourceDefinitions.withoutCredentials("jdbc:sqlite:/data/x.db")).isEqualTo("jdbc:sqlite:/data/x.db");
  }

  @Test
  void sourceOptionsRoundTrip() {
    Schema schema = Weather.SCHEMA;
    FileSource csv = FileSource.csv("in", tmp, schema).glob("**.csv").delimiter(';').quote('\'').header(false)
        .nullValue("NA").changedFiles(dev.partita.jobs.source.ChangedFilePolicy.REPROCESS).contentHash(true)
        .settleTime(java.time.Duration.ofSeconds(90)).maxFilesPerRun(7).build();
    Map<String, String> options = SourceDefinitions.options(csv);
    assertThat(SourceDefinitions.options(SourceDefinitions.source("in", options, schema, Map.of())))
        .isEqualTo(options);
    FileSource parquet = FileSource.parquet("p", tmp, schema).build();
    assertThat(SourceDefinitions.options(parquet)).doesNotContainKey("delimiter").containsEntry("format", "parquet");
    assertThat(SourceDefinitions.source("p", Map.of("directory", tmp.toString(), "glob", "*.parquet"), schema,
        Map.of())).isInstanceOfSatisfying(FileSource.class,
            f -> assertThat(f.format()).isEqualTo(FileSource.Format.PARQUET));
    assertThatThrownBy(() -> SourceDefinitions.source("x", Map.of("directory", "/d", "changed-files", "often"),
        schema, Map.of())).hasMessageContaining("option changed-files of source 'x' must be ignore or reprocess");
  }

  /** The CSV options keep the stored form definitions were written in before FileSource held a CsvOptions. */
  @Test
  void csvOptionsKeepTheirStoredForm() {
    Map<String, String> stored = new java.util.LinkedHashMap<>();
    stored.put("kind", "files");
    stored.put("directory", tmp.toAbsolutePath().normalize().toString());
    stored.put("glob", "*.csv");
    stored.put("format", "csv");
    stored.put("changed-files", "ignore");
    stored.put("content-hash", "false");
    stored.put("settle-time", "PT0S");
    stored.put("max-files-per-run", "unlimited");
    stored.put("delimiter", "|");
    stored.put("quote", "'");
    stored.put("header", "false");
    stored.put("null-value", "NA");
    Source source = SourceDefinitions.source("in", stored, Weather.SCHEMA, Map.of());
    CsvOptions expected = CsvOptions.builder().delimiter('|').quote('\'').header(false).nullValue("NA").build();
    assertThat(source).isInstanceOfSatisfying(FileSource.class,
        f -> assertThat(f.csvOptions()).isEqualTo(expected));
    assertThat(SourceDefinitions.options(source)).containsExactlyEntriesOf(stored);
    assertThat(SourceDefinitions.csvOptions("in", stored)).isEqualTo(expected);
    assertThat(SourceDefinitions.csvOptions("in", Map.of("directory", "/d"))).isEqualTo(CsvOptions.DEFAULT);

    assertThatThrownBy(() -> SourceDefinitions.csvOptions("in", Map.of("delimiter", "ab")))
        .hasMessage("option delimiter of source 'in' must be one character, got 'ab'");
    assertThatThrownBy(() -> SourceDefinitions.csvOptions("in", Map.of("header", "maybe")))
        .hasMessage("option header of source 'in' must be true or false, got 'maybe'");
    assertThatThrownBy(() -> SourceDefinitions.source("in", Map.of("directory", "/d", "delimiter", ";", "quote", ";"),
        Weather.SCHEMA, Map.of())).hasMessage("source 'in': csv delimiter and quote must differ, both are ';'");
  }
}
