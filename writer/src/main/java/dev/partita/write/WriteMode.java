package dev.partita.write;

/** What a write does to the data already in the table when it commits. */
public enum WriteMode {
  /** Fail (at open and again at commit) when the table already holds data files. */
  ERROR_IF_EXISTS,
  /** Add files next to the existing ones; concurrent appenders never clobber each other. */
  APPEND,
  /** Replace every data file of the table with this write's files. */
  OVERWRITE,
  /** Replace only the files of the partitions this write produced rows for; other partitions stay. */
  OVERWRITE_PARTITIONS
}
