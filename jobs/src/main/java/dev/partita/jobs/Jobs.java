package dev.partita.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogTable;
import dev.partita.format.FileFormat;
import dev.partita.format.FileFormats;
import dev.partita.jobs.internal.JobStore;
import dev.partita.jobs.source.SourceDefinitions;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.write.WriteOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Entry points of the jobs module over a catalog (SQLite or PostgreSQL), where jobs keep their bookmarks, leases
 * and run history: {@link #runner} runs jobs, {@link #bookmarks} shows and moves bookmarks, {@link #history}
 * lists runs, {@link #definitions} keeps what each job reads and rebuilds jobs by name.
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

  /** The stored definitions of the jobs of {@code catalog}, and jobs rebuilt from them. */
  public static JobDefinitions definitions(Catalog catalog) {
    JobStore store = JobStore.of(catalog, Clock.systemUTC());
    return new JobDefinitions() {
      @Override
      public Optional<JobDefinition> current(String job) {
        return store.definitions(Objects.requireNonNull(job, "job"), true).stream().findFirst();
      }

      @Override
      public List<JobDefinition> versions(String job) {
        Objects.requireNonNull(job, "job");
        if (store.find(job).isEmpty()) {
          throw new JobException("no job named '" + job + "' in catalog " + store.describe()
              + "; a job is registered by its first run");
        }
        return store.definitions(job, false);
      }

      @Override
      public IngestJob job(String job) {
        return job(job, Map.of());
      }

      @Override
      public IngestJob job(String job, Map<String, Map<String, String>> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        JobDefinition d = current(job).orElseThrow(() -> new JobException("job '" + job + "' has no stored"
            + " definition in catalog " + store.describe() + ": a run stores it, so run the job once as built"
            + " in code (or with its options on the command line)"));
        if (d.options().containsKey("transform")) {
          throw new JobException("job '" + job + "' has a transform, which is code and not stored; rebuild the"
              + " job in code and run it with JobRunner.run(IngestJob)");
        }
        CatalogTable table = catalog.tables().find(d.table()).orElseThrow(() -> new JobException("job '" + job
            + "' writes table " + d.table() + ", which does not exist yet (its first run did not commit); run the"
            + " job with its full options once to create it"));
        try {
          Schema schema = JobTables.writeSchema(table);
          FileFormat format = FileFormats.byName(table.definition().format());
          IngestJob.Builder b = IngestJob.builder(job, d.table(), LocalStorage.instance(), table.location())
              .writeOptions(WriteOptions.builder(schema, format)
                  .partitionBy(JobTables.partitionSpec(table, schema)).build())
              .maxBadRows(Long.parseLong(d.options().getOrDefault("max-bad-rows", "0")));
          for (String source : d.sources()) {
            b.source(SourceDefinitions.source(source, d.sourceOptions(source), schema,
                secrets.getOrDefault(source, Map.of())));
          }
          return b.build();
        } catch (IllegalArgumentException e) {
          throw new JobException("job '" + job + "' cannot be rebuilt from its stored definition (version "
              + d.version() + "): " + e.getMessage(), e);
        }
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
