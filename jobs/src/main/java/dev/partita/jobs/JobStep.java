package dev.partita.jobs;

/**
 * The steps of a run, in order, as reported to a {@link JobListener}. Between {@link #BOOKMARK_STAGED} and
 * {@link #RUN_FINISHED} the write commits, reported as the core's {@link dev.partita.commit.CommitStep}s, with
 * {@link #REGISTERED} after the catalog registered the write (and so advanced the bookmark).
 */
public enum JobStep {
  /** The lease is held and the run is in the history as {@link RunStatus#RUNNING}. */
  LEASE_ACQUIRED,
  /** The table was opened; commits of crashed runs are completed and registered, earlier runs' states settled. */
  TABLE_RECOVERED,
  /** The bookmark was read from the catalog. */
  BOOKMARK_READ,
  /** The inputs to read are known. */
  INPUTS_LISTED,
  /** One input was read and written; reported once per input with its name. */
  INPUT_READ,
  /** The run's bookmark entries and counters are in the catalog, not yet counted (their write is not registered). */
  BOOKMARK_STAGED,
  /** The catalog registered the write's files and, in the same transaction, the bookmark advanced. */
  REGISTERED,
  /** The run's history record is final and the lease released. */
  RUN_FINISHED
}
