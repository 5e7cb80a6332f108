package dev.partita.bench.sink;

import dev.partita.partition.PartitionField;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB peer: an in-memory DuckDB holding the rows in a table (loaded once with its appender), written out
 * with {@code COPY ... TO ... (FORMAT parquet, PARTITION_BY (...))}. Only {@link #copy} is the measured work.
 * Iceberg's bucket transform has no DuckDB equivalent: a bucket field becomes {@code hash(column) % N}, the same
 * number of partitions by another hash.
 */
public final class DuckDbTable implements AutoCloseable {
  private static final String TABLE = "rows_in_memory";

  private final Connection connection;
  private final Schema schema;
  private final long rows;

  /**
   * Loads every row of {@code source} into a new in-memory database that runs with {@code threads} threads.
   *
   * @throws SQLException when DuckDB fails
   */
  public DuckDbTable(RowSource source, int threads) throws SQLException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.schema = source.schema();
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      st.execute("SET threads = " + threads);
      StringBuilder ddl = new StringBuilder("CREATE TABLE " + TABLE + " (");
      for (int i = 0; i < schema.size(); i++) {
        Column c = schema.column(i);
        ddl.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ').append(sqlType(c))
            .append(c.nullable() ? "" : " NOT NULL");
      }
      st.execute(ddl.append(')').toString());
    }
    long n = 0;
    try (DuckDBAppender a = connection.unwrap(DuckDBConnection.class).createAppender("main", TABLE)) {
      while (source.next()) {
        Row r = source.row();
        a.beginRow();
        for (int i = 0; i < schema.size(); i++) {
          if (r.isNull(i)) {
            a.appendNull();
            continue;
          }
          switch (schema.column(i).type().kind()) {
            case INT32 -> a.append(r.getInt(i));
            case INT64 -> a.append(r.getLong(i));
            case TIMESTAMP -> a.appendEpochMicros(r.getLong(i));
            case FLOAT64 -> a.append(r.getDouble(i));
            case STRING -> a.append(r.getString(i));
            default -> throw new IllegalArgumentException("the DuckDB peer does not map column "
                + schema.column(i));
          }
        }
        a.endRow();
        n++;
      }
    }
    this.rows = n;
  }

  /** Rows in the table. */
  public long rows() {
    return rows;
  }

  /**
   * Writes the table as Parquet under {@code dir} (which must not exist), partitioned like {@code spec}.
   *
   * @return the rows DuckDB reports written
   * @throws SQLException when DuckDB fails
   */
  public long copy(Path dir, PartitionSpec spec, Codec codec) throws SQLException {
    Objects.requireNonNull(dir, "dir");
    String compression = codec == Codec.NONE ? "uncompressed" : codec.id();
    List<String> partitionBy = new ArrayList<>();
    StringBuilder select = new StringBuilder("SELECT *");
    for (PartitionField f : spec.fields()) {
      String name = f.transform().name();
      if (f.transform().isIdentity()) {
        partitionBy.add(quote(f.sourceColumn()));
      } else if (name.equals("bucket")) {
        select.append(", (hash(").append(quote(f.sourceColumn())).append(") % ").append(f.transform().parameter())
            .append(")::INTEGER AS ").append(quote(f.name()));
        partitionBy.add(quote(f.name()));
      } else {
        throw new IllegalArgumentException("the DuckDB peer supports identity and bucket fields, not " + f);
      }
    }
    String from = partitionBy.isEmpty() || select.length() == 8 ? TABLE : "(" + select + " FROM " + TABLE + ")";
    String target = partitionBy.isEmpty() ? dir.resolve("data.parquet").toString() : dir.toString();
    if (partitionBy.isEmpty()) {
      dir.toFile().mkdirs();
    }
    String sql = "COPY " + from + " TO '" + target.replace("'", "''") + "' (FORMAT parquet, COMPRESSION "
        + compression + (partitionBy.isEmpty() ? "" : ", PARTITION_BY (" + String.join(", ", partitionBy) + ")")
        + ")";
    try (Statement st = connection.createStatement()) {
      return st.executeLargeUpdate(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private static String sqlType(Column c) {
    return switch (c.type().kind()) {
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case TIMESTAMP -> c.type().isAdjustedToUtc() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case FLOAT64 -> "DOUBLE";
      case STRING -> "VARCHAR";
      default -> throw new IllegalArgumentException("the DuckDB peer does not map column " + c);
    };
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
