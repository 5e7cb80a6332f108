package dev.partita.format.text.read;

import dev.partita.PartitaException;

/**
 * The input cannot be read on at all: a record longer than a reader accepts, a malformed CSV header, JSON that is
 * not well-formed where the reader cannot find the next record, a compressed stream that is not what its name
 * says. Unlike a problem of one record ({@link TextRecord#hasProblem()}), it ends the read. The message names the
 * file and, where known, the line and column.
 */
public final class TextInputException extends PartitaException {
  private static final long serialVersionUID = 1L;

  /** An input problem described by {@code message}. */
  public TextInputException(String message) {
    super(message);
  }

  /** An input problem described by {@code message}, caused by {@code cause}. */
  public TextInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
