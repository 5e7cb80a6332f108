package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What differs between the SQL databases a catalog can live in. */
enum Dialect {
  /**
   * A local file. Write-ahead logging lets readers run beside the single writer; write transactions start with
   * {@code BEGIN IMMEDIATE}, so they queue on the busy timeout instead of failing on a lock upgrade.
   */
  SQLITE("sqlite") {
    @Override
    Connection connect(CatalogOptions options) throws SQLException {
      String file = options.url().substring("jdbc:sqlite:".length());
      int query = file.indexOf('?');
      Path path = Path.of(query < 0 ? file : file.substring(0, query));
      if (path.getParent() != null) {
        try {
          Files.createDirectories(path.getParent());
        } catch (IOException e) {
          throw new SQLException("cannot create the folder of the catalog file " + path + ": " + e.getMessage(), e);
        }
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // FULL: a registered commit survives power loss once the commit hook returns and the journal is removed.
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.enforceForeignKeys(true);
      return DriverManager.getConnection(options.url(), config.toProperties());
    }

    @Override
    void begin(Connection c, boolean write) throws SQLException {
      ((SQLiteConnection) c).getConnectionConfig().setTransactionMode(
          write ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
      c.setAutoCommit(false);
    }

    @Override
    String forUpdate() {
      return "";
    }

    @Override
    boolean isTransient(SQLException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLiteException s) {
          SQLiteErrorCode code = s.getResultCode();
          int primary = code.code & 0xff;
          if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    void lockForMigration(Connection c) {
      // BEGIN IMMEDIATE already holds the database's write lock.
    }
  },

  /**
   * A server shared by many processes and machines. Transactions run at READ COMMITTED; a change to a table's
   * partitions first locks the table's row ({@code SELECT ... FOR UPDATE}), so changes to one table are
   * serialized while other tables proceed.
   */
  POSTGRESQL("postgresql") {
    @Override
    Connection connect(CatalogOptions options) throws SQLException {
      return DriverManager.getConnection(options.url());
    }

    @Override
    void begin(Connection c, boolean write) throws SQLException {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    @Override
    String forUpdate() {
      return " FOR UPDATE";
    }

    @Override
    boolean isTransient(SQLException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException s && s.getSQLState() != null) {
          String state = s.getSQLState();
          // serialization_failure, deadlock_detected, lock_not_available, connection failures
          if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.startsWith("08")) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    void lockForMigration(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        // One migrating process at a time, released at commit; the key is arbitrary but fixed.
        s.execute("SELECT pg_advisory_xact_lock(7236981401)");
      }
    }
  };

  private final String name;

  Dialect(String name) {
    this.name = name;
  }

  /** The dialect of a JDBC URL. */
  static Dialect of(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported catalog url; use jdbc:sqlite: or jdbc:postgresql:");
  }

  /** The folder name of this dialect's migrations. */
  String migrationFolder() {
    return name;
  }

  /** Opens a connection in auto-commit mode. */
  abstract Connection connect(CatalogOptions options) throws SQLException;

  /** Starts a transaction; {@code write} transactions take the write lock up front where that matters. */
  abstract void begin(Connection c, boolean write) throws SQLException;

  /** The suffix that locks the selected rows until commit; empty where transactions already exclude writers. */
  abstract String forUpdate();

  /** Whether a failure is caused by a concurrent transaction, so that retrying may succeed. */
  abstract boolean isTransient(SQLException e);

  /** Serializes concurrent migration runs inside the current transaction. */
  abstract void lockForMigration(Connection c) throws SQLException;
}
