package dev.partita.jobs;

/**
 * An input a run would consider, as a dry run lists it.
 *
 * @param source the source's name
 * @param input the file's relative path, or the JDBC query with the bookmark's key values
 * @param action what a run would do with it
 * @param size the file's size, or for JDBC the rows above the bookmark
 * @param detail why (changed size or time, settle time, limit, late rows ...)
 */
public record PlannedInput(String source, String input, Action action, long size, String detail) {

  /** What a run does with an input. */
  public enum Action {
    /** A file the bookmark does not hold: read it. */
    READ_NEW,
    /** A changed file under {@code REPROCESS}: read it again. */
    READ_CHANGED,
    /** Rows above the bookmark's key: read them. */
    READ_ROWS,
    /** A changed file under {@code IGNORE}: skipped. */
    SKIP_CHANGED,
    /** A file modified within the settle time: left for a later run. */
    SKIP_UNSETTLED,
    /** A file over the source's {@code maxFilesPerRun}: left for a later run. */
    SKIP_LIMIT,
    /** A file with a new modification time but the same content hash: not read, its entry refreshed. */
    SKIP_SAME_CONTENT
  }

  /** Whether a run reads the input. */
  public boolean reads() {
    return action == Action.READ_NEW || action == Action.READ_CHANGED || action == Action.READ_ROWS;
  }
}
