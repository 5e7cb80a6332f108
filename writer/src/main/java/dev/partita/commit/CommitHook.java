package dev.partita.commit;

/**
 * Runs as the last step of every commit of a table, after its files and manifest are in place and before its
 * journal is removed: a catalog registers the commit here. Because the journal stays until the hook returns,
 * a crash before or inside the hook makes recovery call it again for the same write: implementations must be
 * idempotent per write id (for example by recording the write id in the same transaction).
 */
@FunctionalInterface
public interface CommitHook {

  /** A hook that does nothing. */
  CommitHook NONE = (writeId, manifest) -> {};

  /**
   * @param writeId the committed write
   * @param manifest the location of its commit manifest (JSON: files, partitions, rows, bytes, statistics)
   * @throws Exception to fail the commit's completion; the journal stays and recovery retries
   */
  void committed(String writeId, String manifest) throws Exception;
}
