-- Partita catalog, version 2 (SQLite): incremental ingest jobs (module partita-jobs): jobs, their leases, run
-- history and bookmarks. Times are epoch milliseconds, file modification times epoch microseconds.
--
-- Bookmark entries (partita_job_file_marks, partita_job_key_marks) carry the write id of the run that made them.
-- A run stages its entries before its write's commit is decided; an entry belongs to the job's bookmark only when
-- partita_commits holds its write id for the job's table. That row is inserted by the catalog transaction that
-- registers the write's files (the table's CatalogCommitHook, also when recovery in another process completes the
-- commit), so the bookmark advances in exactly that transaction: never without the output, never after it.

CREATE TABLE partita_jobs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  table_namespace TEXT NOT NULL,
  table_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  paused_at BIGINT,
  pause_reason TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- At most one run of a job at a time: the owner (host, process id and start) holds the lease until it expires;
-- running processes renew it.
CREATE TABLE partita_job_leases (
  job_id BIGINT PRIMARY KEY REFERENCES partita_jobs (id) ON DELETE CASCADE,
  owner TEXT NOT NULL,
  run_no BIGINT NOT NULL,
  acquired_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE partita_job_runs (
  job_id BIGINT NOT NULL REFERENCES partita_jobs (id) ON DELETE CASCADE,
  run_no BIGINT NOT NULL,
  write_id TEXT NOT NULL,
  owner TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  ended_at BIGINT,
  inputs_read BIGINT NOT NULL,
  rows_in BIGINT NOT NULL,
  rows_out BIGINT NOT NULL,
  rows_bad BIGINT NOT NULL,
  rows_late BIGINT NOT NULL,
  files_written BIGINT NOT NULL,
  bytes_written BIGINT NOT NULL,
  partitions_touched BIGINT NOT NULL,
  partitions TEXT NOT NULL,
  message TEXT,
  PRIMARY KEY (job_id, run_no)
);

CREATE TABLE partita_job_run_inputs (
  job_id BIGINT NOT NULL,
  run_no BIGINT NOT NULL,
  source TEXT NOT NULL,
  input TEXT NOT NULL,
  rows_read BIGINT NOT NULL,
  bytes_read BIGINT NOT NULL,
  PRIMARY KEY (job_id, run_no, source, input),
  FOREIGN KEY (job_id, run_no) REFERENCES partita_job_runs (job_id, run_no) ON DELETE CASCADE
);

-- File sources: one entry per file and run that read it (a changed file read again gets a newer entry).
CREATE TABLE partita_job_file_marks (
  job_id BIGINT NOT NULL REFERENCES partita_jobs (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  path TEXT NOT NULL,
  run_no BIGINT NOT NULL,
  write_id TEXT NOT NULL,
  size BIGINT NOT NULL,
  modified_us BIGINT NOT NULL,
  content_hash TEXT,
  PRIMARY KEY (job_id, source, path, run_no)
);

-- JDBC sources: the largest bookmark key a run read (JSON arrays of column names and of values as text), and how
-- many source rows had keys at or below it then, to detect rows that arrive later below it.
CREATE TABLE partita_job_key_marks (
  job_id BIGINT NOT NULL REFERENCES partita_jobs (id) ON DELETE CASCADE,
  source TEXT NOT NULL,
  run_no BIGINT NOT NULL,
  write_id TEXT NOT NULL,
  key_columns TEXT NOT NULL,
  key_values TEXT NOT NULL,
  rows_covered BIGINT NOT NULL,
  PRIMARY KEY (job_id, source, run_no)
);
