package dev.partita.jobs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Objects;

/**
 * The meters of one job, tagged {@code job=<name>}: counters of inputs and rows, files and bytes, runs by status,
 * and timers of whole runs and of commits. Counters are updated once per input and per run, never per row.
 */
public final class JobMeters {
  /** Counter, tag {@code status}: runs that ended. */
  public static final String RUNS = "partita.job.runs";
  /** Counter: inputs read (files, or JDBC sources that returned rows). */
  public static final String INPUTS = "partita.job.inputs.read";
  /** Counter: records read from sources. */
  public static final String ROWS_IN = "partita.job.rows.in";
  /** Counter: rows written to tables (by runs that succeeded). */
  public static final String ROWS_OUT = "partita.job.rows.out";
  /** Counter: bad records. */
  public static final String ROWS_BAD = "partita.job.rows.bad";
  /** Counter: JDBC rows that arrived below the bookmark. */
  public static final String ROWS_LATE = "partita.job.rows.late";
  /** Counter: data files published. */
  public static final String FILES = "partita.job.files.written";
  /** Counter: bytes of data files published. */
  public static final String BYTES = "partita.job.bytes.written";
  /** Counter: runs that did not start because another run held the lease. */
  public static final String LEASE_REJECTED = "partita.job.lease.rejected";
  /** Timer, tag {@code status}: run durations. */
  public static final String RUN_DURATION = "partita.job.run.duration";
  /** Timer: commit durations (publishing, registration and bookmark). */
  public static final String COMMIT_DURATION = "partita.job.commit.duration";

  private final MeterRegistry registry;
  private final Tags tags;

  /** The meters of job {@code job} in {@code registry}. */
  public JobMeters(MeterRegistry registry, String job) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tags = Tags.of("job", Objects.requireNonNull(job, "job"));
  }

  /** The job's tags. */
  public Tags tags() {
    return tags;
  }

  /** Adds one read input with its records. */
  public void input(long rows) {
    registry.counter(INPUTS, tags).increment();
    registry.counter(ROWS_IN, tags).increment(rows);
  }

  /** Adds bad and late rows. */
  public void rejected(long bad, long late) {
    registry.counter(ROWS_BAD, tags).increment(bad);
    registry.counter(ROWS_LATE, tags).increment(late);
  }

  /** Adds a commit's output and duration. */
  public void committed(long rows, long files, long bytes, Duration took) {
    registry.counter(ROWS_OUT, tags).increment(rows);
    registry.counter(FILES, tags).increment(files);
    registry.counter(BYTES, tags).increment(bytes);
    registry.timer(COMMIT_DURATION, tags).record(took);
  }

  /** Counts a finished run and its duration. */
  public void run(String status, Duration took) {
    Tags t = tags.and("status", status);
    registry.counter(RUNS, t).increment();
    registry.timer(RUN_DURATION, t).record(took);
  }

  /** Counts a run refused because of the lease. */
  public void leaseRejected() {
    Counter.builder(LEASE_REJECTED).tags(tags).register(registry).increment();
  }
}
