package dev.partita.cli.input;

import dev.partita.PartitaException;

/**
 * The input cannot be read on at all: a missing or empty file, a header that does not match, JSON that is not
 * well-formed. Stops the write (exit code 1) whatever {@code --bad-records} says. The message names the file and,
 * where known, the line and column.
 */
public final class InputException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** An input problem described by {@code message}. */
  public InputException(String message) {
    super(message);
  }

  /** An input problem described by {@code message}, caused by {@code cause}. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
