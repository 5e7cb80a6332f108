package dev.partita.jobs;

import dev.partita.commit.CommitStep;

/**
 * Observes a run's progress, for monitoring and for tests that stop a run at a chosen step. Called on the running
 * thread after each step took effect; it must not throw.
 */
public interface JobListener {

  /** A listener that does nothing. */
  JobListener NONE = new JobListener() {};

  /**
   * @param step the step that just completed
   * @param detail the input for {@link JobStep#INPUT_READ}, else the run's write id
   */
  default void onStep(JobStep step, String detail) {}

  /**
   * A step of the run's commit.
   *
   * @param step the commit step that just completed
   * @param path the file it concerned (table-relative), or empty
   */
  default void onCommitStep(CommitStep step, String path) {}
}
