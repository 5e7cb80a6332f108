package dev.partita.jobs;

/**
 * Operations on jobs' bookmarks in a catalog. Obtain with {@link Jobs#bookmarks}. Every method is one catalog
 * transaction; those that change a bookmark fail with {@link JobAlreadyRunningException} while a run holds the
 * job's lease.
 */
public interface Bookmarks {

  /**
   * The job's bookmark: the files and key positions its registered runs processed.
   *
   * @throws JobException when no job has that name
   */
  Bookmark show(String job);

  /**
   * Forgets everything the job processed: its next run reads every input again. Rows already in the table stay
   * (remove them, or write to a new table, to avoid duplicates). Run history is kept.
   *
   * @return bookmark entries removed
   */
  int reset(String job);

  /**
   * Returns the bookmark to where it was after run {@code run}: the next run reads again what later runs read.
   * Their rows stay in the table, as with {@link #reset}.
   *
   * @return bookmark entries removed
   * @throws JobException when the job has no such run
   */
  int rewind(String job, long run);

  /**
   * Pauses the job: its runs read and write nothing (recorded as {@link RunStatus#SKIPPED}) until
   * {@link #resume}. Unlike Glue's {@code job-bookmark-pause}, a paused job does not re-read data.
   *
   * @return false when it was already paused
   */
  boolean pause(String job, String reason);

  /**
   * Lets a paused job run again, from where its bookmark stands.
   *
   * @return false when it was not paused
   */
  boolean resume(String job);
}
