package dev.partita.catalog.crawler;

/** What a crawl does with a registered partition or file that is gone from disk (Glue's {@code DeleteBehavior}). */
public enum DeletePolicy {
  /** Drop the partition (or file) from the catalog. */
  DELETE_FROM_CATALOG,
  /** Mark the partition deprecated: kept for history, no longer planned; vanished files are unregistered. */
  DEPRECATE,
  /** Change nothing and report it. */
  LOG
}
