package dev.partita.jobs;

/** The state of a job run in its history. */
public enum RunStatus {
  /** Reading and writing; the run holds the job's lease. */
  RUNNING,
  /** Its bookmark entries are staged and its write is committing. */
  COMMITTING,
  /** Its output is registered in the catalog and its bookmark advanced (in the same catalog transaction). */
  SUCCEEDED,
  /** Nothing of it is in the table and its bookmark did not move; the message says why. */
  FAILED,
  /** The job was paused: nothing was read or written. */
  SKIPPED
}
