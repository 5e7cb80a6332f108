package dev.partita.commit;

/**
 * Observes a commit's progress, for monitoring and for tests that interrupt a commit at a chosen step. Called
 * after each step has taken effect; it must not throw. A write with {@code parallelism} above 1 deletes and
 * publishes files on several threads, so {@link CommitStep#OLD_FILE_DELETED} and {@link CommitStep#FILE_PUBLISHED}
 * may then be reported from several threads at once.
 */
@FunctionalInterface
public interface CommitListener {

  /** A listener that does nothing. */
  CommitListener NONE = (step, path) -> {};

  /**
   * @param step the step that just completed
   * @param path the file the step concerned (table-relative), or an empty string for steps about the whole write
   */
  void onStep(CommitStep step, String path);
}
