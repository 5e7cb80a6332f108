package dev.partita.catalog.crawler;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Schema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One data file a scan found and whose footer it read.
 *
 * @param path the path relative to the table root, {@code /}-separated ({@code ""} when the table is this one file)
 * @param partition partition column name to value (unescaped; null for the default partition name), outermost
 *     first; empty when unpartitioned
 * @param format {@code parquet} or {@code orc}
 * @param rows the row count from the footer
 * @param bytes the file length
 * @param schema the columns of this file
 * @param codecs its compression codecs, lower case
 * @param createdBy the writer recorded in the footer ({@code ""} when none)
 * @param columns column statistics from the footer (absent where the file states none)
 */
public record ScannedFile(String path, Map<String, String> partition, String format, long rows, long bytes,
    Schema schema, Set<String> codecs, String createdBy, List<ColumnStats> columns) {

  /** Copies the collections (the map keeps its order and may hold null values). */
  public ScannedFile {
    Objects.requireNonNull(path, "path");
    partition = Collections.unmodifiableMap(new LinkedHashMap<>(partition));
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(schema, "schema");
    codecs = Set.copyOf(codecs);
    Objects.requireNonNull(createdBy, "createdBy");
    columns = List.copyOf(columns);
  }
}
