package dev.partita.row;

import dev.partita.PartitaException;

/**
 * A row was rejected before it reached any file: a value of the wrong type, out of range, or null in a required
 * column. Nothing of the row was written, so the write can go on with the next row.
 */
public class InvalidRowException extends PartitaException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final long rowNumber;

  /**
   * @param column the column at fault
   * @param rowNumber 1-based number of the row in its source, 0 if unknown
   * @param problem what is wrong, including the value's type
   */
  public InvalidRowException(String column, long rowNumber, String problem) {
    super("row " + rowNumber + ", column '" + column + "': " + problem);
    this.column = column;
    this.rowNumber = rowNumber;
  }

  /** The column at fault. */
  public String column() {
    return column;
  }

  /** 1-based row number in the adapter or writer that rejected it. */
  public long rowNumber() {
    return rowNumber;
  }
}
