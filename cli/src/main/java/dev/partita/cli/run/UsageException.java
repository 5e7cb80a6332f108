package dev.partita.cli.run;

import dev.partita.PartitaException;

/**
 * An option value is wrong, or options contradict each other or the input (for example a partition column that
 * is not in the schema). Exit code 2; the message names the option.
 */
public final class UsageException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** A usage problem described by {@code message}. */
  public UsageException(String message) {
    super(message);
  }

  /** A usage problem described by {@code message}, found as {@code cause}. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
