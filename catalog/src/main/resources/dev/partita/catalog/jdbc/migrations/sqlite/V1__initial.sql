-- Partita catalog, version 1 (SQLite). Times are epoch milliseconds. Text compares by its UTF-8 bytes (BINARY
-- collation), that is by Unicode code point, as the PostgreSQL schema does with the "C" collation.

CREATE TABLE partita_namespaces (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE partita_tables (
  id INTEGER PRIMARY KEY,
  namespace_id BIGINT NOT NULL REFERENCES partita_namespaces (id),
  name TEXT NOT NULL,
  location TEXT NOT NULL,
  format TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (namespace_id, name)
);

CREATE TABLE partita_table_properties (
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (table_id, key)
);

CREATE TABLE partita_schema_versions (
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (table_id, version)
);

CREATE TABLE partita_schema_columns (
  table_id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  nullable INTEGER NOT NULL,
  PRIMARY KEY (table_id, version, position),
  FOREIGN KEY (table_id, version) REFERENCES partita_schema_versions (table_id, version) ON DELETE CASCADE
);

CREATE TABLE partita_partition_columns (
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  source_column TEXT,
  transform TEXT,
  PRIMARY KEY (table_id, position)
);

CREATE TABLE partita_partitions (
  id INTEGER PRIMARY KEY,
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  location TEXT NOT NULL,
  state TEXT NOT NULL,
  file_count BIGINT NOT NULL,
  row_count BIGINT NOT NULL,
  byte_count BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (table_id, path)
);

-- One row per partition and partition column: the text as in the folder name (NULL for the null partition) and
-- the value as a number when the column's type is ordered numerically (integers, dates, times and timestamps as
-- value_long; floats and decimals as value_double), for pruning with bound parameters.
CREATE TABLE partita_partition_values (
  partition_id BIGINT NOT NULL REFERENCES partita_partitions (id) ON DELETE CASCADE,
  table_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  value_text TEXT,
  value_long BIGINT,
  value_double REAL,
  PRIMARY KEY (partition_id, position)
);
CREATE INDEX partita_partition_values_long ON partita_partition_values (table_id, position, value_long);
CREATE INDEX partita_partition_values_double ON partita_partition_values (table_id, position, value_double);
CREATE INDEX partita_partition_values_text ON partita_partition_values (table_id, position, value_text);

CREATE TABLE partita_partition_stats (
  partition_id BIGINT NOT NULL REFERENCES partita_partitions (id) ON DELETE CASCADE,
  column_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  value_count BIGINT NOT NULL,
  null_count BIGINT NOT NULL,
  min_value TEXT,
  max_value TEXT,
  PRIMARY KEY (partition_id, column_name)
);

CREATE TABLE partita_commits (
  id INTEGER PRIMARY KEY,
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  write_id TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  UNIQUE (table_id, write_id)
);

CREATE TABLE partita_files (
  id INTEGER PRIMARY KEY,
  table_id BIGINT NOT NULL REFERENCES partita_tables (id) ON DELETE CASCADE,
  partition_id BIGINT NOT NULL REFERENCES partita_partitions (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  row_count BIGINT NOT NULL,
  byte_count BIGINT NOT NULL,
  write_id TEXT,
  added_at BIGINT NOT NULL,
  UNIQUE (table_id, path)
);
CREATE INDEX partita_files_partition ON partita_files (partition_id);

CREATE TABLE partita_file_stats (
  file_id BIGINT NOT NULL REFERENCES partita_files (id) ON DELETE CASCADE,
  column_name TEXT NOT NULL,
  position INTEGER NOT NULL,
  value_count BIGINT NOT NULL,
  null_count BIGINT NOT NULL,
  min_value TEXT,
  max_value TEXT,
  PRIMARY KEY (file_id, column_name)
);
