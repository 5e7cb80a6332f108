package dev.partita.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.commit.CatalogCommitHook;
import dev.partita.commit.CommitException;
import dev.partita.commit.CommitHook;
import dev.partita.commit.CommitListener;
import dev.partita.commit.CommitResult;
import dev.partita.commit.DataFile;
import dev.partita.commit.RecoveryReport;
import dev.partita.jobs.internal.FileInputs;
import dev.partita.jobs.internal.JdbcInput;
import dev.partita.jobs.internal.JobStore;
import dev.partita.jobs.internal.RecordReader;
import dev.partita.jobs.metrics.JobMeters;
import dev.partita.jobs.metrics.WriterMeters;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.jobs.source.LateRowPolicy;
import dev.partita.jobs.source.Source;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.jobs.transform.RowTransform;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link IngestJob}s against a catalog: each {@link #run} takes the job's lease, reads what its bookmark has
 * not seen, writes it to the job's table in one commit and advances the bookmark in the catalog transaction that
 * registers that commit. Thread-safe; runs of different jobs may go on in parallel.
 *
 * <p>How a run stays exactly-once across crashes: it opens the table with the catalog's commit hook (recovery
 * completes and registers any decided commit of a crashed run), settles earlier unfinished runs, reads the
 * bookmark, writes the new inputs, stages its bookmark entries under its write id while still holding the lease,
 * and commits. The entries count once the catalog has registered that write id, which happens in the same
 * transaction that registers the write's files; a crash before that leaves neither the files registered nor the
 * bookmark moved, so the next run reads the same inputs again; a crash after it leaves both.
 */
public final class JobRunner {
  private final Catalog catalog;
  private final RunnerOptions options;
  private final JobStore store;
  private final Map<String, WriterMeters> writerMeters = new ConcurrentHashMap<>();

  private JobRunner(Catalog catalog, RunnerOptions options) {
    this.catalog = catalog;
    this.options = options;
    this.store = JobStore.of(catalog, options.clock());
  }

  /**
   * A runner keeping bookmarks, leases and history in {@code catalog}.
   *
   * @throws IllegalArgumentException when the catalog is not a JDBC catalog (SQLite or PostgreSQL)
   */
  public static JobRunner create(Catalog catalog, RunnerOptions options) {
    return new JobRunner(Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(options, "options"));
  }

  /** A runner with default options. */
  public static JobRunner create(Catalog catalog) {
    return create(catalog, RunnerOptions.defaults());
  }

  /**
   * Runs the job once.
   *
   * @return the run's history record: {@link RunStatus#SUCCEEDED} (possibly with nothing new to read) or
   *     {@link RunStatus#SKIPPED} for a paused job
   * @throws JobAlreadyRunningException when another run of the job holds its lease (nothing was read or written)
   * @throws JobRunException when the run failed (its record says how far it got)
   */
  public RunRecord run(IngestJob job) {
    Objects.requireNonNull(job, "job");
    Optional<JobMeters> meters = options.meterRegistry().map(r -> new JobMeters(r, job.name()));
    long jobId = store.ensureJob(job.name(), job.table(), job.describe(), JobDefinition.optionsOf(job));
    JobStore.Begin begin;
    try {
      begin = store.begin(job.name(), options.owner(), options.leaseDuration());
    } catch (JobAlreadyRunningException e) {
      meters.ifPresent(JobMeters::leaseRejected);
      throw e;
    }
    if (begin.skipped().isPresent()) {
      meters.ifPresent(m -> m.run(RunStatus.SKIPPED.name(), Duration.ZERO));
      return begin.skipped().get();
    }
    return new Run(job, jobId, begin, meters).execute();
  }

