package dev.partita.cli;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Reads an ORC table with orc-core's own reader (partition values from the Hive paths) into a DuckDB table, so
 * that it can be compared with DuckDB's reading of the input.
 */
final class OrcTables {
  private OrcTables() {}

  /**
   * Loads every {@code .orc} file under {@code dir} into table {@code name}: data columns typed, identity
   * partition columns as VARCHAR from the path. Returns the query selecting the schema's columns, typed.
   */
  static String load(DuckDb db, Path dir, Schema schema, Set<String> partitionColumns, String name)
      throws IOException, SQLException {
    String ddl = schema.columns().stream().map(c -> DuckDb.ident(c.name()) + " "
        + (partitionColumns.contains(c.name()) ? "VARCHAR" : DuckDb.sqlType(c.type())))
        .collect(Collectors.joining(", "));
    db.execute("CREATE OR REPLACE TABLE " + name + " (" + ddl + ")");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".orc"))
          .filter(p -> !dir.relativize(p).toString().startsWith("_")).sorted().toList();
    }
    DuckDBConnection c = db.connection().unwrap(DuckDBConnection.class);
    try (DuckDBAppender app = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, name)) {
      for (Path f : files) {
        Map<String, String> partition = partitionValues(dir.relativize(f));
        append(app, f, schema, partitionColumns, partition);
      }
    }
    return "SELECT " + DuckDb.selectList(schema) + " FROM " + name;
  }

  private static Map<String, String> partitionValues(Path relative) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String seg = relative.getName(i).toString();
      int eq = seg.indexOf('=');
      String k = URLDecoder.decode(seg.substring(0, eq).replace("+", "%2B"), StandardCharsets.UTF_8);
      String v = URLDecoder.decode(seg.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
      out.put(k, v.equals("__HIVE_DEFAULT_PARTITION__") ? null : v);
    }
    return out;
  }

  private static void append(DuckDBAppender app, Path file, Schema schema, Set<String> partitionColumns,
      Map<String, String> partition) throws IOException, SQLException {
    Configuration conf = new Configuration();
    try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
        OrcFile.readerOptions(conf).useUTCTimestamp(true))) {
      List<String> fileColumns = reader.getSchema().getFieldNames();
      VectorizedRowBatch batch = reader.getSchema().createRowBatch(1024);
      try (RecordReader rows = reader.rows()) {
        while (rows.nextBatch(batch)) {
          for (int r = 0; r < batch.size; r++) {
            app.beginRow();
            for (Column col : schema.columns()) {
              if (partitionColumns.contains(col.name())) {
                String v = partition.get(col.name());
                if (v == null) {
                  app.appendNull();
                } else {
                  app.append(v);
                }
              } else {
                int i = fileColumns.indexOf(col.name());
                if (i < 0) {
                  throw new AssertionError("column " + col.name() + " missing from " + file + ": " + fileColumns);
                }
                value(app, batch.cols[i], r, col.type());
              }
            }
            app.endRow();
          }
        }
      }
    }
  }

  private static void value(DuckDBAppender app, ColumnVector v, int row, DataType type) throws SQLException {
    int i = v.isRepeating ? 0 : row;
    if (!v.noNulls && v.isNull[i]) {
      app.appendNull();
      return;
    }
    switch (type.kind()) {
      case BOOLEAN -> app.append(((LongColumnVector) v).vector[i] != 0);
      case INT32 -> app.append((int) ((LongColumnVector) v).vector[i]);
      case INT64 -> app.append(((LongColumnVector) v).vector[i]);
      case FLOAT32 -> app.append((float) ((DoubleColumnVector) v).vector[i]);
      case FLOAT64 -> app.append(((DoubleColumnVector) v).vector[i]);
      case STRING -> {
        BytesColumnVector b = (BytesColumnVector) v;
        app.append(new String(b.vector[i], b.start[i], b.length[i], StandardCharsets.UTF_8));
      }
      case DATE -> app.append(LocalDate.ofEpochDay(((LongColumnVector) v).vector[i]));
      case TIMESTAMP -> {
        TimestampColumnVector t = (TimestampColumnVector) v;
        long micros = Math.floorDiv(t.time[i], 1000L) * 1_000_000L + t.nanos[i] / 1000;
        LocalDateTime l = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        if (type.isAdjustedToUtc()) {
          app.append(l.atOffset(ZoneOffset.UTC));
        } else {
          app.append(l);
        }
      }
      default -> throw new AssertionError("type not covered by the CLI tests: " + type);
    }
  }
}
