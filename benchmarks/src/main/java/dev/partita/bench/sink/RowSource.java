package dev.partita.bench.sink;

import dev.partita.row.Row;
import dev.partita.schema.Schema;

/** Rows handed over one at a time in one reused {@link Row}: a generator or a cursor over rows in memory. */
public interface RowSource {

  /** The schema of {@link #row()}. */
  Schema schema();

  /** Moves to the next row; false when there is none. */
  boolean next();

  /** The current row, valid until the next call to {@link #next()}. */
  Row row();
}
