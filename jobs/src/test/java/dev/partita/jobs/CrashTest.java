package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.CatalogOptions;
import dev.partita.catalog.TableId;
import dev.partita.commit.CommitStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the job's JVM ({@code destroyForcibly}) right after each step of a run, for every step in turn, then runs
 * the job again until it completes, twice over (a first run into a new table, then a run over new arrivals), and
 * compares the table with the sources: no row lost, none duplicated, the bookmark holding each input once, and
 * the run history accounting for every row.
 */
class CrashTest {
  @TempDir Path tmp;

  @Test
  void fileJobKilledAtEveryStepLosesAndDuplicatesNothing() throws Exception {
    Set<String> killedAt = new LinkedHashSet<>();
    int kills = 0;
    for (int k = 1; ; k++) {
      Path dir = Files.createDirectories(tmp.resolve("files-" + k));
      Path landing = dir.resolve("landing");
      Path root = dir.resolve("table");
      String url = CatalogOptions.sqliteUrl(dir.resolve("catalog.db"));
      String[] args = {"files", url, landing.toString(), root.toString(), Integer.toString(k)};
      Weather.deliver(landing, 0, 3);
      Children.Outcome first = killAndRerun(args, url, CrashChild.job("files", landing.toString(), root));
      // 2012-11 .. 2013-02: two partitions, so the commit publishes several files
      Weather.deliver(landing, 10, 14);
      Children.Outcome second = killAndRerun(args, url, CrashChild.job("files", landing.toString(), root));
      try (Catalog catalog = Catalogs.open(url)) {
        List<String> expected = new ArrayList<>(Weather.expected(0, 3));
        expected.addAll(Weather.expected(10, 14));
        java.util.Collections.sort(expected);
        assertThat(Duck.table(catalog, CrashChild.FILES_TABLE, Weather.COLUMNS)).as("table after kill at step %d", k)
            .isEqualTo(expected);
        Duck.assertCatalogMatchesDisk(catalog, CrashChild.FILES_TABLE, root);
        Bookmark b = Jobs.bookmarks(catalog).show("crash-files");
        assertThat(b.files()).extracting(FileMark::path).hasSize(7).doesNotHaveDuplicates();
        assertHistoryAccountsFor(catalog, "crash-files", expected.size());
      }
      kills += record(killedAt, first) + record(killedAt, second);
      if (first.done() && second.done()) {
        System.out.println("CrashTest: killed at " + kills + " points, after each of " + killedAt);
        break;
      }
    }
    assertThat(killedAt).containsAll(expectedSteps());
  }

  @Test
  void jdbcJobKilledAtEveryStepLosesAndDuplicatesNothing() throws Exception {
    Set<String> killedAt = new LinkedHashSet<>();
    int kills = 0;
    for (int k = 1; ; k++) {
      Path dir = Files.createDirectories(tmp.resolve("jdbc-" + k));
      Path root = dir.resolve("table");
      String url = CatalogOptions.sqliteUrl(dir.resolve("catalog.db"));
      String source = CatalogOptions.sqliteUrl(dir.resolve("source.db"));
      String[] args = {"jdbc", url, source, root.toString(), Integer.toString(k)};
      IngestJob job = CrashChild.job("jdbc", source, root);
      Children.Outcome first;
      Children.Outcome second;
      try (Connection src = DriverManager.getConnection(source)) {
        Airports.create(src);
        Airports.insert(src, 0, 1000);
        first = killAndRerun(args, url, job);
        Airports.insert(src, 1000, 2500);
        second = killAndRerun(args, url, job);
        try (Catalog catalog = Catalogs.open(url)) {
          List<String> expected = Airports.expected(src, 0, 2500);
          assertThat(Duck.table(catalog, CrashChild.JDBC_TABLE, Airports.COLUMNS))
              .as("table after kill at step %d", k).isEqualTo(expected);
          Duck.assertCatalogMatchesDisk(catalog, CrashChild.JDBC_TABLE, root);
          Bookmark b = Jobs.bookmarks(catalog).show("crash-jdbc");
          assertThat(b.keys()).singleElement().satisfies(m -> {
            assertThat(m.values()).containsExactly("2500");
            assertThat(m.rowsCovered()).isEqualTo(2500);
          });
          assertHistoryAccountsFor(catalog, "crash-jdbc", expected.size());
        }
      }
      kills += record(killedAt, first) + record(killedAt, second);
      if (first.done() && second.done()) {
        System.out.println("CrashTest: killed at " + kills + " points, after each of " + killedAt);
        break;
      }
    }
    assertThat(killedAt).containsAll(expectedSteps());
  }

