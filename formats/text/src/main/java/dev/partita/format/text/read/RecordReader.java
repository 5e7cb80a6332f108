package dev.partita.format.text.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads the records of one text input, one at a time, into a reused {@link TextRecord}. A record with a problem
 * of its own ({@link TextRecord#hasProblem()}) is still returned, so that the caller can report or skip it and
 * go on; input that cannot be read on throws {@link TextInputException}. Not thread-safe. {@link #close()}
 * closes the underlying stream and may be called more than once.
 */
public interface RecordReader extends Closeable {

  /**
   * Moves to the next record.
   *
   * @return false at the end of the input
   * @throws TextInputException when the input cannot be read on (naming file, line and column)
   * @throws IOException when the underlying stream fails
   */
  boolean next() throws IOException;

  /** The current record, valid until the next call of {@link #next()}. */
  TextRecord record();

  /** The text of the current record as read (re-encoded), for a bad-records log. */
  String rawText();

  /** The names of the record's fields in order: the CSV header, or the JSON keys known so far. */
  List<String> fieldNames();

  /**
   * Whether the input held nothing to read: no character at all (CSV) or no JSON value (JSON). Meaningful once
   * {@link #next()} has returned false.
   */
  boolean wasEmpty();
}
