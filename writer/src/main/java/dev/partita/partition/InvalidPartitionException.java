package dev.partita.partition;

import dev.partita.PartitaException;

/**
 * A partition value that cannot become a safe path segment, or a partition path that does not parse. The message
 * names the field (or the path segment), the value and the rule it breaks. Thrown by {@link PartitionPaths} before
 * any file is created.
 */
public class InvalidPartitionException extends PartitaException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the partition field at fault
   * @param message the value and the rule it breaks; the field name is prefixed
   */
  public InvalidPartitionException(String field, String message) {
    super("partition field '" + field + "': " + message);
    this.field = field;
  }

  /**
   * @param field the partition field at fault
   * @param message the value and the rule it breaks; the field name is prefixed
   * @param cause the parse failure behind it
   */
  public InvalidPartitionException(String field, String message, Throwable cause) {
    super("partition field '" + field + "': " + message, cause);
    this.field = field;
  }

  /** The partition field at fault. */
  public String field() {
    return field;
  }
}
