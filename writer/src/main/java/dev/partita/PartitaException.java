package dev.partita;

/**
 * Base of every exception Partita throws on purpose. Unchecked; the message names the table, partition, file,
 * row or option at fault and says what to do.
 */
public class PartitaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public PartitaException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public PartitaException(String message, Throwable cause) {
    super(message, cause);
  }
}
