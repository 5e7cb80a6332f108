package dev.partita.cli.convert;

/**
 * A field's text is not a value of its column's type. Thrown by {@link TextValues} and {@link RowConverter}
 * without a stack trace (bad records may be many); the caller adds file and line.
 */
public final class ValueException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;

  /**
   * @param column the schema column, -1 when not yet known
   * @param reason what is wrong
   */
  public ValueException(int column, String reason) {
    super(reason, null, false, false);
    this.column = column;
  }

  /** The schema column at fault, or -1. */
  public int column() {
    return column;
  }
}
