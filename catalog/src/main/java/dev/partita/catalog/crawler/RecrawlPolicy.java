package dev.partita.catalog.crawler;

/** Which folders a crawl of a table that is already in the catalog reads (Glue's {@code RecrawlPolicy}). */
public enum RecrawlPolicy {
  /** Read every file's footer again; new, changed and vanished files and partitions are all found. */
  CRAWL_EVERYTHING,
  /**
   * Read only the footers of files in partition folders the catalog does not know yet. Known partitions are not
   * looked into, so changes inside them and deletions go unnoticed; the delete policy does not apply.
   */
  CRAWL_NEW_FOLDERS_ONLY
}