  /**
   * Lists what a run would read now, without taking the lease, reading inputs or writing anything. The bookmark
   * is read as registered; a crashed run's commit that the next run's recovery would complete is listed in the
   * notes.
   */
  public DryRun dryRun(IngestJob job) {
    Objects.requireNonNull(job, "job");
    List<String> notes = new ArrayList<>();
    Optional<JobStore.JobRow> row = store.find(job.name());
    JobStore.Marks marks = new JobStore.Marks(Map.of(), Map.of(), 0);
    if (row.isEmpty()) {
      notes.add("job '" + job.name() + "' has not run yet: every input is new");
    } else {
      row.get().pausedAt().ifPresent(p -> notes.add("the job is paused since " + p
          + row.get().reason().map(r -> " (" + r + ")").orElse("") + ": a run would skip"));
      notes.addAll(store.unsettled(job.name()));
      marks = store.marks(job.name());
    }
    List<PlannedInput> inputs = new ArrayList<>();
    Instant now = options.clock().instant();
    for (Source s : job.sources()) {
      try {
        if (s instanceof FileSource f) {
          for (FileInputs.Planned p : FileInputs.plan(f, marks.files().getOrDefault(f.name(), Map.of()), now)) {
            inputs.add(p.toInput(f.name()));
          }
        } else if (s instanceof JdbcSource j) {
          try (JdbcInput in = JdbcInput.open(j, Optional.ofNullable(marks.keys().get(j.name())))) {
            long above = in.rowsAbove();
            long late = in.lateRows();
            long nulls = in.nullKeyRows();
            String detail = above + " rows above the bookmark" + (late > 0 ? "; " + late + " late rows (keys at or"
                + " below the bookmark, never read; policy " + j.lateRows() + ")" : "")
                + (nulls > 0 ? "; " + nulls + " rows with null keys (never read)" : "");
            if (above > 0) {
              inputs.add(new PlannedInput(j.name(), in.describeQuery(), PlannedInput.Action.READ_ROWS,
                  Math.min(above, j.maxRowsPerRun()), detail));
            } else {
              notes.add("source '" + j.name() + "': " + detail);
            }
          }
        }
      } catch (IOException | SQLException e) {
        throw new JobException("dry run of job '" + job.name() + "' cannot list source '" + s.name() + "' ("
            + s.describe() + "): " + e.getMessage(), e);
      }
    }
    return new DryRun(job.name(), inputs, notes);
  }

  private WriterMeters writerMeters(MeterRegistry registry, IngestJob job) {
    return writerMeters.computeIfAbsent(job.name(), n -> new WriterMeters(registry,
        Tags.of("job", n, "table", job.table().toString())));
  }

  /** One run's state. */
  private final class Run {
    private static final int MAX_MESSAGES = 10;

    private final IngestJob job;
    private final long jobId;
    private final long run;
    private final String writeId;
    private final Optional<JobMeters> meters;
    private final Optional<WriterMeters> writerMeters;
    private final JobListener listener = options.listener();
    private final Instant started = options.clock().instant();
    private final List<FileMark> fileMarks = new ArrayList<>();
    private final List<KeyMark> keyMarks = new ArrayList<>();
    private final List<RunInput> inputs = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final RowBuffer in;
    private final RowBuffer out;
    private final RowTransform transform;
    private long inputsRead;
    private long rowsIn;
    private long rowsBad;
    private long rowsLate;
    private volatile boolean leaseLost;
    private PartitionedWriter writer;

    Run(IngestJob job, long jobId, JobStore.Begin begin, Optional<JobMeters> meters) {
      this.job = job;
      this.jobId = jobId;
      this.run = begin.run();
      this.writeId = begin.writeId();
      this.meters = meters;
      this.writerMeters = options.meterRegistry().map(r -> JobRunner.this.writerMeters(r, job));
      this.in = new RowBuffer(job.sourceSchema());
      this.transform = job.transform().orElse(null);
      this.out = transform == null ? null : new RowBuffer(transform.outputSchema());
    }

