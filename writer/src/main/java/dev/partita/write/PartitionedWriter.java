package dev.partita.write;

import dev.partita.commit.CommitResult;
import dev.partita.row.Row;

/**
 * Writes rows into a table, each to its partition's file, and publishes them all at once on {@link #commit()}.
 * Nothing is visible to readers before the commit; {@link #abort()} (or {@link #close()} without a commit)
 * removes every file of the write. Obtain one from {@link dev.partita.table.Table#newWriter}.
 *
 * <p>Implementations: fanout (rows in any order, many open files, bounded by {@code maxOpenFiles} and the memory
 * budget), clustered (rows grouped by partition, one open file), and parallel fanout (see
 * {@link WriteOptions.Builder#parallelism}). With parallelism 1 a writer is used by one thread at a time; with
 * more, {@link #write} may be called from several threads at once, and {@link #commit}, {@link #abort} and
 * {@link #close} once every {@code write} call has returned. {@link #metrics()} may be read from any thread.
 */
public interface PartitionedWriter extends AutoCloseable {

  /**
   * Routes one row to its partition's file. The row is read during the call only.
   *
   * @throws dev.partita.row.InvalidRowException when the row does not fit the schema (nothing of it was written,
   *     the writer stays usable)
   * @throws IllegalStateException after commit, abort, close or a failure
   * @throws dev.partita.PartitaException when the write failed (it is then aborted: nothing of it is visible)
   */
  void write(Row row);

  /** Counters of this write, readable at any time from any thread. */
  WriterMetrics metrics();

  /**
   * Closes every file and publishes them atomically (see {@link dev.partita.commit.WriteTransaction}).
   *
   * @return the published files
   * @throws dev.partita.commit.CommitException when the commit failed, saying whether recovery will complete it
   */
  CommitResult commit();

  /** Discards everything written; nothing of this write stays visible. Idempotent. */
  void abort();

  /** Aborts unless committed; idempotent. */
  @Override
  void close();
}
