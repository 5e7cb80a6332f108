package dev.partita.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.jobs.internal.JobStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry points of the jobs module over a catalog (SQLite or PostgreSQL), where jobs keep their bookmarks, leases
 * and run history: {@link #runner} runs jobs, {@link #bookmarks} shows and moves bookmarks, {@link #history}
 * lists runs.
 */
public final class Jobs {
  private Jobs() {}

  /** A runner; see {@link JobRunner#create(Catalog, RunnerOptions)}. */
  public static JobRunner runner(Catalog catalog, RunnerOptions options) {
    return JobRunner.create(catalog, options);
  }

  /** Bookmark operations on the jobs of {@code catalog}. */
  public static Bookmarks bookmarks(Catalog catalog) {
    JobStore store = JobStore.of(catalog, Clock.systemUTC());
    return new Bookmarks() {
      @Override
      public Bookmark show(String job) {
        return store.bookmark(Objects.requireNonNull(job, "job"));
      }

      @Override
      public int reset(String job) {
        return store.rewind(Objects.requireNonNull(job, "job"), 0);
      }

      @Override
      public int rewind(String job, long run) {
        if (run < 1) {
          throw new IllegalArgumentException("run must be at least 1 (use reset to forget everything), got " + run);
        }
        return store.rewind(Objects.requireNonNull(job, "job"), run);
      }

      @Override
      public boolean pause(String job, String reason) {
        return store.pause(Objects.requireNonNull(job, "job"), Objects.requireNonNull(reason, "reason"));
      }

      @Override
      public boolean resume(String job) {
        return store.pause(Objects.requireNonNull(job, "job"), null);
      }
    };
  }

  /** The run history of the jobs of {@code catalog}. */
  public static RunHistory history(Catalog catalog) {
    JobStore store = JobStore.of(catalog, Clock.systemUTC());
    return new RunHistory() {
      @Override
      public List<String> jobs() {
        return store.jobNames();
      }

      @Override
      public List<RunRecord> runs(String job) {
        return store.runs(Objects.requireNonNull(job, "job"), 0);
      }

      @Override
      public Optional<RunRecord> run(String job, long run) {
        if (run < 1) {
          return Optional.empty();
        }
        return store.runs(Objects.requireNonNull(job, "job"), run).stream().findFirst();
      }

      @Override
      public List<RunInput> inputs(String job, long run) {
        return store.inputs(Objects.requireNonNull(job, "job"), run);
      }
    };
  }
}