    RunRecord execute() {
      listener.onStep(JobStep.LEASE_ACQUIRED, writeId);
      ScheduledExecutorService heartbeat = startHeartbeat();
      boolean committed = false;
      List<JdbcInput> jdbc = new ArrayList<>();
      try {
        Table table = Table.open(job.storage(), job.location(), hook());
        RecoveryReport recovery = table.openRecovery();
        messages.addAll(store.settle(job.name(), run, new HashSet<>(recovery.skippedLiveWrites())));
        listener.onStep(JobStep.TABLE_RECOVERED, writeId);
        JobStore.Marks marks = store.marks(job.name());
        listener.onStep(JobStep.BOOKMARK_READ, writeId);
        List<Object> plan = plan(marks, jdbc);
        listener.onStep(JobStep.INPUTS_LISTED, writeId);
        if (plan.isEmpty()) {
          return finish(RunStatus.SUCCEEDED, null, "nothing new to read", false);
        }
        writer = table.newWriter(runOptions());
        writerMeters.ifPresent(w -> w.track(writer));
        for (Object work : plan) {
          if (work instanceof FilePart f) {
            readFile(f);
          } else {
            readJdbc((JdbcPart) work);
          }
          checkLease();
        }
        if (fileMarks.isEmpty() && keyMarks.isEmpty()) {
          writer.abort();
          return finish(RunStatus.SUCCEEDED, null, "nothing new to read", false);
        }
        Counts counts = counts();
        store.stage(jobId, job.name(), run, options.owner(), writeId, options.leaseDuration(), fileMarks, keyMarks,
            inputs, counts.stored());
        listener.onStep(JobStep.BOOKMARK_STAGED, writeId);
        long commitStart = System.nanoTime();
        CommitResult result = writer.commit();
        committed = true;
        Duration took = Duration.ofNanos(System.nanoTime() - commitStart);
        meters.ifPresent(m -> m.committed(result.totalRows(), result.files().size(), result.totalBytes(), took));
        return finish(RunStatus.SUCCEEDED, result, null, false);
      } catch (JobAlreadyRunningException e) {
        abortWriter(e);
        RunRecord r = finishQuietly(RunStatus.FAILED, e.getMessage(), false, e);
        throw new JobRunException("run " + run + " of job '" + job.name() + "' did not proceed: " + e.getMessage(), r,
            e);
      } catch (IOException | SQLException | RuntimeException e) {
        boolean decided = e instanceof CommitException c && c.isDecided();
        if (!committed) {
          abortWriter(e);
        }
        String message = describe(e) + (decided ? "; the commit was decided: the next open of the table completes"
            + " it and registers it with the bookmark" : "; nothing of this run is in the table and the bookmark"
            + " did not move");
        RunRecord r = finishQuietly(decided ? RunStatus.COMMITTING : RunStatus.FAILED, message, !decided, e);
        throw new JobRunException("run " + run + " of job '" + job.name() + "' failed: " + message, r, e);
      } finally {
        heartbeat.shutdownNow();
        writerMeters.ifPresent(WriterMeters::untrack);
        for (JdbcInput j : jdbc) {
          try {
            j.close();
          } catch (SQLException e) {
            // the read transaction only read; the database ends it with the connection
          }
        }
      }
    }

    private ScheduledExecutorService startHeartbeat() {
      ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partita-lease-" + job.name() + "-" + run);
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(100, options.leaseDuration().toMillis() / 3);
      s.scheduleWithFixedDelay(() -> {
        try {
          if (!store.renew(jobId, options.owner(), run, options.leaseDuration())) {
            leaseLost = true;
          }
        } catch (RuntimeException e) {
          // the catalog is unreachable for now; the next beat tries again, staging checks the lease anyway
        }
      }, every, every, TimeUnit.MILLISECONDS);
      return s;
    }

    private void checkLease() {
      if (leaseLost) {
        throw new JobException("run " + run + " of job '" + job.name() + "' lost its lease (it could not be renewed"
            + " within " + options.leaseDuration() + "); it stops without committing");
      }
    }

    /** The catalog's hook, reporting {@link JobStep#REGISTERED} for this run's write. */
    private CommitHook hook() {
      CatalogCommitHook register = CatalogCommitHook.of(catalog, job.table(), job.storage());
      return (id, manifest) -> {
        register.committed(id, manifest);
        if (id.equals(writeId)) {
          listener.onStep(JobStep.REGISTERED, id);
        }
      };
    }

