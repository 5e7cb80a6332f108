package dev.partita.jobs.source;

/**
 * What a run does with a file its bookmark already holds but whose size, modification time (or, when content
 * hashes are on, content) changed since.
 */
public enum ChangedFilePolicy {
  /**
   * Read the whole file again. Rows of the earlier version stay in the table (jobs append), so use this for files
   * that are replaced by corrected versions of data you also want kept, or clean up the older rows yourself.
   */
  REPROCESS,
  /** Skip it: the bookmark keeps the version that was read. Dry runs list it as changed and ignored. */
  IGNORE
}
