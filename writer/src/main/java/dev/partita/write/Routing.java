package dev.partita.write;

/** How rows reach their partition's file. */
public enum Routing {
  /**
   * Many partitions open at once, rows in any order; bounded by {@code maxOpenFiles} (least recently used files
   * are closed beyond it) and by the memory budget.
   */
  FANOUT,
  /**
   * Input grouped by partition: one file open at a time, the least memory. A row that returns to a partition
   * already closed is an error.
   */
  CLUSTERED
}
