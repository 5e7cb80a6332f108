package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/** Independent readers of the files under test, returning rows in the {@link TestRows} representation. */
final class Readers {
  private Readers() {}

  /** Opens {@code file} with parquet-java, verifying page CRCs as pages are read. */
  static ParquetFileReader openParquetJava(Path file) throws IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    ParquetReadOptions options = HadoopReadOptions.builder(conf).usePageChecksumVerification(true).build();
    return ParquetFileReader.open(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf), options);
  }

  /** Every row of {@code file} read by parquet-java's record reader into example {@link Group}s. */
  static List<Object[]> readWithParquetJava(Path file, Schema schema) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (ParquetFileReader reader = openParquetJava(file)) {
      MessageType type = reader.getFooter().getFileMetaData().getSchema();
      assertThat(type.getFieldCount()).isEqualTo(schema.size());
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(type);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(type));
        for (long i = 0; i < pages.getRowCount(); i++) {
          Group g = records.read();
          Object[] row = new Object[schema.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = g.getFieldRepetitionCount(c) == 0 ? null : groupValue(g, c, schema.column(c).type());
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Object groupValue(Group g, int c, DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> g.getBoolean(c, 0);
      case INT32, DATE -> g.getInteger(c, 0);
      case INT64, TIME, TIMESTAMP -> g.getLong(c, 0);
      case FLOAT32 -> g.getFloat(c, 0);
      case FLOAT64 -> g.getDouble(c, 0);
      case STRING -> g.getBinary(c, 0).toStringUsingUTF8();
      case BINARY -> g.getBinary(c, 0).getBytes();
      case DECIMAL -> t.precision() <= 9 ? BigDecimal.valueOf(g.getInteger(c, 0), t.scale())
          : t.precision() <= 18 ? BigDecimal.valueOf(g.getLong(c, 0), t.scale())
          : new BigDecimal(new BigInteger(g.getBinary(c, 0).getBytes()), t.scale());
    };
  }

  /** An in-memory DuckDB connection. */
  static Connection duckDb() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  /** {@code read_parquet('file')}. */
  static String readParquet(Path file) {
    return "read_parquet('" + file.toString().replace("'", "''") + "')";
  }

  /** A quoted SQL identifier. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Every row of {@code file} read by DuckDB, each column cast to a form that compares exactly. */
  static List<Object[]> readWithDuckDb(Path file, Schema schema) throws SQLException {
    StringBuilder select = new StringBuilder();
    for (Column c : schema.columns()) {
      if (select.length() > 0) {
        select.append(", ");
      }
      String q = quote(c.name());
      select.append(switch (c.type().kind()) {
        case BINARY -> "hex(" + q + ")";
        case DATE -> "CAST(" + q + " - DATE '1970-01-01' AS BIGINT)";
        case TIME -> "epoch_us(DATE '1970-01-01' + " + q + ")";
        case TIMESTAMP -> "epoch_us(" + q + ")";
        default -> q;
      });
    }
    List<Object[]> rows = new ArrayList<>();
    try (Connection conn = duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + readParquet(file))) {
      while (rs.next()) {
        Object[] row = new Object[schema.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = duckValue(rs, i + 1, schema.column(i).type());
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Object duckValue(ResultSet rs, int i, DataType t) throws SQLException {
    Object v = switch (t.kind()) {
      case BOOLEAN -> rs.getBoolean(i);
      case INT32 -> rs.getInt(i);
      case INT64, TIME, TIMESTAMP -> rs.getLong(i);
      case FLOAT32 -> rs.getFloat(i);
      case FLOAT64 -> rs.getDouble(i);
      case DECIMAL -> rs.getBigDecimal(i);
      case STRING -> rs.getString(i);
      case BINARY -> {
        String hex = rs.getString(i);
        yield hex == null ? null : HexFormat.of().parseHex(hex);
      }
      case DATE -> Math.toIntExact(rs.getLong(i));
    };
    return rs.wasNull() ? null : v;
  }

  /** Asserts that {@code actual} holds exactly {@code expected}, in order, value by value. */
  static void assertRows(String reader, Schema schema, List<Object[]> expected, List<Object[]> actual) {
    assertThat(actual).as("%s: row count", reader).hasSize(expected.size());
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < schema.size(); c++) {
        Object e = expected.get(r)[c];
        Object a = actual.get(r)[c];
        if (!same(e, a)) {
          throw new AssertionError(reader + ": row " + r + ", column '" + schema.column(c).name() + "': expected "
              + show(e) + " but read " + show(a));
        }
      }
    }
  }

  /** Equality that tells -0.0 from 0.0, treats NaN as equal to itself, compares arrays by content. */
  static boolean same(Object e, Object a) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof byte[] eb && a instanceof byte[] ab) {
      return Arrays.equals(eb, ab);
    }
    if (e instanceof Float ef && a instanceof Float af) {
      return Float.compare(ef, af) == 0;
    }
    if (e instanceof Double ed && a instanceof Double ad) {
      return Double.compare(ed, ad) == 0;
    }
    if (e instanceof BigDecimal ed && a instanceof BigDecimal ad) {
      return ed.compareTo(ad) == 0;
    }
    return e.equals(a);
  }

  private static String show(Object v) {
    if (v instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b, 0, Math.min(b.length, 64)) + (b.length > 64 ? "..." : "");
    }
    if (v instanceof String s && s.length() > 80) {
      return "\"" + s.substring(0, 80) + "...\" (" + s.length() + " chars)";
    }
    return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
  }
}
