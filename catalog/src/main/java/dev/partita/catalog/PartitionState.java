package dev.partita.catalog;

/** Whether a partition's folder is expected to exist. */
public enum PartitionState {
  /** Registered by a write or found by a crawl; its files are listed by {@link Partitions#files}. */
  ACTIVE,
  /**
   * A crawl found its folder gone and the table's policy is to deprecate rather than delete (Glue's
   * {@code DEPRECATE_IN_DATABASE}); kept for history, left out of {@link Partitions#files}.
   */
  DEPRECATED
}
