package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A file job run over monthly weather files arriving in batches: each file is loaded exactly once. */
class FileJobTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Db.class)
  void runsOverArrivingFilesLoadEveryFileExactlyOnce(Db db) throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("tables/weather");
    TableId id = TableId.of("weather", "daily");
    try (Db.Store store = db.newStore(tmp); Catalog catalog = store.openCatalog()) {
      JobRunner runner = JobRunner.create(catalog);
      IngestJob job = Weather.job("weather-load", id, landing, root);
      List<String> months = Weather.monthNames();

      Weather.deliver(landing, 0, 6);
      DryRun plan = runner.dryRun(job);
      assertThat(plan.reads()).extracting(PlannedInput::input)
          .containsExactlyElementsOf(months.subList(0, 6).stream().map(m -> "weather-" + m + ".csv").toList());
      assertThat(plan.reads()).allMatch(p -> p.action() == PlannedInput.Action.READ_NEW);

      RunRecord r1 = runner.run(job);
      List<String> expected1 = Weather.expected(0, 6);
      assertThat(r1.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(r1.run()).isEqualTo(1);
      assertThat(r1.inputsRead()).isEqualTo(6);
      assertThat(r1.rowsIn()).isEqualTo(expected1.size());
      assertThat(r1.rowsOut()).isEqualTo(expected1.size());
      assertThat(r1.rowsBad()).isZero();
      assertThat(r1.partitions()).containsExactly("date_year=2012");
      assertThat(Duck.table(catalog, id, Weather.COLUMNS)).isEqualTo(expected1);
      assertThat(r1.filesWritten()).isEqualTo(catalog.partitions().files(id,
          dev.partita.catalog.PartitionFilter.all()).size());

      Bookmark b1 = Jobs.bookmarks(catalog).show("weather-load");
      assertThat(b1.lastRun()).isEqualTo(1);
      assertThat(b1.files()).hasSize(6).allMatch(f -> f.run() == 1 && f.source().equals("landing"));
      for (FileMark f : b1.files()) {
        assertThat(f.size()).isEqualTo(Files.size(landing.resolve(f.path())));
      }

      RunRecord r2 = runner.run(job);
      assertThat(r2.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(r2.inputsRead()).isZero();
      assertThat(r2.filesWritten()).isZero();
      assertThat(r2.message()).hasValueSatisfying(m -> assertThat(m).contains("nothing new"));
      assertThat(Duck.table(catalog, id, Weather.COLUMNS)).isEqualTo(expected1);

      Weather.deliver(landing, 6, 18);
      assertThat(runner.dryRun(job).reads()).hasSize(12);
      RunRecord r3 = runner.run(job);
      assertThat(r3.inputsRead()).isEqualTo(12);
      assertThat(r3.partitions()).containsExactly("date_year=2012", "date_year=2013");
      assertThat(Duck.table(catalog, id, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 18));

      Weather.deliver(landing, 18, 48);
      RunRecord r4 = runner.run(job);
      assertThat(r4.inputsRead()).isEqualTo(30);
      List<String> all = Weather.expected(0, 48);
      assertThat(all).hasSize(1461);
      assertThat(Duck.table(catalog, id, Weather.COLUMNS)).isEqualTo(all);
      Duck.assertCatalogMatchesDisk(catalog, id, root);

      RunHistory history = Jobs.history(catalog);
      assertThat(history.jobs()).containsExactly("weather-load");
      assertThat(history.runs("weather-load")).extracting(RunRecord::run).containsExactly(4L, 3L, 2L, 1L);
      assertThat(history.runs("weather-load")).allMatch(r -> r.status() == RunStatus.SUCCEEDED
          && r.endedAt().isPresent());
      List<RunInput> inputs1 = history.inputs("weather-load", 1);
      assertThat(inputs1).extracting(RunInput::input)
          .containsExactlyElementsOf(months.subList(0, 6).stream().map(m -> "weather-" + m + ".csv").toList());
      Map<String, Integer> perMonth = Weather.months().entrySet().stream()
          .collect(Collectors.toMap(e -> "weather-" + e.getKey() + ".csv", e -> e.getValue().size()));
      for (RunInput in : inputs1) {
        assertThat(in.rows()).isEqualTo((long) perMonth.get(in.input()));
        assertThat(in.bytes()).isEqualTo(Files.size(landing.resolve(in.input())));
      }
      assertThat(Jobs.bookmarks(catalog).show("weather-load").files()).hasSize(48);
    }
  }
}
