-- Partita catalog, version 3 (SQLite): the stored definitions of ingest jobs (module
-- partita-jobs), so that a job can be run again by its name without repeating its source options. Times are
-- epoch milliseconds.
--
-- Each version of a job's definition is one row; the current one has the highest version. A run stores a new
-- version when the job it runs differs from the current one (the run history keeps the runs of older versions;
-- since_run is the first run number of a version). options is a JSON object of option name to text value, in
-- the order partita-jobs writes them: the table, each source's options (folder, glob, format, CSV options,
-- changed-file policy, JDBC URL and query, bookmark keys, ...). It never holds a password: JDBC URLs are stored
-- without credentials, and a source that connected with a password stores only the marker "(not stored)".

CREATE TABLE partita_job_definitions (
  job_id BIGINT NOT NULL REFERENCES partita_jobs (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  options TEXT NOT NULL,
  stored_at BIGINT NOT NULL,
  since_run BIGINT NOT NULL,
  PRIMARY KEY (job_id, version)
);
