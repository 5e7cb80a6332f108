package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.CatalogOptions;
import dev.partita.catalog.TableId;
import dev.partita.catalog.jdbc.JdbcCatalog;
import dev.partita.jobs.metrics.JobMeters;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.transform.RowTransform;
import dev.partita.jobs.transform.RowTransforms;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One run of a job at a time: a second run fails fast and writes nothing; leases expire and are renewed. */
class LeaseTest {
  @TempDir Path tmp;

  /** The weather job with a transform that blocks at its first row until released. */
  private static IngestJob blockingJob(Path landing, Path root, CountDownLatch started, CountDownLatch release) {
    RowTransform copy = RowTransforms.identity(Weather.SCHEMA);
    RowTransform blocking = new RowTransform() {
      @Override
      public dev.partita.schema.Schema outputSchema() {
        return copy.outputSchema();
      }

      @Override
      public boolean apply(dev.partita.row.Row in, dev.partita.jobs.transform.RowBuffer out) {
        if (started.getCount() > 0) {
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return copy.apply(in, out);
      }
    };
    return IngestJob.builder("weather", TableId.of("weather"), root)
        .source(FileSource.csv("landing", landing, Weather.SCHEMA).glob("*.csv").build())
        .transform(blocking).writeOptions(Weather.options()).build();
  }

  @ParameterizedTest
  @EnumSource(Db.class)
  void aSecondRunFailsFastWhileTheFirstHoldsItsRenewedLease(Db db) throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("table");
    Weather.deliver(landing, 0, 12);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Db.Store store = db.newStore(tmp); Catalog a = store.openCatalog(); Catalog b = store.openCatalog()) {
      IngestJob job = blockingJob(landing, root, started, release);
      JobRunner first = JobRunner.create(a, RunnerOptions.builder().leaseDuration(Duration.ofSeconds(1)).build());
      CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(() -> first.run(job));
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      // Three lease durations later the first run still holds the lease: its heartbeat renews it.
      Thread.sleep(3000);
      JobRunner second = JobRunner.create(b, RunnerOptions.builder().meterRegistry(registry).build());
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> second.run(job)).isInstanceOf(JobAlreadyRunningException.class)
          .hasMessageContaining("job 'weather' is already running: run 1 of ")
          .hasMessageContaining("did not start and wrote nothing");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(registry.get(JobMeters.LEASE_REJECTED).counter().count()).isEqualTo(1);
      assertThatThrownBy(() -> Jobs.bookmarks(b).reset("weather")).isInstanceOf(JobAlreadyRunningException.class);
      // A dry run needs no lease.
      assertThat(second.dryRun(job).reads()).hasSize(12);
      release.countDown();
      RunRecord r1 = running.get(120, TimeUnit.SECONDS);
      assertThat(r1.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(r1.inputsRead()).isEqualTo(12);
      RunRecord r2 = second.run(job);
      assertThat(r2.inputsRead()).isZero();
      assertThat(Duck.table(b, TableId.of("weather"), Weather.COLUMNS)).isEqualTo(Weather.expected(0, 12));
      assertThat(Jobs.history(b).runs("weather")).extracting(RunRecord::run).containsExactly(2L, 1L);
    }
  }

  @Test
  void aLeaseOfAnotherHostBlocksUntilItExpires() throws Exception {
    Path landing = tmp.resolve("landing");
    Weather.deliver(landing, 0, 2);
    try (Catalog catalog = Catalogs.openSqlite(tmp.resolve("catalog.db"))) {
      IngestJob job = Weather.job("weather", TableId.of("weather"), landing, tmp.resolve("table"));
      JobRunner runner = JobRunner.create(catalog);
      runner.run(job);
      Weather.deliver(landing, 2, 3);
      long expires = System.currentTimeMillis() + 1500;
      ((JdbcCatalog) catalog).inWriteTransaction("planting a lease", c -> {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_leases (job_id, owner, run_no,"
            + " acquired_at, expires_at) SELECT id, 'elsewhere/42/1', 99, 0, ? FROM partita_jobs WHERE name = ?")) {
          p.setLong(1, expires);
          p.setString(2, "weather");
          return p.executeUpdate();
        }
      });
      assertThatThrownBy(() -> runner.run(job)).isInstanceOf(JobAlreadyRunningException.class)
          .hasMessageContaining("run 99 of elsewhere/42/1");
      Thread.sleep(Math.max(0, expires - System.currentTimeMillis()) + 100);
      RunRecord r = runner.run(job);
      assertThat(r.inputsRead()).isEqualTo(1);
      assertThat(Duck.table(catalog, TableId.of("weather"), Weather.COLUMNS)).isEqualTo(Weather.expected(0, 3));
    }
  }

  @Test
  void aRunThatLostItsLeaseDoesNotCommit() throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("table");
    Weather.deliver(landing, 0, 3);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Catalog catalog = Catalogs.openSqlite(tmp.resolve("catalog.db"))) {
      IngestJob job = blockingJob(landing, root, started, release);
      JobRunner runner = JobRunner.create(catalog, RunnerOptions.builder().leaseDuration(Duration.ofHours(1)).build());
      CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(() -> runner.run(job));
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      // Another process took the lease over (as if this one had stalled past its expiry).
      ((JdbcCatalog) catalog).inWriteTransaction("stealing the lease", c -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_leases SET owner = 'elsewhere/7/1'")) {
          return p.executeUpdate();
        }
      });
      release.countDown();
      assertThat(running).failsWithin(Duration.ofSeconds(120)).withThrowableThat()
          .havingRootCause().withMessageContaining("lost its lease");
      assertThat(Duck.table(catalog, TableId.of("weather"), Weather.COLUMNS)).isEmpty();
      assertThat(Jobs.bookmarks(catalog).show("weather").files()).isEmpty();
      RunRecord failed = Jobs.history(catalog).run("weather", 1).orElseThrow();
      assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
      assertThat(failed.message()).hasValueSatisfying(m -> assertThat(m).contains("lost its lease"));
    }
  }

  @Test
  void processesRacingOnOneJobLoadEveryFileOnce() throws Exception {
    Path landing = tmp.resolve("landing");
    Path root = tmp.resolve("table");
    String url = CatalogOptions.sqliteUrl(tmp.resolve("catalog.db"));
    Weather.deliver(landing, 0, 48);
    try (Catalog catalog = Catalogs.open(url)) {
      // migrates the catalog before the race
      Jobs.history(catalog).jobs();
    }
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      processes.add(Children.builder("files", url, landing.toString(), root.toString(), "-1").start());
    }
    List<Integer> codes = new ArrayList<>();
    for (Process p : processes) {
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isIn(0, 3);
      codes.add(p.exitValue());
    }
    assertThat(codes).contains(0);
    try (Catalog catalog = Catalogs.open(url)) {
      assertThat(Duck.table(catalog, CrashChild.FILES_TABLE, Weather.COLUMNS)).isEqualTo(Weather.expected(0, 48));
      assertThat(Jobs.bookmarks(catalog).show("crash-files").files()).hasSize(48);
      long loaded = Jobs.history(catalog).runs("crash-files").stream().mapToLong(RunRecord::rowsOut).sum();
      assertThat(loaded).isEqualTo(1461);
    }
  }
}
