package dev.partita.jobs;

import dev.partita.PartitaException;

/** A job operation failed; the message names the job and what to do. */
public class JobException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JobException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public JobException(String message, Throwable cause) {
    super(message, cause);
  }
}
