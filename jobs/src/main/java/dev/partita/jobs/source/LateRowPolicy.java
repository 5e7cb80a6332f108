package dev.partita.jobs.source;

/**
 * What a run does when a JDBC source holds more rows with bookmark keys at or below the remembered maximum than
 * when that maximum was recorded: rows that arrived "late", which an incremental read never sees because the
 * keys did not increase.
 */
public enum LateRowPolicy {
  /** Count them in the run's {@code rowsLate}, the metrics and its message, and go on. */
  REPORT,
  /** Fail the run before reading anything, naming the count; fix the source or rewind the bookmark. */
  FAIL
}
