package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a catalog database to the latest schema version. Each version is a plain SQL file per dialect under
 * {@code dev/partita/catalog/jdbc/migrations/<dialect>/V<n>__<description>.sql}, statements ending with
 * {@code ;} at the end of a line, {@code --} comment lines ignored. Applied versions are recorded in
 * {@code partita_schema_version}; all pending versions are applied in one transaction, under a lock that makes
 * concurrent openers wait, so a database is never left half-migrated.
 */
final class Migrations {
  /** The migration files, oldest first. Add new versions at the end; never edit an applied one. */
  static final List<String> FILES = List.of("V1__initial.sql", "V2__jobs.sql", "V3__job_definitions.sql");

  private Migrations() {}

  /** The newest version this code knows. */
  static int latestVersion() {
    return version(FILES.get(FILES.size() - 1));
  }

  /**
   * Applies the pending migrations inside the current transaction (begun by the caller, committed by it).
   *
   * @return versions applied now
   * @throws CatalogException when the database is newer than this code
   */
  static List<Integer> migrate(Connection c, Dialect dialect, long nowMillis) throws SQLException {
    dialect.lockForMigration(c);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS partita_schema_version (version INTEGER PRIMARY KEY,"
          + " description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    }
    int current = currentVersion(c);
    if (current > latestVersion()) {
      throw new CatalogException("the catalog database is at schema version " + current + ", newer than the "
          + latestVersion() + " this Partita knows; upgrade Partita to use it");
    }
    List<Integer> applied = new ArrayList<>();
    for (String file : FILES) {
      int version = version(file);
      if (version <= current) {
        continue;
      }
      try (Statement s = c.createStatement()) {
        for (String sql : statements(read(dialect, file))) {
          s.execute(sql);
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO partita_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
        p.setInt(1, version);
        p.setString(2, description(file));
        p.setLong(3, nowMillis);
        p.executeUpdate();
      }
      applied.add(version);
    }
    return applied;
  }

  /** The recorded version; 0 for a new database. */
  static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(version) FROM partita_schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Splits a migration script into statements. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("migration script ends without ';': " + current);
    }
    return out;
  }

  private static String read(Dialect dialect, String file) {
    String resource = "migrations/" + dialect.migrationFolder() + "/" + file;
    try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration resource " + resource, e);
    }
  }

  static int version(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  private static String description(String file) {
    return file.substring(file.indexOf("__") + 2, file.length() - ".sql".length()).replace('_', ' ');
  }
}
