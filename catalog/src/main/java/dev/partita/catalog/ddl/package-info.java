/** Exporting catalog tables as Hive, Athena, Trino and DuckDB statements. */
package dev.partita.catalog.ddl;
