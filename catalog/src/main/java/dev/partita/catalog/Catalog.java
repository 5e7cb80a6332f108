package dev.partita.catalog;

/**
 * A persistent store of table metadata, as Glue's Data Catalog or a Hive metastore: namespaces, tables with
 * schema history, partitions and their files with statistics. Writes register themselves in it (see
 * {@link dev.partita.catalog.commit.CatalogCommitHook}), crawls fill it from existing files (see
 * {@link dev.partita.catalog.crawler.Crawler}), and queries prune partitions through it
 * ({@link Partitions#files}).
 *
 * <p>Open one with {@link Catalogs#open}. Thread-safe; {@link #close()} is idempotent and later calls fail with
 * {@link IllegalStateException}.
 */
public interface Catalog extends AutoCloseable {

  /** The namespaces. */
  Namespaces namespaces();

  /** The tables. */
  Tables tables();

  /** The partitions and files. */
  Partitions partitions();

  /** Where the catalog is stored, without credentials (for messages). */
  String describe();

  /** Releases the catalog's connections. */
  @Override
  void close();
}
