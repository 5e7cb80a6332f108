package dev.partita.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An in-memory DuckDB: the independent reader of both the inputs and the written tables. */
final class DuckDb implements AutoCloseable {
  private final Connection connection;

  DuckDb() throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
  }

  Connection connection() {
    return connection;
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  long count(String query) throws SQLException {
    return longValue("SELECT count(*) FROM (" + query + ")");
  }

  long longValue(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(r.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /**
   * Asserts that two queries hold the same multiset of rows ({@code EXCEPT ALL} both ways, nulls equal) and
   * returns their row count.
   */
  long assertSameRows(String expected, String actual) throws SQLException {
    long e = count(expected);
    long a = count(actual);
    long missing = count("(" + expected + ") EXCEPT ALL (" + actual + ")");
    long extra = count("(" + actual + ") EXCEPT ALL (" + expected + ")");
    if (missing != 0 || extra != 0) {
      List<List<String>> sample = rows("SELECT * FROM ((" + expected + ") EXCEPT ALL (" + actual + ")) LIMIT 3");
      List<List<String>> sample2 = rows("SELECT * FROM ((" + actual + ") EXCEPT ALL (" + expected + ")) LIMIT 3");
      throw new AssertionError(missing + " expected rows missing, e.g. " + sample + "; " + extra
          + " unexpected rows, e.g. " + sample2);
    }
    assertThat(a).as("row count").isEqualTo(e);
    return e;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  static String sqlType(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "VARCHAR";
      case BINARY -> "BLOB";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> t.isAdjustedToUtc() ? "TIMESTAMPTZ" : "TIMESTAMP";
    };
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(Object s) {
    return "'" + s.toString().replace("'", "''") + "'";
  }

  /** {@code {'a': 'BIGINT', ...}} for read_csv / read_json {@code columns=}. */
  static String columnsStruct(Schema schema) {
    return schema.columns().stream().map(c -> literal(c.name()) + ": " + literal(sqlType(c.type())))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** Every column of {@code schema}, cast to its type, in order. */
  static String selectList(Schema schema) {
    return schema.columns().stream().map(c -> "CAST(" + ident(c.name()) + " AS " + sqlType(c.type()) + ") AS "
        + ident(c.name())).collect(Collectors.joining(", "));
  }

  /** DuckDB's own reading of a CSV input, typed as {@code schema} (names given by position). */
  static String csvInput(Path file, Schema schema) {
    return "SELECT " + selectList(schema) + " FROM read_csv(" + literal(file) + ", header=true, auto_detect=false,"
        + " delim=',', quote='\"', escape='\"', allow_quoted_nulls=false, columns=" + columnsStruct(schema) + ")";
  }

  /** DuckDB's own reading of a JSON input, typed as {@code schema}. */
  static String jsonInput(Path file, Schema schema) {
    return "SELECT " + selectList(schema) + " FROM read_json(" + literal(file) + ", columns="
        + columnsStruct(schema) + ")";
  }

  /**
   * DuckDB's reading of a written table: data columns from the files, identity partition columns from the
   * Hive paths ({@code partitionColumns}), all cast to the schema's types.
   */
  static String table(Path dir, String format, Schema schema, Set<String> partitionColumns) {
    Schema data = schema.without(partitionColumns);
    String glob = literal(dir.toString() + "/**/part-*." + switch (format) {
      case "parquet" -> "parquet";
      case "csv" -> "csv*";
      case "json" -> "json*";
      default -> throw new IllegalArgumentException(format);
    });
    String from = switch (format) {
      case "parquet" -> "read_parquet(" + glob + ", hive_partitioning=true, hive_types_autocast=false)";
      case "csv" -> "read_csv(" + glob + ", hive_partitioning=true, hive_types_autocast=false, header=true,"
          + " auto_detect=false, allow_quoted_nulls=false, columns=" + columnsStruct(data) + ")";
      case "json" -> "read_json(" + glob + ", hive_partitioning=true, hive_types_autocast=false, columns="
          + columnsStruct(data) + ")";
      default -> throw new IllegalArgumentException(format);
    };
    return "SELECT " + selectList(schema) + " FROM " + from;
  }

  static Set<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.toSet());
  }
}
