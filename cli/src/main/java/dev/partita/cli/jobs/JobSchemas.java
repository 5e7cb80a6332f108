package dev.partita.cli.jobs;

import dev.partita.cli.convert.TypeInference;
import dev.partita.cli.input.ByteMeter;
import dev.partita.cli.input.InputException;
import dev.partita.format.parquet.footer.ParquetFooter;
import dev.partita.format.parquet.footer.ParquetFooterReader;
import dev.partita.format.text.read.Compression;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.format.text.read.CsvReader;
import dev.partita.format.text.read.JsonOptions;
import dev.partita.format.text.read.JsonReader;
import dev.partita.format.text.read.RecordReader;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the first run of {@code partita ingest} takes the job's schema from (later runs take it from the catalog
 * table, see {@link dev.partita.jobs.JobTables}): the first files (CSV and JSON inferred as {@code partita write}
 * infers, Parquet from the footer) or the JDBC query's result columns.
 */
final class JobSchemas {
  private JobSchemas() {}

  /**
   * The schema of a Parquet file's top-level columns that Partita reads (nested ones are left out), every column
   * nullable so that later files may lack it.
   */
  static Schema fromParquet(Path file) throws IOException {
    ParquetFooter footer = ParquetFooterReader.read(file);
    List<Column> columns = new ArrayList<>();
    for (Column c : footer.schema().columns()) {
      columns.add(Column.optional(c.name(), c.type()));
    }
    if (columns.isEmpty()) {
      throw new InputException(file + " has no column Partita can read (" + footer.unsupportedColumns()
          + "); pass --schema");
    }
    return Schema.of(columns);
  }

  /** The schema inferred from the first {@code sampleRows} records of {@code files} (CSV or JSON Lines). */
  static Schema infer(List<Path> files, boolean json, CsvOptions csv, int sampleRows) throws IOException {
    List<String> names = new ArrayList<>();
    TypeInference inference = new TypeInference(csv.nullValue());
    long left = sampleRows;
    for (Path f : files) {
      if (left == 0) {
        break;
      }
      InputStream in = Compression.fromFileName(f.getFileName().toString()).decompress(Files.newInputStream(f));
      try (RecordReader reader = json ? new JsonReader(f.toString(), in, JsonOptions.DEFAULT)
          : new CsvReader(f.toString(), in, csv)) {
        int[] map;
        if (!json && csv.header()) {
          map = mapping(names, ((CsvReader) reader).readHeader().orElse(List.of()));
        } else {
          map = null;
        }
        while (left > 0 && reader.next()) {
          if (json || !csv.header()) {
            map = mapping(names, json ? reader.fieldNames() : positional(reader.record().fieldCount()));
          }
          if (!reader.record().hasProblem()) {
            inference.observe(reader.record(), map);
          }
          left--;
        }
      }
    }
    if (names.isEmpty()) {
      throw new InputException("no columns found in " + files + "; pass --schema");
    }
    return inference.schema(names);
  }

  private static List<String> positional(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add("column" + i);
    }
    return out;
  }

  /** Field positions to column positions, adding new names to {@code names}. */
  private static int[] mapping(List<String> names, List<String> fields) {
    int[] map = new int[fields.size()];
    Arrays.fill(map, -1);
    for (int i = 0; i < fields.size(); i++) {
      String n = fields.get(i).isEmpty() ? "column_" + (i + 1) : fields.get(i);
      int at = names.indexOf(n);
      if (at < 0) {
        names.add(n);
        at = names.size() - 1;
      }
      map[i] = at;
    }
    return map;
  }

  /** The schema of a JDBC query's result columns. */
  static Schema fromQuery(String url, Properties properties, String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, properties); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM (" + query + ") partita_src WHERE 1 = 0")) {
      ResultSetMetaData md = r.getMetaData();
      Schema.Builder b = Schema.builder();
      // SQLite's INTEGER holds 64 bits and its REAL is a double, whatever its driver reports.
      boolean sqlite = url.startsWith("jdbc:sqlite:");
      for (int i = 1; i <= md.getColumnCount(); i++) {
        DataType t = type(md, i);
        if (sqlite && t.equals(DataType.int32())) {
          t = DataType.int64();
        } else if (t.equals(DataType.float32())) {
          t = DataType.float64();
        }
        b.optional(md.getColumnLabel(i), t);
      }
      return b.build();
    }
  }

  private static DataType type(ResultSetMetaData md, int i) throws SQLException {
    return switch (md.getColumnType(i)) {
      case Types.BIT, Types.BOOLEAN -> DataType.bool();
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> DataType.int32();
      case Types.BIGINT -> DataType.int64();
      case Types.REAL -> DataType.float32(); // read as float64 above: SQLite and others use REAL for doubles
      case Types.FLOAT, Types.DOUBLE -> DataType.float64();
      case Types.NUMERIC, Types.DECIMAL -> {
        int p = md.getPrecision(i);
        int s = md.getScale(i);
        yield p >= 1 && p <= DataType.MAX_DECIMAL_PRECISION && s >= 0 && s <= p ? DataType.decimal(p, s)
            : DataType.float64();
      }
      case Types.DATE -> DataType.date();
      case Types.TIME -> DataType.time();
      case Types.TIMESTAMP -> DataType.timestamp();
      case Types.TIMESTAMP_WITH_TIMEZONE -> DataType.timestampTz();
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> DataType.binary();
      default -> DataType.string();
    };
  }
}
