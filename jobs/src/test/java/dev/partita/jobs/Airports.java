package dev.partita.jobs;

import dev.partita.catalog.TableId;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.testing.Datasets;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The airports dataset as a source table {@code airports(id, iata, name, city, state, country, latitude,
 * longitude)} whose rows arrive in batches (ids are line numbers), and the job loading it into a Parquet table.
 */
final class Airports {
  static final Schema SCHEMA = Schema.builder().required("id", DataType.int64())
      .optional("iata", DataType.string()).optional("name", DataType.string()).optional("city", DataType.string())
      .optional("state", DataType.string()).optional("country", DataType.string())
      .optional("latitude", DataType.float64()).optional("longitude", DataType.float64()).build();
  static final String COLUMNS = "id, iata, name, city, state, country, latitude, longitude";

  private static List<String[]> records;

  private Airports() {}

  /** The data records of airports.csv, read by the writer's test parser (header dropped): 3376. */
  static synchronized List<String[]> records() throws IOException {
    if (records == null) {
      List<String[]> all = Datasets.readCsv(Datasets.file("airports.csv"));
      records = all.subList(1, all.size());
    }
    return records;
  }

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE airports (id BIGINT PRIMARY KEY, iata TEXT, name TEXT, city TEXT, state TEXT,"
          + " country TEXT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION)");
    }
  }

  /** Inserts records {@code from..to-1} with ids {@code from+1..to}, in one transaction. */
  static void insert(Connection c, int from, int to) throws SQLException, IOException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO airports VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = from; i < to; i++) {
        String[] r = records().get(i);
        p.setLong(1, i + 1);
        for (int f = 0; f < 5; f++) {
          p.setString(2 + f, r[f]);
        }
        p.setDouble(7, Double.parseDouble(r[5]));
        p.setDouble(8, Double.parseDouble(r[6]));
        p.addBatch();
      }
      p.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The source rows with ids in {@code from+1..to}, formatted as {@link Duck#rows}. */
  static List<String> expected(Connection c, long from, long to) throws SQLException {
    return Duck.rows(c, "SELECT " + COLUMNS + " FROM airports WHERE id > " + from + " AND id <= " + to);
  }

  static WriteOptions options() {
    return WriteOptions.builder(SCHEMA, ParquetFormat.builder().build())
        .partitionBy(PartitionSpec.builder(SCHEMA).bucket(3, "iata").build()).build();
  }

  /** The load job reading {@code airports} at {@code url} by key {@code id}. */
  static IngestJob job(String name, TableId table, String url, Path root, UnaryOperator<JdbcSource.Builder> tweak) {
    JdbcSource source = tweak.apply(JdbcSource.table("airports", url, "airports", SCHEMA).bookmarkKeys("id")
        .fetchSize(500)).build();
    return IngestJob.builder(name, table, root).source(source).writeOptions(options()).build();
  }
}