    private WriteOptions runOptions() {
      WriteOptions o = job.writeOptions();
      CommitListener user = o.commitListener();
      return WriteOptions.builder(o.schema(), o.format()).partitionBy(o.partitionSpec()).mode(WriteMode.APPEND)
          .routing(o.routing()).maxOpenFiles(o.maxOpenFiles()).memoryBudget(o.memoryBudget())
          .targetFileSize(o.targetFileSize()).maxRowsPerFile(o.maxRowsPerFile())
          .keepPartitionColumns(o.keepPartitionColumns()).defaultPartitionName(o.defaultPartitionName())
          .clock(o.clock()).writeId(writeId)
          .commitListener((step, path) -> {
            user.onStep(step, path);
            listener.onCommitStep(step, path);
          })
          .build();
    }

    /** What to read, source by source: files to read or JDBC reads with rows above the bookmark. */
    private List<Object> plan(JobStore.Marks marks, List<JdbcInput> jdbc) throws IOException, SQLException {
      List<Object> plan = new ArrayList<>();
      Instant now = options.clock().instant();
      for (Source s : job.sources()) {
        if (s instanceof FileSource f) {
          for (FileInputs.Planned p : FileInputs.plan(f, marks.files().getOrDefault(f.name(), Map.of()), now)) {
            if (p.reads()) {
              plan.add(new FilePart(f, p));
            } else if (p.refreshed().isPresent()) {
              fileMarks.add(p.refreshed().get());
            }
          }
        } else if (s instanceof JdbcSource j) {
          Optional<KeyMark> mark = Optional.ofNullable(marks.keys().get(j.name()));
          JdbcInput input = JdbcInput.open(j, mark);
          jdbc.add(input);
          long late = input.lateRows();
          long nulls = input.nullKeyRows();
          if (late > 0) {
            String m = "source '" + j.name() + "': " + late + " rows have bookmark keys " + j.bookmarkKeys()
                + " at or below the bookmark " + mark.get().values() + " (recorded by run " + mark.get().run()
                + " with " + mark.get().rowsCovered() + " such rows) and are never read: keys must increase";
            if (j.lateRows() == LateRowPolicy.FAIL) {
              throw new JobException(m + "; the late row policy is FAIL: fix the source, or rewind the bookmark to"
                  + " read them");
            }
            rowsLate += late;
            note(m);
          }
          if (nulls > 0) {
            note("source '" + j.name() + "': " + nulls + " rows have a null bookmark key and are never read");
          }
          plan.add(new JdbcPart(j, input, mark));
        }
      }
      return plan;
    }

    private void readFile(FilePart part) throws IOException {
      FileInputs.Planned p = part.planned();
      long before = rowsIn;
      FileInputs.Opened opened = FileInputs.open(part.source(), p.path(), p.relative());
      try (opened) {
        copy(opened.reader(), p.relative());
        opened.drain();
      }
      long rows = rowsIn - before;
      fileMarks.add(new FileMark(part.source().name(), p.relative(), opened.bytes(), FileInputs.modified(p.path()),
          opened.hash(), run));
      inputs.add(new RunInput(part.source().name(), p.relative(), rows, opened.bytes()));
      inputsRead++;
      meters.ifPresent(m -> m.input(rows));
      listener.onStep(JobStep.INPUT_READ, p.relative());
    }

    private void readJdbc(JdbcPart part) throws IOException, SQLException {
      long before = rowsIn;
      JdbcInput.Rows rows = part.input().rows();
      try (rows) {
        copy(rows, part.source().name());
      }
      long read = rowsIn - before;
      if (rows.last().isEmpty()) {
        return;
      }
      List<String> last = rows.last().get();
      long covered = part.input().rowsCovered(last);
      keyMarks.add(new KeyMark(part.source().name(), part.source().bookmarkKeys(), last, covered, run));
      inputs.add(new RunInput(part.source().name(), "keys " + part.source().bookmarkKeys() + " "
          + part.mark().map(m -> "> " + m.values() + " ").orElse("") + "<= " + last, read, 0));
      inputsRead++;
      meters.ifPresent(m -> m.input(read));
      listener.onStep(JobStep.INPUT_READ, part.source().name());
    }

