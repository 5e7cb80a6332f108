package dev.partita.format;

import java.util.List;
import java.util.Objects;

/**
 * What a finished file holds.
 *
 * @param rows the row count
 * @param bytes the file length
 * @param columns statistics per column of the file's schema, in schema order
 */
public record FileMetrics(long rows, long bytes, List<ColumnStats> columns) {

  /** Copies the list. */
  public FileMetrics {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
  }
}
