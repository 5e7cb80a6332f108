package dev.partita.cli.input;

import dev.partita.PartitaException;

/**
 * One input record is bad: it does not parse, or does not fit the schema. Says where (file, line, column) and
 * why. Under {@code --bad-records skip} or {@code PATH} the write goes on with the next record; under
 * {@code fail} it stops and nothing is committed. Created without a stack trace: bad records can be many.
 */
public final class BadRecordException extends PartitaException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int column;
  private final String columnName;
  private final String reason;
  private final String record;

  /**
   * @param file the input file
   * @param line 1-based line where the record (or the bad field) starts
   * @param column 1-based field position in the record, 0 when the problem is the whole record
   * @param columnName the column's name, empty when the problem is the whole record
   * @param reason what is wrong and, where it helps, what to do
   * @param record the record's text as read (may be empty when unknown)
   */
  public BadRecordException(String file, long line, int column, String columnName, String reason, String record) {
    super(format(file, line, column, columnName, reason), null);
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.reason = reason;
    this.record = record;
  }

  private static String format(String file, long line, int column, String columnName, String reason) {
    StringBuilder b = new StringBuilder().append(file).append(", line ").append(line);
    if (column > 0) {
      b.append(", column ").append(column);
      if (!columnName.isEmpty()) {
        b.append(" (").append(columnName).append(')');
      }
    }
    return b.append(": ").append(reason).toString();
  }

  /** The input file. */
  public String file() {
    return file;
  }

  /** 1-based line. */
  public long line() {
    return line;
  }

  /** 1-based column (field position), 0 for the whole record. */
  public int column() {
    return column;
  }

  /** The column name, empty for the whole record. */
  public String columnName() {
    return columnName;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  /** The record's text as read, possibly empty. */
  public String record() {
    return record;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
