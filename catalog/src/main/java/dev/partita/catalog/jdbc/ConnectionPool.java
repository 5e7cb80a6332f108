package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

/** A bounded set of reusable connections. Thread-safe. */
final class ConnectionPool implements AutoCloseable {
  private final Dialect dialect;
  private final CatalogOptions options;
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(Dialect dialect, CatalogOptions options) {
    this.dialect = dialect;
    this.options = options;
    this.permits = new Semaphore(options.maxConnections(), true);
  }

  /** A connection in auto-commit mode; give it back with {@link #release}. Waits while all are in use. */
  Connection borrow() throws SQLException {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a catalog connection", e);
    }
    try {
      Connection c;
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("catalog is closed");
        }
        c = idle.pollFirst();
      }
      return c != null ? c : dialect.connect(options);
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a connection; a broken one (or any after close) is closed instead of kept. */
  void release(Connection c, boolean broken) {
    try {
      boolean keep;
      synchronized (this) {
        keep = !broken && !closed;
        if (keep) {
          idle.addFirst(c);
        }
      }
      if (!keep) {
        closeQuietly(c);
      }
    } finally {
      permits.release();
    }
  }

  /** Closes the idle connections; connections in use are closed when released. Idempotent. */
  @Override
  public void close() {
    Deque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    toClose.forEach(ConnectionPool::closeQuietly);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Closing a broken connection can fail; nothing is lost, the database rolls back its open transaction.
    }
  }
}
