package dev.partita.cli.input;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads the records of one input file, one at a time, into a reused {@link Record}. A record with a problem of
 * its own (see {@link Record#problem()}) is still returned, so that the caller can skip it; input that cannot be
 * read on throws {@link InputException}.
 */
public interface RecordReader extends Closeable {

  /**
   * Moves to the next record.
   *
   * @return false at the end of the file
   * @throws InputException when the input cannot be read on (naming file, line and column)
   */
  boolean next() throws IOException;

  /** The current record, valid until the next call of {@link #next()}. */
  Record record();

  /** The text of the current record as read, for the bad-records file; may be empty when unknown. */
  String rawText();

  /** The names of the record's fields in order: the CSV header, or the JSON keys seen so far. */
  java.util.List<String> fieldNames();
}