    /** Reads every record, transforms it and writes it; bad records are counted up to the job's limit. */
    private void copy(RecordReader reader, String input) throws IOException {
      while (true) {
        boolean has;
        try {
          has = reader.next(in);
        } catch (InvalidRowException e) {
          rowsIn++;
          bad(input, e);
          continue;
        }
        if (!has) {
          return;
        }
        rowsIn++;
        Row row = in;
        if (transform != null) {
          out.clear();
          try {
            if (!transform.apply(in, out)) {
              continue;
            }
          } catch (InvalidRowException e) {
            bad(input, e);
            continue;
          }
          row = out;
        }
        try {
          writer.write(row);
        } catch (InvalidRowException e) {
          bad(input, e);
        }
      }
    }

    private void bad(String input, InvalidRowException e) {
      rowsBad++;
      String m = input + ": " + e.getMessage();
      if (rowsBad > job.maxBadRows()) {
        throw new JobException("more than maxBadRows (" + job.maxBadRows() + ") bad records; the last: " + m
            + (messages.isEmpty() ? "" : "; earlier: " + String.join("; ", messages)));
      }
      note(m);
    }

    private void note(String m) {
      if (messages.size() < MAX_MESSAGES) {
        messages.add(m);
      } else if (messages.size() == MAX_MESSAGES) {
        messages.add("(more not shown)");
      }
    }

    private record Counts(long inputsRead, long rowsIn, long rowsOut, long rowsBad, long rowsLate) {
      JobStore.Counts stored() {
        return new JobStore.Counts(inputsRead, rowsIn, rowsOut, rowsBad, rowsLate);
      }
    }

    private Counts counts() {
      long outRows = writer == null ? 0 : writer.metrics().rows();
      return new Counts(inputsRead, rowsIn, outRows, rowsBad, rowsLate);
    }

    private RunRecord finish(RunStatus status, CommitResult result, String message, boolean dropStaged) {
      List<String> partitions = new ArrayList<>();
      long files = 0;
      long bytes = 0;
      if (result != null) {
        TreeSet<String> dirs = new TreeSet<>();
        for (DataFile f : result.files()) {
          int slash = f.path().lastIndexOf('/');
          if (slash > 0) {
            dirs.add(f.path().substring(0, slash));
          }
        }
        partitions.addAll(dirs);
        files = result.files().size();
        bytes = result.totalBytes();
      }
      List<String> all = new ArrayList<>();
      if (message != null) {
        all.add(message);
      }
      all.addAll(messages);
      Counts c = counts();
      meters.ifPresent(m -> m.rejected(c.rowsBad(), c.rowsLate()));
      RunRecord r = store.finish(jobId, job.name(), run, options.owner(), new JobStore.Finish(status, c.stored(),
          files, bytes, partitions, all.isEmpty() ? null : String.join("\n", all), dropStaged, inputs));
      meters.ifPresent(m -> m.run(status.name(), Duration.between(started, options.clock().instant())));
      listener.onStep(JobStep.RUN_FINISHED, writeId);
      return r;
    }

    private RunRecord finishQuietly(RunStatus status, String message, boolean dropStaged, Exception cause) {
      try {
        return finish(status, null, message, dropStaged);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
        return null;
      }
    }

    private void abortWriter(Exception cause) {
      if (writer == null) {
        return;
      }
      try {
        writer.abort();
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }

    private String describe(Exception e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return e instanceof IOException || e instanceof SQLException ? e.getClass().getSimpleName() + ": " + m : m;
    }
  }

  private record FilePart(FileSource source, FileInputs.Planned planned) {}

  private record JdbcPart(JdbcSource source, JdbcInput input, Optional<KeyMark> mark) {}
}
