package dev.partita.commit;

import dev.partita.format.ColumnStats;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data file a write produced.
 *
 * @param path the file's path relative to the table root, for example {@code state=CA/part-...-00001.parquet}
 * @param partition partition field name to its text value as in the path (unescaped; null for a null value), in
 *     spec order; empty for an unpartitioned table
 * @param rows the row count
 * @param bytes the file length
 * @param columns statistics of the columns stored in the file
 */
public record DataFile(String path, Map<String, String> partition, long rows, long bytes,
    List<ColumnStats> columns) {

  /** Copies the collections (the map keeps its order and may hold null values). */
  public DataFile {
    Objects.requireNonNull(path, "path");
    partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    columns = List.copyOf(columns);
  }
}
