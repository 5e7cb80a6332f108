package dev.partita.commit;

/** The steps of a commit, in order, as reported to a {@link CommitListener}. */
public enum CommitStep {
  /** Every file of the write is complete and durable in the staging area; nothing is visible yet. */
  FILES_CLOSED,
  /** The journal naming every file to publish and delete is durable: from here the commit will complete. */
  JOURNAL_WRITTEN,
  /** One file that this write replaces was deleted (overwrite modes); reported once per file. */
  OLD_FILE_DELETED,
  /** One data file was renamed into place; reported once per file. */
  FILE_PUBLISHED,
  /** The commit manifest is in {@code _partita/commits/}. */
  MANIFEST_PUBLISHED,
  /** {@code _SUCCESS} exists at the table root. */
  SUCCESS_MARKED,
  /** The journal and the staging area are gone: the commit is complete. */
  COMMITTED
}
