package dev.partita.format.text.read;

/**
 * A field's text is not a value of the type asked for. Thrown by {@link TextValues} (and by converters built on
 * it) without a stack trace, since bad records may be many; the caller adds file and line. The message says what
 * the text is not, for example {@code 'x4' is not an integer}.
 */
public final class ValueException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int column;

  /**
   * A problem with a value.
   *
   * @param column the schema column at fault, -1 when not known (as in {@link TextValues})
   * @param reason what is wrong
   */
  public ValueException(int column, String reason) {
    super(reason, null, false, false);
    this.column = column;
  }

  /** The schema column at fault, or -1 when not known. */
  public int column() {
    return column;
  }
}