  /**
   * The same for a Parquet file source, killed once after each step that matters for exactly-once (mid-read,
   * staged, commit decided but not registered, registered, finished), over a first delivery and new arrivals.
   */
  @Test
  void parquetFileJobKilledAtTheDecisiveStepsLosesAndDuplicatesNothing() throws Exception {
    for (String step : List.of(JobStep.INPUT_READ.name(), JobStep.BOOKMARK_STAGED.name(),
        CommitStep.SUCCESS_MARKED.name(), JobStep.REGISTERED.name(), JobStep.RUN_FINISHED.name())) {
      Path dir = Files.createDirectories(tmp.resolve("parquet-" + step));
      Path landing = dir.resolve("landing");
      Path root = dir.resolve("table");
      String url = CatalogOptions.sqliteUrl(dir.resolve("catalog.db"));
      String[] args = {"parquet", url, landing.toString(), root.toString(), step};
      IngestJob job = CrashChild.job("parquet", landing.toString(), root);
      Weather.deliverParquet(landing, 0, 3);
      Children.Outcome first = killAndRerun(args, url, job);
      Weather.deliverParquet(landing, 10, 14);
      Children.Outcome second = killAndRerun(args, url, job);
      assertThat(first.killedAt()).isEqualTo(step);
      assertThat(second.killedAt()).isEqualTo(step);
      try (Catalog catalog = Catalogs.open(url)) {
        List<String> expected = new ArrayList<>(Weather.expected(0, 3));
        expected.addAll(Weather.expected(10, 14));
        java.util.Collections.sort(expected);
        assertThat(Duck.table(catalog, CrashChild.PARQUET_TABLE, Weather.COLUMNS))
            .as("table after kills at %s", step).isEqualTo(expected);
        Duck.assertCatalogMatchesDisk(catalog, CrashChild.PARQUET_TABLE, root);
        Bookmark b = Jobs.bookmarks(catalog).show("crash-parquet");
        assertThat(b.files()).extracting(FileMark::path).hasSize(7).doesNotHaveDuplicates();
        assertHistoryAccountsFor(catalog, "crash-parquet", expected.size());
      }
    }
  }

  /** Runs a child killed at its step, then runs the job in this JVM until a run succeeds. */
  private static Children.Outcome killAndRerun(String[] args, String url, IngestJob job) throws Exception {
    Children.Outcome outcome = Children.run(args);
    if (!outcome.killed()) {
      assertThat(outcome.exitCode()).as("child output %s", outcome.output()).isZero();
    }
    try (Catalog catalog = Catalogs.open(url)) {
      assertBookmarkMovedOnlyWithRegistration(catalog, job, outcome);
      RunRecord r = JobRunner.create(catalog).run(job);
      assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
      if (outcome.done()) {
        assertThat(r.inputsRead()).isZero();
      }
    }
    return outcome;
  }

  /**
   * Right after the kill, before any recovery: the killed run's bookmark entries count exactly when the catalog
   * holds its write's files.
   */
  private static void assertBookmarkMovedOnlyWithRegistration(Catalog catalog, IngestJob job,
      Children.Outcome outcome) {
    if (catalog.tables().find(job.table()).isEmpty() || Jobs.history(catalog).runs(job.name()).isEmpty()) {
      return;
    }
    RunRecord last = Jobs.history(catalog).runs(job.name()).get(0);
    boolean registered = catalog.partitions().files(job.table(), dev.partita.catalog.PartitionFilter.all()).stream()
        .anyMatch(f -> f.writeId().orElse("").equals(last.writeId()));
    Bookmark b = Jobs.bookmarks(catalog).show(job.name());
    boolean advanced = b.files().stream().anyMatch(f -> f.run() == last.run())
        || b.keys().stream().anyMatch(k -> k.run() == last.run());
    assertThat(advanced).as("bookmark advanced by run %d killed at %s, whose write is registered: %s", last.run(),
        outcome.killedAt(), registered).isEqualTo(registered);
    if (outcome.killed()) {
      // The catalog registers the write between the commit steps SUCCESS_MARKED and COMMITTED.
      boolean afterRegistration = Set.of(JobStep.REGISTERED.name(), CommitStep.COMMITTED.name(),
          JobStep.RUN_FINISHED.name()).contains(outcome.killedAt());
      assertThat(registered).as("write registered after a kill at %s", outcome.killedAt())
          .isEqualTo(afterRegistration);
    }
  }

  /** Every run is settled, and the rows written by succeeded runs add up to the table's rows. */
  private static void assertHistoryAccountsFor(Catalog catalog, String job, long rows) {
    List<RunRecord> runs = Jobs.history(catalog).runs(job);
    assertThat(runs).allSatisfy(r -> assertThat(r.status()).isIn(RunStatus.SUCCEEDED, RunStatus.FAILED));
    assertThat(runs.stream().filter(r -> r.status() == RunStatus.SUCCEEDED).mapToLong(RunRecord::rowsOut).sum())
        .as("rows out of succeeded runs %s", runs).isEqualTo(rows);
  }

  private static int record(Set<String> killedAt, Children.Outcome o) {
    if (o.killed()) {
      killedAt.add(o.killedAt());
      return 1;
    }
    return 0;
  }

  private static List<String> expectedSteps() {
    List<String> steps = new ArrayList<>();
    Arrays.stream(JobStep.values()).forEach(s -> steps.add(s.name()));
    Arrays.stream(CommitStep.values()).filter(s -> s != CommitStep.OLD_FILE_DELETED).forEach(s -> steps.add(s.name()));
    return steps;
  }
}
