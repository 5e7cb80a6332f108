package dev.partita.jobs;

/**
 * A run failed. Its history record says what it read before failing; unless the commit was already decided
 * (then the next open of the table completes it and the next run records it as succeeded), nothing of it is in
 * the table and the bookmark did not move, so the next run reads the same inputs again.
 */
public class JobRunException extends JobException {
  private static final long serialVersionUID = 1L;

  private final transient RunRecord record;

  /** Creates the exception. */
  public JobRunException(String message, RunRecord record, Throwable cause) {
    super(message, cause);
    this.record = record;
  }

  /** The failed run's history record. */
  public RunRecord record() {
    return record;
  }
}
