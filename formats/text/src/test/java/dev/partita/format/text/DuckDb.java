package dev.partita.format.text;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a query on an in-memory DuckDB and returns its rows as plain Java values. */
final class DuckDb {
  private DuckDb() {}

  static List<Object[]> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<Object[]> out = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          Object o = rs.getObject(i + 1);
          if (o instanceof Blob b) {
            o = b.getBytes(1, (int) b.length());
          } else if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            o = ((Number) o).longValue();
          } else if (o instanceof java.math.BigInteger bi) {
            o = new BigDecimal(bi);
          }
          row[i] = o;
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError("DuckDB failed on: " + sql, e);
    }
  }

  /** Runs a statement that returns no rows, such as {@code COPY ... TO}. */
  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("DuckDB failed on: " + sql, e);
    }
  }

  /** A path as a single-quoted SQL literal. */
  static String lit(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
