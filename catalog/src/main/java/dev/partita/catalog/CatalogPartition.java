package dev.partita.catalog;

import dev.partita.format.ColumnStats;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partition as the catalog holds it.
 *
 * @param values partition column name to its value as text (unescaped; null for the null partition), in the
 *     table's partition column order; empty for the single partition of an unpartitioned table
 * @param path the partition's Hive path relative to the table root, {@code year=2024/month=3} ({@code ""} for an
 *     unpartitioned table)
 * @param location the partition's folder
 * @param files number of data files
 * @param rows rows in all its files
 * @param bytes bytes of all its files
 * @param columns per data column, statistics over all its files (bounds as {@link ColumnStats} boxes them); a
 *     column without statistics in some file has no bounds
 * @param state active or deprecated
 * @param createdAt when it was first registered
 * @param updatedAt when its files last changed
 */
public record CatalogPartition(Map<String, String> values, String path, String location, long files, long rows,
    long bytes, List<ColumnStats> columns, PartitionState state, Instant createdAt, Instant updatedAt) {

  /** Copies the collections (the map keeps its order and may hold null values). */
  public CatalogPartition {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    columns = List.copyOf(columns);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
