package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogException;
import dev.partita.catalog.CatalogOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs units of work as transactions on pooled connections, retrying those that fail because of a concurrent
 * transaction (SQLite busy, PostgreSQL deadlock or serialization failure) with a randomized, growing pause.
 */
final class Jdbc implements AutoCloseable {

  /** A unit of work; it must have no effect outside the database, since it may run more than once. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Dialect dialect;
  private final CatalogOptions options;
  private final ConnectionPool pool;
  private final String description;

  Jdbc(Dialect dialect, CatalogOptions options, String description) {
    this.dialect = dialect;
    this.options = options;
    this.pool = new ConnectionPool(dialect, options);
    this.description = description;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} in a write transaction. */
  <T> T write(String what, Work<T> work) {
    return run(true, what, work);
  }

  /** Runs {@code work} in a read transaction. */
  <T> T read(String what, Work<T> work) {
    return run(false, what, work);
  }

  private <T> T run(boolean write, String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection c;
      try {
        c = pool.borrow();
      } catch (SQLException e) {
        if (dialect.isTransient(e) && attempt < options.maxAttempts()) {
          pause(attempt);
          continue;
        }
        throw new CatalogException(what + ": cannot connect to catalog " + description + ": " + e.getMessage(), e);
      }
      boolean broken = false;
      try {
        dialect.begin(c, write);
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        broken = !rollback(c, e);
        if (dialect.isTransient(e) && attempt < options.maxAttempts()) {
          pause(attempt);
          continue;
        }
        throw new CatalogException(what + " failed in catalog " + description
            + (dialect.isTransient(e) ? " after " + attempt + " attempts (concurrent transactions)" : "") + ": "
            + e.getMessage(), e);
      } catch (RuntimeException | Error e) {
        broken = !rollback(c, e);
        throw e;
      } finally {
        if (!broken) {
          try {
            c.setAutoCommit(true);
          } catch (SQLException e) {
            broken = true;
          }
        }
        pool.release(c, broken);
      }
    }
  }

  /** Rolls back; false when that failed (the connection is then discarded). */
  private static boolean rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
      return true;
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return false;
    }
  }

  private static void pause(int attempt) {
    long cap = Math.min(1000, 10L << Math.min(attempt, 7));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogException("interrupted while retrying a catalog transaction", e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
