/**
 * Partitioning: which partition a row belongs to and the Hive-style path of that partition.
 *
 * <p>A {@link dev.partita.partition.PartitionSpec} lists {@link dev.partita.partition.PartitionField}s, each a
 * {@link dev.partita.partition.Transform} of a source column (identity, year, month, day, hour, date, Iceberg's
 * bucket and truncate). A reusable {@link dev.partita.partition.PartitionKey} computes a row's values without
 * allocating, and {@link dev.partita.partition.PartitionPaths} turns a key into {@code name=value/...} with Hive's
 * escaping, and a path back into typed values.
 */
package dev.partita.partition;
