package dev.partita.jobs;

/**
 * Another run of the job holds its lease (or an earlier run's write is still being committed by a live process):
 * this run did not start, read nothing and wrote nothing.
 */
public class JobAlreadyRunningException extends JobException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JobAlreadyRunningException(String message) {
    super(message);
  }
}
