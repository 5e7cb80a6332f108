package dev.partita.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored definitions of jobs in a catalog. Obtain with {@link Jobs#definitions}. A run stores the definition of
 * the job it runs (a new version when it differs from the current one), so a job that ran once can be run again by
 * its name alone.
 */
public interface JobDefinitions {

  /** The job's current definition; empty when the job never ran (or last ran before definitions were stored). */
  Optional<JobDefinition> current(String job);

  /**
   * Every version of the job's definition, newest first.
   *
   * @throws JobException when no job has that name
   */
  List<JobDefinition> versions(String job);

  /**
   * Rebuilds the job from its current definition and its catalog table: the sources from the stored options, the
   * schema (data columns, then identity partition columns), partitioning, location and format from the table. The
   * format takes its default options (codec and sizes are not part of the definition).
   *
   * @throws JobException when the job has no definition, has a transform (code is not stored), its table does not
   *     exist yet, or a source connects with a password (use {@link #job(String, Map)})
   */
  IngestJob job(String job);

  /**
   * As {@link #job(String)}, with the values that are never stored: per source name, its secrets (key
   * {@link dev.partita.jobs.source.SourceDefinitions#PASSWORD}).
   */
  IngestJob job(String job, Map<String, Map<String, String>> secrets);
}
