/**
 * The job commands: {@code partita ingest} (one run of a named incremental job from files or a JDBC query into a
 * catalog table), {@code partita bookmarks show|reset|rewind|pause|resume} and {@code partita runs}, over the
 * {@code partita-jobs} module.
 */
package dev.partita.cli.jobs;
