package dev.partita.jobs.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.catalog.Catalog;
import dev.partita.catalog.TableId;
import dev.partita.catalog.jdbc.JdbcCatalog;
import dev.partita.jobs.Bookmark;
import dev.partita.jobs.FileMark;
import dev.partita.jobs.JobAlreadyRunningException;
import dev.partita.jobs.JobDefinition;
import dev.partita.jobs.JobException;
import dev.partita.jobs.KeyMark;
import dev.partita.jobs.RunInput;
import dev.partita.jobs.RunRecord;
import dev.partita.jobs.RunStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The jobs' tables in the catalog database (migration {@code V2__jobs}): jobs, leases, runs and bookmark entries.
 * Every method is one catalog transaction.
 *
 * <p>A bookmark entry belongs to the bookmark only when the catalog registered its write id for the job's table
 * ({@link #REGISTERED}): the registration transaction, run by the table's commit hook, is what advances it.
 */
public final class JobStore {
  /** The condition that the write id in {@code %s} is registered for the table of job row {@code j}. */
  private static final String REGISTERED = "EXISTS (SELECT 1 FROM partita_commits c"
      + " JOIN partita_tables t ON t.id = c.table_id JOIN partita_namespaces n ON n.id = t.namespace_id"
      + " WHERE n.name = j.table_namespace AND t.name = j.table_name AND c.write_id = %s)";
  private static final String RUN_COLUMNS = "r.run_no, r.write_id, r.owner, r.status, r.started_at, r.ended_at,"
      + " r.inputs_read, r.rows_in, r.rows_out, r.rows_bad, r.rows_late, r.files_written, r.bytes_written,"
      + " r.partitions_touched, r.partitions, r.message";
  private static final JsonFactory JSON = new JsonFactory();

  private final JdbcCatalog catalog;
  private final Clock clock;
  private final String forUpdate;

  private JobStore(JdbcCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
    this.forUpdate = catalog.databaseKind().equals("postgresql") ? " FOR UPDATE" : "";
  }

  /**
   * The store in {@code catalog}'s database.
   *
   * @throws IllegalArgumentException when the catalog is not a JDBC catalog
   */
  public static JobStore of(Catalog catalog, Clock clock) {
    Objects.requireNonNull(catalog, "catalog");
    if (!(catalog instanceof JdbcCatalog jdbc)) {
      throw new IllegalArgumentException("jobs keep their bookmarks in the catalog database: open the catalog with"
          + " Catalogs.open (SQLite or PostgreSQL), got " + catalog.getClass().getName());
    }
    return new JobStore(jdbc, Objects.requireNonNull(clock, "clock"));
  }

  /** The catalog, for messages. */
  public String describe() {
    return catalog.describe();
  }

  /** A job as stored. */
  public record JobRow(long id, String name, TableId table, Optional<Instant> pausedAt, Optional<String> reason) {}

  /** What {@link #begin} decided. */
  public record Begin(long run, String writeId, Optional<RunRecord> skipped) {}

  /** Counters staged with a run's bookmark entries. */
  public record Counts(long inputsRead, long rowsIn, long rowsOut, long rowsBad, long rowsLate) {}

  /** The effective bookmark: files by source and path, key positions by source. */
  public record Marks(Map<String, Map<String, FileMark>> files, Map<String, KeyMark> keys, long lastRun) {}

  /**
   * Registers the job if new and records its description and its definition's options (a new definition version
   * when they differ from the current one).
   *
   * @throws JobException when a job of that name writes another table
   */
  public long ensureJob(String name, TableId table, String definition, Map<String, String> options) {
    return catalog.inWriteTransaction("registering job '" + name + "'", c -> {
      long now = clock.millis();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_jobs (name, table_namespace, table_name,"
          + " definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        p.setString(1, name);
        p.setString(2, table.namespace());
        p.setString(3, table.name());
        p.setString(4, definition);
        p.setLong(5, now);
        p.setLong(6, now);
        p.executeUpdate();
      }
      JobRow job = job(c, name, false).orElseThrow();
      if (!job.table().equals(table)) {
        throw new JobException("job '" + name + "' writes table " + job.table() + " (its bookmark and history refer"
            + " to it), not " + table + "; give a job for another table its own name");
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE partita_jobs SET definition = ?, updated_at = ? WHERE id = ? AND definition <> ?")) {
        p.setString(1, definition);
        p.setLong(2, now);
        p.setLong(3, job.id());
        p.setString(4, definition);
        p.executeUpdate();
      }
      Optional<JobDefinition> current = definitions(c, job, true).stream().findFirst();
      if (current.isEmpty() || !current.get().options().equals(options)) {
        long sinceRun;
        try (PreparedStatement p = c.prepareStatement(
            "SELECT COALESCE(MAX(run_no), 0) + 1 FROM partita_job_runs WHERE job_id = ?")) {
          p.setLong(1, job.id());
          try (ResultSet r = p.executeQuery()) {
            r.next();
            sinceRun = r.getLong(1);
          }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_definitions (job_id, version, options,"
            + " stored_at, since_run) VALUES (?, ?, ?, ?, ?)")) {
          p.setLong(1, job.id());
          p.setLong(2, current.map(d -> d.version() + 1).orElse(1L));
          p.setString(3, toJsonObject(options));
          p.setLong(4, now);
          p.setLong(5, sinceRun);
          p.executeUpdate();
        }
      }
      return job.id();
    });
  }

  /** The job's definitions, newest first (only the newest with {@code latest}); empty for an unknown job. */
  public List<JobDefinition> definitions(String name, boolean latest) {
    return catalog.inReadTransaction("reading the definition of job '" + name + "'", c -> {
      Optional<JobRow> job = job(c, name, false);
      return job.isEmpty() ? List.<JobDefinition>of() : definitions(c, job.get(), latest);
    });
  }

  private List<JobDefinition> definitions(Connection c, JobRow job, boolean latest) throws SQLException {
    List<JobDefinition> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT version, options, stored_at, since_run FROM"
        + " partita_job_definitions WHERE job_id = ? ORDER BY version DESC" + (latest ? " LIMIT 1" : ""))) {
      p.setLong(1, job.id());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new JobDefinition(job.name(), job.table(), r.getLong(1), Instant.ofEpochMilli(r.getLong(3)),
              r.getLong(4), fromJsonObject(r.getString(2))));
        }
      }
    }
    return out;
  }

  private Optional<JobRow> job(Connection c, String name, boolean lock) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, name, table_namespace, table_name, paused_at,"
        + " pause_reason FROM partita_jobs WHERE name = ?" + (lock ? forUpdate : ""))) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long paused = r.getLong(5);
        boolean isPaused = !r.wasNull();
        return Optional.of(new JobRow(r.getLong(1), r.getString(2), TableId.of(r.getString(3), r.getString(4)),
            isPaused ? Optional.of(Instant.ofEpochMilli(paused)) : Optional.empty(),
            Optional.ofNullable(r.getString(6))));
      }
    }
  }

  private JobRow requireJob(Connection c, String name, boolean lock) throws SQLException {
    return job(c, name, lock).orElseThrow(() -> new JobException("no job named '" + name + "' in catalog "
        + catalog.describe() + "; a job is registered by its first run"));
  }

  /** The job, if registered. */
  public Optional<JobRow> find(String name) {
    return catalog.inReadTransaction("reading job '" + name + "'", c -> job(c, name, false));
  }

  /**
   * Takes the job's lease and records a new run as {@link RunStatus#RUNNING}; for a paused job records a
   * {@link RunStatus#SKIPPED} run instead and takes no lease.
   *
   * @throws JobAlreadyRunningException when a live run holds the lease
   */
  public Begin begin(String name, String owner, Duration lease) {
    return catalog.inWriteTransaction("starting a run of job '" + name + "'", c -> {
      JobRow job = requireJob(c, name, true);
      long now = clock.millis();
      long run;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT COALESCE(MAX(run_no), 0) + 1 FROM partita_job_runs WHERE job_id = ?")) {
        p.setLong(1, job.id());
        try (ResultSet r = p.executeQuery()) {
          r.next();
          run = r.getLong(1);
        }
      }
      String writeId = "job" + job.id() + "-run" + run + "-"
          + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      if (job.pausedAt().isPresent()) {
        String message = "job paused since " + job.pausedAt().get() + job.reason().map(r -> " (" + r + ")").orElse("")
            + "; resume it to run";
        insertRun(c, job.id(), run, writeId, owner, RunStatus.SKIPPED, now, now, message);
        return new Begin(run, writeId, Optional.of(runs(c, job, run).get(0)));
      }
      try (PreparedStatement p = c.prepareStatement("SELECT owner, run_no, acquired_at, expires_at"
          + " FROM partita_job_leases WHERE job_id = ?")) {
        p.setLong(1, job.id());
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            String holder = r.getString(1);
            long expires = r.getLong(4);
            if (expires > now && !Owner.isDeadOnThisHost(holder)) {
              throw new JobAlreadyRunningException("job '" + name + "' is already running: run " + r.getLong(2)
                  + " of " + holder + " holds its lease since " + Instant.ofEpochMilli(r.getLong(3))
                  + " (renewed until " + Instant.ofEpochMilli(expires) + "). This run did not start and wrote"
                  + " nothing; run it again when that run has finished (a crashed run's lease expires by then)");
            }
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM partita_job_leases WHERE job_id = ?")) {
        p.setLong(1, job.id());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_leases (job_id, owner, run_no,"
          + " acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
        p.setLong(1, job.id());
        p.setString(2, owner);
        p.setLong(3, run);
        p.setLong(4, now);
        p.setLong(5, now + lease.toMillis());
        p.executeUpdate();
      }
      insertRun(c, job.id(), run, writeId, owner, RunStatus.RUNNING, now, null, null);
      return new Begin(run, writeId, Optional.empty());
    });
  }

  private static void insertRun(Connection c, long job, long run, String writeId, String owner, RunStatus status,
      long started, Long ended, String message) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_runs (job_id, run_no, write_id, owner,"
        + " status, started_at, ended_at, inputs_read, rows_in, rows_out, rows_bad, rows_late, files_written,"
        + " bytes_written, partitions_touched, partitions, message)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, '', ?)")) {
      p.setLong(1, job);
      p.setLong(2, run);
      p.setString(3, writeId);
      p.setString(4, owner);
      p.setString(5, status.name());
      p.setLong(6, started);
      if (ended == null) {
        p.setNull(7, Types.BIGINT);
      } else {
        p.setLong(7, ended);
      }
      p.setString(8, message);
      p.executeUpdate();
    }
  }

  /** Extends the lease; false when this run no longer holds it. */
  public boolean renew(long job, String owner, long run, Duration lease) {
    return catalog.inWriteTransaction("renewing the lease of run " + run, c -> renew(c, job, owner, run, lease));
  }

  private boolean renew(Connection c, long job, String owner, long run, Duration lease) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_leases SET expires_at = ?"
        + " WHERE job_id = ? AND owner = ? AND run_no = ?")) {
      p.setLong(1, clock.millis() + lease.toMillis());
      p.setLong(2, job);
      p.setString(3, owner);
      p.setLong(4, run);
      return p.executeUpdate() == 1;
    }
  }

  /**
   * Settles earlier runs left {@link RunStatus#RUNNING} or {@link RunStatus#COMMITTING} by processes that ended:
   * succeeded when the catalog registered their write (recovery completed their commit), failed otherwise (their
   * staged entries are removed). Call after opening the table (its recovery) while holding the lease.
   *
   * @param liveWrites write ids whose lock a live process holds (from the table's recovery)
   * @return one note per settled run
   * @throws JobAlreadyRunningException when an unsettled run's write is still live
   */
  public List<String> settle(String name, long currentRun, Set<String> liveWrites) {
    return catalog.inWriteTransaction("settling earlier runs of job '" + name + "'", c -> {
      JobRow job = requireJob(c, name, true);
      record Open(long run, String writeId, RunStatus status, boolean registered) {}
      List<Open> open = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT r.run_no, r.write_id, r.status, "
          + String.format(REGISTERED, "r.write_id") + " FROM partita_job_runs r JOIN partita_jobs j ON j.id = r.job_id"
          + " WHERE r.job_id = ? AND r.run_no < ? AND r.status IN ('RUNNING', 'COMMITTING') ORDER BY r.run_no")) {
        p.setLong(1, job.id());
        p.setLong(2, currentRun);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            open.add(new Open(r.getLong(1), r.getString(2), RunStatus.valueOf(r.getString(3)), r.getBoolean(4)));
          }
        }
      }
      List<String> notes = new ArrayList<>();
      long now = clock.millis();
      for (Open o : open) {
        if (o.registered()) {
          long[] written = written(c, job, o.writeId());
          List<String> partitions = writtenPartitions(c, job, o.writeId());
          try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_runs SET status = 'SUCCEEDED',"
              + " ended_at = ?, files_written = ?, bytes_written = ?, partitions_touched = ?, partitions = ?,"
              + " message = ? WHERE job_id = ? AND run_no = ?")) {
            p.setLong(1, now);
            p.setLong(2, written[0]);
            p.setLong(3, written[1]);
            p.setLong(4, partitions.size());
            p.setString(5, String.join("\n", partitions));
            p.setString(6, "completed by recovery: the run's process ended after its commit was decided; the"
                + " commit and its bookmark were registered when the table was next opened");
            p.setLong(7, job.id());
            p.setLong(8, o.run());
            p.executeUpdate();
          }
          notes.add("run " + o.run() + " was completed by recovery");
        } else if (liveWrites.contains(o.writeId())) {
          throw new JobAlreadyRunningException("job '" + name + "': write " + o.writeId() + " of run " + o.run()
              + " is still held by a live process although its lease ended; this run did not start. Stop that"
              + " process, or wait for it to finish");
        } else {
          try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_runs SET status = 'FAILED',"
              + " ended_at = ?, message = ? WHERE job_id = ? AND run_no = ?")) {
            p.setLong(1, now);
            p.setString(2, "the run's process ended before its commit was decided (status was " + o.status()
                + "); nothing of it is in the table and its bookmark did not move");
            p.setLong(3, job.id());
            p.setLong(4, o.run());
            p.executeUpdate();
          }
          deleteMarks(c, job.id(), "run_no = ?", o.run());
          notes.add("run " + o.run() + " had ended before committing; marked failed");
        }
      }
      return notes;
    });
  }

  /** Files and bytes the catalog holds for a write id in the job's table. */
  private long[] written(Connection c, JobRow job, String writeId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(f.byte_count), 0)"
        + " FROM partita_files f JOIN partita_tables t ON t.id = f.table_id"
        + " JOIN partita_namespaces n ON n.id = t.namespace_id WHERE n.name = ? AND t.name = ? AND f.write_id = ?")) {
      p.setString(1, job.table().namespace());
      p.setString(2, job.table().name());
      p.setString(3, writeId);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return new long[] {r.getLong(1), r.getLong(2)};
      }
    }
  }

  private List<String> writtenPartitions(Connection c, JobRow job, String writeId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT p.path FROM partita_files f"
        + " JOIN partita_partitions p ON p.id = f.partition_id JOIN partita_tables t ON t.id = f.table_id"
        + " JOIN partita_namespaces n ON n.id = t.namespace_id WHERE n.name = ? AND t.name = ? AND f.write_id = ?"
        + " ORDER BY p.path")) {
      p.setString(1, job.table().namespace());
      p.setString(2, job.table().name());
      p.setString(3, writeId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next() && out.size() < RunRecord.MAX_LISTED_PARTITIONS) {
          if (!r.getString(1).isEmpty()) {
            out.add(r.getString(1));
          }
        }
      }
    }
    return out;
  }

  /** The job's effective bookmark. */
  public Marks marks(String name) {
    return catalog.inReadTransaction("reading the bookmark of job '" + name + "'", c -> marks(c, requireJob(c, name,
        false)));
  }

  private Marks marks(Connection c, JobRow job) throws SQLException {
    Map<String, Map<String, FileMark>> files = new TreeMap<>();
    long last = 0;
    try (PreparedStatement p = c.prepareStatement("SELECT m.source, m.path, m.run_no, m.size, m.modified_us,"
        + " m.content_hash FROM partita_job_file_marks m JOIN partita_jobs j ON j.id = m.job_id WHERE m.job_id = ?"
        + " AND " + String.format(REGISTERED, "m.write_id") + " ORDER BY m.source, m.path, m.run_no")) {
      p.setLong(1, job.id());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long micros = r.getLong(5);
          FileMark m = new FileMark(r.getString(1), r.getString(2), r.getLong(4),
              Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
              Optional.ofNullable(r.getString(6)), r.getLong(3));
          files.computeIfAbsent(m.source(), k -> new TreeMap<>()).put(m.path(), m);
          last = Math.max(last, m.run());
        }
      }
    }
    Map<String, KeyMark> keys = new TreeMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT m.source, m.run_no, m.key_columns, m.key_values,"
        + " m.rows_covered FROM partita_job_key_marks m JOIN partita_jobs j ON j.id = m.job_id WHERE m.job_id = ?"
        + " AND " + String.format(REGISTERED, "m.write_id") + " ORDER BY m.source, m.run_no")) {
      p.setLong(1, job.id());
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          KeyMark k = new KeyMark(r.getString(1), fromJson(r.getString(3)), fromJson(r.getString(4)), r.getLong(5),
              r.getLong(2));
          keys.put(k.source(), k);
          last = Math.max(last, k.run());
        }
      }
    }
    return new Marks(files, keys, last);
  }

  /**
   * Stages a run's bookmark entries, inputs and counters, after checking it still holds the lease; the entries
   * count once the run's write is registered.
   *
   * @throws JobException when the run lost its lease (nothing is staged; the run must not commit)
   */
  public void stage(long job, String name, long run, String owner, String writeId, Duration lease,
      List<FileMark> files, List<KeyMark> keys, List<RunInput> inputs, Counts counts) {
    catalog.inWriteTransaction("staging the bookmark of run " + run + " of job '" + name + "'", c -> {
      if (!renew(c, job, owner, run, lease)) {
        throw new JobException("run " + run + " of job '" + name + "' lost its lease (it was not renewed in time"
            + " and another run took it); it stops without committing so that no input is written twice");
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_file_marks (job_id, source, path,"
          + " run_no, write_id, size, modified_us, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (FileMark m : files) {
          p.setLong(1, job);
          p.setString(2, m.source());
          p.setString(3, m.path());
          p.setLong(4, run);
          p.setString(5, writeId);
          p.setLong(6, m.size());
          p.setLong(7, Math.addExact(Math.multiplyExact(m.modifiedAt().getEpochSecond(), 1_000_000L),
              m.modifiedAt().getNano() / 1000));
          p.setString(8, m.contentHash().orElse(null));
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_key_marks (job_id, source, run_no,"
          + " write_id, key_columns, key_values, rows_covered) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (KeyMark k : keys) {
          p.setLong(1, job);
          p.setString(2, k.source());
          p.setLong(3, run);
          p.setString(4, writeId);
          p.setString(5, toJson(k.columns()));
          p.setString(6, toJson(k.values()));
          p.setLong(7, k.rowsCovered());
          p.addBatch();
        }
        p.executeBatch();
      }
      insertInputs(c, job, run, inputs);
      try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_runs SET status = 'COMMITTING',"
          + " inputs_read = ?, rows_in = ?, rows_out = ?, rows_bad = ?, rows_late = ? WHERE job_id = ? AND run_no = ?")) {
        p.setLong(1, counts.inputsRead());
        p.setLong(2, counts.rowsIn());
        p.setLong(3, counts.rowsOut());
        p.setLong(4, counts.rowsBad());
        p.setLong(5, counts.rowsLate());
        p.setLong(6, job);
        p.setLong(7, run);
        p.executeUpdate();
      }
      return null;
    });
  }

  private static void insertInputs(Connection c, long job, long run, List<RunInput> inputs) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_job_run_inputs (job_id, run_no, source,"
        + " input, rows_read, bytes_read) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (job_id, run_no, source, input)"
        + " DO NOTHING")) {
      for (RunInput i : inputs) {
        p.setLong(1, job);
        p.setLong(2, run);
        p.setString(3, i.source());
        p.setString(4, i.input());
        p.setLong(5, i.rows());
        p.setLong(6, i.bytes());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** How a run ends. */
  public record Finish(RunStatus status, Counts counts, long files, long bytes, List<String> partitions,
      String message, boolean dropStaged, List<RunInput> inputs) {}

  /**
   * Records a run's end and releases its lease; a failed run whose commit was not decided also drops its staged
   * entries.
   *
   * @return the final history record
   */
  public RunRecord finish(long job, String name, long run, String owner, Finish f) {
    return catalog.inWriteTransaction("finishing run " + run + " of job '" + name + "'", c -> {
      List<String> partitions = f.partitions().size() > RunRecord.MAX_LISTED_PARTITIONS
          ? f.partitions().subList(0, RunRecord.MAX_LISTED_PARTITIONS) : f.partitions();
      try (PreparedStatement p = c.prepareStatement("UPDATE partita_job_runs SET status = ?, ended_at = ?,"
          + " inputs_read = ?, rows_in = ?, rows_out = ?, rows_bad = ?, rows_late = ?, files_written = ?,"
          + " bytes_written = ?, partitions_touched = ?, partitions = ?, message = ? WHERE job_id = ? AND run_no = ?")) {
        p.setString(1, f.status().name());
        p.setLong(2, clock.millis());
        p.setLong(3, f.counts().inputsRead());
        p.setLong(4, f.counts().rowsIn());
        p.setLong(5, f.counts().rowsOut());
        p.setLong(6, f.counts().rowsBad());
        p.setLong(7, f.counts().rowsLate());
        p.setLong(8, f.files());
        p.setLong(9, f.bytes());
        p.setLong(10, f.partitions().size());
        p.setString(11, String.join("\n", partitions));
        p.setString(12, f.message());
        p.setLong(13, job);
        p.setLong(14, run);
        p.executeUpdate();
      }
      insertInputs(c, job, run, f.inputs());
      if (f.dropStaged()) {
        deleteMarks(c, job, "run_no = ?", run);
      }
      try (PreparedStatement p = c.prepareStatement(
          "DELETE FROM partita_job_leases WHERE job_id = ? AND owner = ? AND run_no = ?")) {
        p.setLong(1, job);
        p.setString(2, owner);
        p.setLong(3, run);
        p.executeUpdate();
      }
      return runs(c, requireJob(c, name, false), run).get(0);
    });
  }

  private static void deleteMarks(Connection c, long job, String condition, long run) throws SQLException {
    for (String table : new String[] {"partita_job_file_marks", "partita_job_key_marks"}) {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE job_id = ? AND " + condition)) {
        p.setLong(1, job);
        p.setLong(2, run);
        p.executeUpdate();
      }
    }
  }

  /** Runs of a job, newest first; {@code run} 0 for all. */
  public List<RunRecord> runs(String name, long run) {
    return catalog.inReadTransaction("reading runs of job '" + name + "'", c -> runs(c, requireJob(c, name, false),
        run));
  }

  /** The names of all jobs, sorted. */
  public List<String> jobNames() {
    return catalog.inReadTransaction("listing jobs", c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT name FROM partita_jobs ORDER BY name");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    });
  }

  private List<RunRecord> runs(Connection c, JobRow job, long run) throws SQLException {
    List<RunRecord> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM partita_job_runs r"
        + " WHERE r.job_id = ?" + (run > 0 ? " AND r.run_no = ?" : "") + " ORDER BY r.run_no DESC")) {
      p.setLong(1, job.id());
      if (run > 0) {
        p.setLong(2, run);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long ended = r.getLong(6);
          boolean hasEnd = !r.wasNull();
          String parts = r.getString(15);
          out.add(new RunRecord(job.name(), r.getLong(1), r.getString(2), r.getString(3),
              RunStatus.valueOf(r.getString(4)), Instant.ofEpochMilli(r.getLong(5)),
              hasEnd ? Optional.of(Instant.ofEpochMilli(ended)) : Optional.empty(), r.getLong(7), r.getLong(8),
              r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12), r.getLong(13), r.getLong(14),
              parts == null || parts.isEmpty() ? List.of() : Arrays.asList(parts.split("\n")),
              Optional.ofNullable(r.getString(16))));
        }
      }
    }
    return out;
  }

  /** The inputs a run read, by source and input. */
  public List<RunInput> inputs(String name, long run) {
    return catalog.inReadTransaction("reading inputs of run " + run + " of job '" + name + "'", c -> {
      JobRow job = requireJob(c, name, false);
      List<RunInput> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT source, input, rows_read, bytes_read FROM"
          + " partita_job_run_inputs WHERE job_id = ? AND run_no = ? ORDER BY source, input")) {
        p.setLong(1, job.id());
        p.setLong(2, run);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new RunInput(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)));
          }
        }
      }
      return out;
    });
  }

  /** The job's bookmark as {@link Bookmark}. */
  public Bookmark bookmark(String name) {
    return catalog.inReadTransaction("reading the bookmark of job '" + name + "'", c -> {
      JobRow job = requireJob(c, name, false);
      Marks m = marks(c, job);
      List<FileMark> files = new ArrayList<>();
      m.files().values().forEach(byPath -> files.addAll(byPath.values()));
      return new Bookmark(job.name(), job.table(), m.lastRun(), job.pausedAt(), job.reason(), files,
          new ArrayList<>(m.keys().values()));
    });
  }

  /**
   * Removes the entries of runs after {@code run} (all for 0), so the next run reads their inputs again.
   *
   * @return entries removed
   * @throws JobAlreadyRunningException when a live run holds the lease
   */
  public int rewind(String name, long run) {
    return catalog.inWriteTransaction((run == 0 ? "resetting" : "rewinding") + " the bookmark of job '" + name + "'",
        c -> {
          JobRow job = requireJob(c, name, true);
          failIfLeased(c, job, run == 0 ? "reset" : "rewind");
          if (run > 0 && runs(c, job, run).isEmpty()) {
            throw new JobException("job '" + name + "' has no run " + run + "; see its run history for run numbers");
          }
          int removed = 0;
          for (String table : new String[] {"partita_job_file_marks", "partita_job_key_marks"}) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE job_id = ? AND run_no > ?")) {
              p.setLong(1, job.id());
              p.setLong(2, run);
              removed += p.executeUpdate();
            }
          }
          return removed;
        });
  }

  private void failIfLeased(Connection c, JobRow job, String what) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT owner, run_no, expires_at FROM partita_job_leases"
        + " WHERE job_id = ?")) {
      p.setLong(1, job.id());
      try (ResultSet r = p.executeQuery()) {
        if (r.next() && r.getLong(3) > clock.millis() && !Owner.isDeadOnThisHost(r.getString(1))) {
          throw new JobAlreadyRunningException("cannot " + what + " the bookmark of job '" + job.name() + "' while"
              + " run " + r.getLong(2) + " of " + r.getString(1) + " holds its lease; wait for it to finish");
        }
      }
    }
  }

  /** Pauses (reason non-null) or resumes (null) a job; returns false when nothing changed. */
  public boolean pause(String name, String reason) {
    return catalog.inWriteTransaction((reason == null ? "resuming" : "pausing") + " job '" + name + "'", c -> {
      JobRow job = requireJob(c, name, true);
      if ((reason != null) == job.pausedAt().isPresent()) {
        return false;
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE partita_jobs SET paused_at = ?, pause_reason = ?, updated_at = ? WHERE id = ?")) {
        long now = clock.millis();
        if (reason == null) {
          p.setNull(1, Types.BIGINT);
        } else {
          p.setLong(1, now);
        }
        p.setString(2, reason);
        p.setLong(3, now);
        p.setLong(4, job.id());
        p.executeUpdate();
      }
      return true;
    });
  }

  /** Runs left RUNNING or COMMITTING, as {@code run:status} notes, for dry runs. */
  public List<String> unsettled(String name) {
    List<String> out = new ArrayList<>();
    for (RunRecord r : runs(name, 0)) {
      if (r.status() == RunStatus.RUNNING || r.status() == RunStatus.COMMITTING) {
        out.add("run " + r.run() + " is " + r.status() + " (write " + r.writeId() + "); a run settles it first");
      }
    }
    return out;
  }

  static String toJson(List<String> values) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartArray();
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static String toJsonObject(Map<String, String> values) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      for (Map.Entry<String, String> e : values.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  static Map<String, String> fromJsonObject(String json) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object: " + json);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String key = p.currentName();
        p.nextToken();
        out.put(key, p.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bad job definition " + json, e);
    }
    return out;
  }

  static List<String> fromJson(String json) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not an array: " + json);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        out.add(p.getText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bad bookmark key value list " + json, e);
    }
    return out;
  }
}
