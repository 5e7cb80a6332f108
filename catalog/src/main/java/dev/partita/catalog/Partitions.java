package dev.partita.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The partitions and files of a catalog's tables. Thread-safe; concurrent {@link #apply} calls on one table,
 * from any number of threads, processes or machines sharing the catalog, are serialized by the database and lose
 * nothing.
 */
public interface Partitions {

  /**
   * Makes a batch of changes in one transaction: every change or none. A batch with a write id already applied
   * to this table changes nothing and returns {@link ChangeResult#ALREADY_APPLIED}. A partition whose last file
   * is removed is dropped; a file registered again under the same path replaces the earlier registration.
   *
   * @throws NoSuchTableException when the table is not registered
   * @throws CatalogException when a file's partition values do not match the table's partition columns
   */
  ChangeResult apply(TableId table, PartitionChanges changes);

  /** The partitions (active and deprecated) matching {@code filter}, sorted by path. */
  List<CatalogPartition> list(TableId table, PartitionFilter filter);

  /** One partition by its Hive path. */
  Optional<CatalogPartition> get(TableId table, String path);

  /**
   * The files of the active partitions matching {@code filter}, sorted by path: the input of a query plan,
   * answered from the catalog without listing directories.
   */
  List<CatalogFile> files(TableId table, PartitionFilter filter);
}
