package dev.partita.jobs;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogOptions;
import dev.partita.catalog.Catalogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests keep catalogs (and JDBC sources) in: a SQLite file, or a fresh schema of the PostgreSQL
 * database named by {@code PARTITA_PG_URL} (see {@code .ci/pg-setup}), dropped on close. Without that variable
 * PostgreSQL tests are skipped, except when {@code CI=true}, where they fail.
 */
enum Db {
  SQLITE,
  POSTGRESQL;

  /** The PostgreSQL base URL; skips or (in CI) fails the test when there is none. */
  static String postgresUrl() {
    String url = System.getenv("PARTITA_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("PARTITA_PG_URL is not set but CI=true: PostgreSQL tests must run in CI (run .ci/pg-setup"
            + " and export its URL as PARTITA_PG_URL)");
      }
      Assumptions.abort("PARTITA_PG_URL not set: PostgreSQL tests skipped (run .ci/pg-setup)");
    }
    return url.trim();
  }

  /** A fresh, empty database; close it to remove it. */
  Store newStore(Path dir) {
    if (this == SQLITE) {
      return new Store(CatalogOptions.sqliteUrl(dir.resolve("db-" + UUID.randomUUID() + ".db")), null);
    }
    String base = postgresUrl();
    String schema = "j_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in " + Catalogs.redact(base), e);
    }
    return new Store(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, () -> {
      try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    });
  }

  /** A test database: its URL and how to remove it. */
  static final class Store implements AutoCloseable {
    private final String url;
    private final Cleanup cleanup;

    Store(String url, Cleanup cleanup) {
      this.url = url;
      this.cleanup = cleanup;
    }

    String url() {
      return url;
    }

    Catalog openCatalog() {
      return Catalogs.open(url);
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public void close() throws SQLException {
      if (cleanup != null) {
        cleanup.run();
      }
    }
  }

  @FunctionalInterface
  interface Cleanup {
    void run() throws SQLException;
  }
}
