package dev.partita.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.TableId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** DuckDB as the independent reader of tables (Parquet with Hive partitions) and of source files (CSV). */
final class Duck {
  private Duck() {}

  /** The rows of a DuckDB query, formatted by {@link #rows}. */
  static List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      return rows(c, sql);
    }
  }

  /** Runs a statement that returns no rows ({@code COPY ... TO}). */
  static void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * The rows of a query on any connection, each as its columns joined by {@code |}, sorted: integers as longs,
   * floating point numbers as Java doubles, {@code NULL} for nulls, anything else by {@code toString()}, so that
   * rows read by different databases compare equal when their values do.
   */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          if (i > 1) {
            sb.append('|');
          }
          Object v = r.getObject(i);
          if (v == null) {
            sb.append("NULL");
          } else if (v instanceof Double || v instanceof Float) {
            sb.append(((Number) v).doubleValue());
          } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
              || v instanceof java.math.BigInteger) {
            sb.append(((Number) v).longValue());
          } else if (v instanceof java.sql.Date d) {
            sb.append(d.toLocalDate());
          } else {
            sb.append(v);
          }
        }
        out.add(sb.toString());
      }
    }
    Collections.sort(out);
    return out;
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A DuckDB list literal of file paths. */
  static String files(List<String> paths) {
    List<String> quoted = new ArrayList<>();
    paths.forEach(p -> quoted.add(literal(p)));
    return "[" + String.join(", ", quoted) + "]";
  }

  /**
   * The rows of the files the catalog registers for a table (read with Hive partitioning), projected on
   * {@code columns}; empty when the table has no files.
   */
  static List<String> table(Catalog catalog, TableId id, String columns) throws SQLException {
    if (catalog.tables().find(id).isEmpty()) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (CatalogFile f : catalog.partitions().files(id, PartitionFilter.all())) {
      paths.add(f.location());
    }
    if (paths.isEmpty()) {
      return List.of();
    }
    return query("SELECT " + columns + " FROM read_parquet(" + files(paths) + ", hive_partitioning = true)");
  }

  /** Checks that the catalog lists exactly the data files visible under the table root. */
  static void assertCatalogMatchesDisk(Catalog catalog, TableId id, Path root) throws IOException {
    List<String> disk = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile).forEach(p -> {
          Path rel = root.relativize(p);
          for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith("_") || n.startsWith(".")) {
              return;
            }
          }
          disk.add(rel.toString());
        });
      }
    }
    Collections.sort(disk);
    List<String> registered = catalog.tables().find(id).isEmpty() ? List.of()
        : catalog.partitions().files(id, PartitionFilter.all()).stream().map(CatalogFile::path).sorted().toList();
    assertThat(registered).as("files registered in the catalog vs visible on disk").isEqualTo(disk);
  }
}
