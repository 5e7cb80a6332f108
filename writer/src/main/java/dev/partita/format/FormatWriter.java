package dev.partita.format;

import dev.partita.row.Row;
import java.io.IOException;

/**
 * Writes the rows of one file. Single-threaded. A writer is open until {@link #finish} or {@link #abort}, which
 * both close the stream; any call after that fails.
 */
public interface FormatWriter {

  /**
   * Appends one row. The row has been validated against the schema (types and required columns). A format that
   * finds a value it cannot store (for example out of its range) throws
   * {@link dev.partita.row.InvalidRowException} before writing any part of the row, and stays usable; any other
   * failure is an I/O or internal error that makes the file unusable.
   */
  void write(Row row) throws IOException;

  /**
   * Progress so far: rows taken, bytes held in memory, and the estimated file size if finished now. Cheap
   * enough to call every few rows.
   */
  FormatProgress progress();

  /**
   * Writes out buffered rows now (a Parquet row group, an ORC stripe, a text chunk) to release memory; the
   * memory budget calls this. A no-op when nothing is buffered.
   */
  void flush() throws IOException;

  /** Writes the footer, closes the stream and describes the complete file. */
  FileMetrics finish() throws IOException;

  /** Closes the stream without completing the file; the caller deletes it. Idempotent. */
  void abort();
}
