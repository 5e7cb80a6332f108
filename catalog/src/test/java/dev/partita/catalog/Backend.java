package dev.partita.catalog;

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
 * The databases the catalog tests run against. PostgreSQL is reached through the JDBC URL in the environment
 * variable {@code PARTITA_PG_URL} (see {@code .ci/pg-setup}); each store is a fresh schema of that database,
 * dropped afterwards. Without the variable PostgreSQL tests are skipped, except in CI ({@code CI=true}), where they
 * fail.
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  /** The PostgreSQL URL, or null. */
  public static String postgresUrl() {
    String url = System.getenv("PARTITA_PG_URL");
    return url == null || url.isBlank() ? null : url.trim();
  }

  /** Skips (or, in CI, fails) a PostgreSQL test when no server is configured. */
  public static String requirePostgres() {
    String url = postgresUrl();
    if (url == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail("PARTITA_PG_URL is not set but CI=true: PostgreSQL tests must run in CI"
            + " (run .ci/pg-setup and export its URL as PARTITA_PG_URL)");
      }
      Assumptions.abort("PARTITA_PG_URL not set: PostgreSQL catalog tests skipped (run .ci/pg-setup)");
    }
    return url;
  }

  /** A fresh, empty store; close it to remove it. */
  public Store newStore(Path tempDir) {
    if (this == SQLITE) {
      return new Store(CatalogOptions.sqliteUrl(tempDir.resolve("catalog-" + UUID.randomUUID() + ".db")), null);
    }
    String base = requirePostgres();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
        .toLowerCase(Locale.ROOT);
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

  /** A test store: its URL and how to remove it. */
  public static final class Store implements AutoCloseable {
    private final String url;
    private final Cleanup cleanup;

    Store(String url, Cleanup cleanup) {
      this.url = url;
      this.cleanup = cleanup;
    }

    /** The JDBC URL. */
    public String url() {
      return url;
    }

    /** Opens a catalog on the store. */
    public Catalog open() {
      return Catalogs.open(url);
    }

    @Override
    public void close() throws SQLException {
      if (cleanup != null) {
        cleanup.run();
      }
    }
  }

  /** Removes a store. */
  @FunctionalInterface
  interface Cleanup {
    void run() throws SQLException;
  }
}
