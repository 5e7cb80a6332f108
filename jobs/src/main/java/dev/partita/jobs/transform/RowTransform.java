package dev.partita.jobs.transform;

import dev.partita.row.Row;
import dev.partita.schema.Schema;

/**
 * The optional step between a job's sources and its table: maps each source row to a table row, drops rows, or
 * adds derived columns. Build common ones with {@link RowTransforms}; implement it for anything else.
 *
 * <p>A transform is called by one thread at a time, once per source row, with the same {@code out} buffer every
 * time (cleared to nulls before each call). It must not keep {@code in} or {@code out} after returning.
 */
public interface RowTransform {

  /** The schema of the rows {@link #apply} produces (the table's write schema). */
  Schema outputSchema();

  /**
   * Fills {@code out} from {@code in}.
   *
   * @return false to drop the row (counted as filtered, not as bad)
   * @throws dev.partita.row.InvalidRowException to reject the row as bad (counted, reported, the run goes on within
   *     its bad-row limit); any other exception fails the run
   */
  boolean apply(Row in, RowBuffer out);
}
