package dev.partita.catalog.crawler;

/** What a crawl does when the files' schema differs from the catalog's (Glue's {@code UpdateBehavior}). */
public enum SchemaChangePolicy {
  /** Merge the new columns and widened types into the catalog table, recording a schema version. */
  UPDATE_IN_CATALOG,
  /** Leave the catalog's schema as it is and report the change. */
  LOG
}
