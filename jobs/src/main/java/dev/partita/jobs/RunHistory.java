package dev.partita.jobs;

import java.util.List;
import java.util.Optional;

/** The run history of jobs in a catalog. Obtain with {@link Jobs#history}. */
public interface RunHistory {

  /** The names of the catalog's jobs, sorted. */
  List<String> jobs();

  /**
   * The job's runs, newest first.
   *
   * @throws JobException when no job has that name
   */
  List<RunRecord> runs(String job);

  /** One run. */
  Optional<RunRecord> run(String job, long run);

  /** The inputs a run read, by source and input. */
  List<RunInput> inputs(String job, long run);
}
