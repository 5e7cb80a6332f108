package dev.partita.jobs.source;

import dev.partita.schema.Schema;

/**
 * Where a job reads rows from, and how its bookmark remembers what was read: {@link FileSource} (files in a
 * directory, remembered by path, size, modification time and optionally a content hash) or {@link JdbcSource}
 * (a table or query, remembered by the largest bookmark key read). Immutable.
 */
public sealed interface Source permits FileSource, JdbcSource {

  /** The source's name, unique within its job; bookmark entries are kept per job and source name. */
  String name();

  /** The schema of the rows the source produces. */
  Schema schema();

  /** A one-line description for messages and the job's stored definition (no credentials). */
  String describe();
}
