package dev.partita.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a job, as kept in the catalog's run history.
 *
 * @param job the job's name
 * @param run the run number, 1 for the job's first run
 * @param writeId the id of the run's write to the table (its files are named after it)
 * @param owner the process that ran it ({@code host/pid/start})
 * @param status its state
 * @param startedAt when it started
 * @param endedAt when it ended; empty while it runs
 * @param inputsRead files read, or JDBC sources that returned rows
 * @param rowsIn records read from the sources, including bad ones
 * @param rowsOut rows written to the table
 * @param rowsBad records rejected (unparseable, rejected by the transform or by the table's schema)
 * @param rowsLate JDBC rows found with bookmark keys at or below the remembered maximum, never read
 * @param filesWritten data files published
 * @param bytesWritten their bytes
 * @param partitionsTouched distinct partitions written to
 * @param partitions their Hive paths, sorted (at most {@value #MAX_LISTED_PARTITIONS})
 * @param message the error of a failed run, or warnings (bad rows, late rows) of a finished one
 */
public record RunRecord(String job, long run, String writeId, String owner, RunStatus status, Instant startedAt,
    Optional<Instant> endedAt, long inputsRead, long rowsIn, long rowsOut, long rowsBad, long rowsLate,
    long filesWritten, long bytesWritten, long partitionsTouched, List<String> partitions,
    Optional<String> message) {

  /** Most partition paths kept per run. */
  public static final int MAX_LISTED_PARTITIONS = 1000;

  /** Validates and copies. */
  public RunRecord {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    partitions = List.copyOf(partitions);
    Objects.requireNonNull(message, "message");
  }

  /** Records read but neither written nor bad: dropped by the transform. */
  public long rowsFiltered() {
    return rowsIn - rowsOut - rowsBad;
  }
}
