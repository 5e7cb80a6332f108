package dev.partita.catalog;

import java.util.List;
import java.util.Optional;

/** The tables of a catalog. Thread-safe; every method is one catalog transaction. */
public interface Tables {

  /**
   * Registers a table, creating its namespace if needed; schema version 1 is its schema.
   *
   * @throws TableExistsException when a table of that name exists
   */
  CatalogTable create(TableDefinition definition);

  /** The table, if registered. */
  Optional<CatalogTable> find(TableId id);

  /** The tables of a namespace, sorted by name (code point order). */
  List<TableId> list(String namespace);

  /**
   * Applies changes in order, in one transaction. A schema change records a new version in the history; setting
   * the schema it already has records nothing.
   *
   * @throws NoSuchTableException when the table is not registered
   */
  CatalogTable alter(TableId id, List<TableChange> changes);

  /**
   * Removes the table's metadata (definition, schema history, partitions, files); the data files stay unless
   * {@code deleteFiles}, then the registered files are deleted too (directories are left as they are).
   *
   * @return false when the table was not registered
   */
  boolean drop(TableId id, boolean deleteFiles);

  /** The table's schema versions, oldest first. */
  List<SchemaVersion> schemaHistory(TableId id);
}
