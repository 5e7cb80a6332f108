package dev.partita.jobs.internal;

import dev.partita.jobs.transform.RowBuffer;
import java.io.Closeable;
import java.io.IOException;

/** Reads one input's records, one at a time, into a reusable {@link RowBuffer}. */
public interface RecordReader extends Closeable {

  /**
   * Reads the next record into {@code out} (cleared first).
   *
   * @return false at the end of the input
   * @throws dev.partita.row.InvalidRowException for a record that does not fit the schema; the reader stays
   *     usable and the next call reads the record after it
   * @throws IOException when the input cannot be read (the run fails)
   */
  boolean next(RowBuffer out) throws IOException;
}
