package dev.partita.catalog.jdbc;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogOptions;
import dev.partita.catalog.Catalogs;
import dev.partita.catalog.Namespaces;
import dev.partita.catalog.Partitions;
import dev.partita.catalog.Tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Catalog} in a SQL database reached through JDBC: SQLite (one local file, the embedded default) or
 * PostgreSQL (shared). Opening migrates the database to the latest schema version. Every statement is a prepared
 * statement with bound parameters. Obtain one through {@link Catalogs#open}.
 */
public final class JdbcCatalog implements Catalog {
  private final Jdbc jdbc;
  private final String description;
  private final List<Integer> migrated;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final JdbcNamespaces namespaces;
  private final JdbcTables tables;
  private final JdbcPartitions partitions;

  private JdbcCatalog(Jdbc jdbc, String description, List<Integer> migrated, CatalogOptions options) {
    this.jdbc = jdbc;
    this.description = description;
    this.migrated = List.copyOf(migrated);
    Guard guard = new Guard(closed, description);
    this.namespaces = new JdbcNamespaces(jdbc, guard, options.clock());
    this.tables = new JdbcTables(jdbc, guard, options.clock(), description);
    this.partitions = new JdbcPartitions(jdbc, guard, options.clock(), description);
  }

  /**
   * Opens the catalog and migrates it.
   *
   * @throws dev.partita.catalog.CatalogException when it cannot be reached or migrated
   */
  public static JdbcCatalog open(CatalogOptions options) {
    Objects.requireNonNull(options, "options");
    Dialect dialect = Dialect.of(options.url());
    String description = Catalogs.redact(options.url());
    Jdbc jdbc = new Jdbc(dialect, options, description);
    try {
      List<Integer> migrated = jdbc.write("migrating the catalog schema",
          c -> Migrations.migrate(c, dialect, options.clock().millis()));
      return new JdbcCatalog(jdbc, description, migrated, options);
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
  }

  /** The schema versions this open applied (empty when the database was up to date). */
  public List<Integer> appliedMigrations() {
    return migrated;
  }

  /**
   * A unit of work on the catalog's database for modules that keep their own tables in it (partita-jobs). It may
   * run more than once (see {@link #inWriteTransaction}), so it must have no effect outside the database.
   *
   * @param <T> the result
   */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Runs on a connection inside a transaction that the caller begins and commits. */
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one write transaction on the catalog's database, with the catalog's own rules: SQLite
   * takes its write lock up front, and a transaction that fails because of a concurrent one is retried.
   *
   * @param what what the work does, for error messages
   * @throws dev.partita.catalog.CatalogException when the work fails (it was rolled back)
   */
  public <T> T inWriteTransaction(String what, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    new Guard(closed, description).check();
    return jdbc.write(what, work::run);
  }

  /** Runs {@code work} in one read transaction on the catalog's database; see {@link #inWriteTransaction}. */
  public <T> T inReadTransaction(String what, SqlWork<T> work) {
    Objects.requireNonNull(work, "work");
    new Guard(closed, description).check();
    return jdbc.read(what, work::run);
  }

  /** The database kind: {@code sqlite} or {@code postgresql}. */
  public String databaseKind() {
    return jdbc.dialect().migrationFolder();
  }

  /** The schema version the catalog database is at. */
  public int schemaVersion() {
    return jdbc.read("reading the schema version", Migrations::currentVersion);
  }

  @Override
  public Namespaces namespaces() {
    return namespaces;
  }

  @Override
  public Tables tables() {
    return tables;
  }

  @Override
  public Partitions partitions() {
    return partitions;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      jdbc.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcCatalog[" + description + "]";
  }

  /** Rejects calls after close. */
  record Guard(AtomicBoolean closed, String description) {
    void check() {
      if (closed.get()) {
        throw new IllegalStateException("catalog " + description + " is closed");
      }
    }
  }
}
