package dev.partita.format.parquet.read;

import dev.partita.PartitaException;
import java.util.Optional;

/**
 * A Parquet file cannot be read by Partita: it uses something the reader does not support (a nested column, a
 * codec such as brotli or Hadoop's framed lz4, column encryption) or its data does not decode. The message names
 * the file, the column and what to do.
 */
public class ParquetReadException extends PartitaException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String column;

  /**
   * @param file the file, as given to the reader
   * @param column the column at fault, or null when the problem is not a column's
   * @param message what is wrong and what to do (the file and column are prefixed)
   */
  public ParquetReadException(String file, String column, String message) {
    this(file, column, message, null);
  }

  /** As {@link #ParquetReadException(String, String, String)}, with a cause. */
  public ParquetReadException(String file, String column, String message, Throwable cause) {
    super(file + (column == null ? "" : ", column '" + column + "'") + ": " + message, cause);
    this.file = file;
    this.column = column;
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The column at fault, when the problem is a column's. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }
}
