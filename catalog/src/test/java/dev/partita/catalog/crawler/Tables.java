package dev.partita.catalog.crawler;

import dev.partita.format.FileFormat;
import dev.partita.format.FormatWriter;
import dev.partita.format.parquet.ParquetFormat;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.table.Table;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/** Tables written for crawler tests: by Partita's formats, by hand file by file, and by DuckDB. */
final class Tables {
  static final Schema SCHEMA = Schema.builder().required("id", DataType.int64())
      .optional("region", DataType.string()).required("day", DataType.date())
      .optional("amount", DataType.float64()).optional("note", DataType.string()).build();
  static final PartitionSpec SPEC = PartitionSpec.builder(SCHEMA).identity("region").identity("day").build();
  static final String[] REGIONS = {"eu-west", "us east", "a/b=c%d", null};

  private Tables() {}

  /** Writes rows {@code from..to-1} into a Partita table partitioned by region and day, in one commit. */
  static void write(Path root, FileFormat format, long from, long to) throws IOException {
    Table table = Table.open(root);
    try (PartitionedWriter w = table.newWriter(WriteOptions.builder(SCHEMA, format).partitionBy(SPEC)
        .mode(WriteMode.APPEND).build())) {
      ObjectArrayRow row = new ObjectArrayRow(SCHEMA);
      for (long id = from; id < to; id++) {
        w.write(row.wrap(new Object[] {id, REGIONS[(int) (id % REGIONS.length)],
            LocalDate.of(2024, 1, 1).plusDays(id % 3), id * 0.25, id % 5 == 0 ? null : "n" + id}));
      }
      w.commit();
    }
  }

  /** Writes one Parquet file of {@code rows} rows shaped as {@code schema} (values by type from the row index). */
  static void parquetFile(Path file, Schema schema, int rows) throws IOException {
    java.nio.file.Files.createDirectories(file.getParent());
    FormatWriter w = ParquetFormat.defaults().open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (int r = 0; r < rows; r++) {
      Object[] values = new Object[schema.size()];
      for (int c = 0; c < schema.size(); c++) {
        values[c] = switch (schema.column(c).type().kind()) {
          case INT32 -> r;
          case INT64 -> (long) r;
          case FLOAT32 -> r * 0.5f;
          case FLOAT64 -> r * 0.5;
          case STRING -> "s" + r;
          case DATE -> r;
          default -> throw new IllegalArgumentException(schema.column(c).type().toString());
        };
      }
      w.write(row.wrap(values));
    }
    w.finish();
  }

  static Connection duckDb() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  static long duckCount(String sql) throws SQLException {
    try (Connection c = duckDb(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static void duckExecute(String... sql) throws SQLException {
    try (Connection c = duckDb(); Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  static String quote(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }

  static List<String> names(Schema s) {
    return s.columns().stream().map(c -> c.name()).toList();
  }
}
