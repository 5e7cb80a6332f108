package dev.partita.format.orc;

import dev.partita.format.FileFormat;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;

/**
 * Test support: writes rows with Partita and reads files back with orc-core's own reader into a
 * {@link VectorizedRowBatch}, turning values into the Row representation (binary as {@link ByteBuffer} so that
 * lists compare by content).
 */
final class OrcReadBack {
  private OrcReadBack() {}

  /** Writes {@code rows} (Row representation, byte[] for binary) to {@code file} and finishes it. */
  static FileMetrics write(FileFormat format, Schema schema, Path file, List<Object[]> rows) throws IOException {
    FormatWriter w = format.open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    for (Object[] r : rows) {
      w.write(row.wrap(r));
    }
    return w.finish();
  }

  /** Opens {@code file} with orc-core's reader: UTC timestamps, proleptic Gregorian calendar. */
  static Reader open(Path file) throws IOException {
    Configuration conf = new Configuration();
    return OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
        OrcFile.readerOptions(conf).useUTCTimestamp(true).convertToProlepticGregorian(true));
  }

  /** Every row of the file, in the Row representation of {@code schema}'s types. */
  static List<Object[]> readAll(Path file, Schema schema) throws IOException {
    try (Reader reader = open(file)) {
      return readAll(reader, schema);
    }
  }

  static List<Object[]> readAll(Reader reader, Schema schema) throws IOException {
    List<Object[]> out = new ArrayList<>();
    VectorizedRowBatch batch = reader.getSchema().createRowBatch(777);
    try (RecordReader rr = reader.rows()) {
      while (rr.nextBatch(batch)) {
        for (int i = 0; i < batch.size; i++) {
          Object[] row = new Object[schema.size()];
          for (int c = 0; c < schema.size(); c++) {
            row[c] = value(batch.cols[c], i, schema.column(c).type());
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  static Object value(ColumnVector v, int row, DataType type) {
    int i = v.isRepeating ? 0 : row;
    if (!v.noNulls && v.isNull[i]) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> ((LongColumnVector) v).vector[i] != 0;
      case INT32, DATE -> Math.toIntExact(((LongColumnVector) v).vector[i]);
      case INT64, TIME -> ((LongColumnVector) v).vector[i];
      case FLOAT32 -> (float) ((DoubleColumnVector) v).vector[i];
      case FLOAT64 -> ((DoubleColumnVector) v).vector[i];
      case DECIMAL -> ((DecimalColumnVector) v).vector[i].getHiveDecimal().bigDecimalValue()
          .setScale(type.scale());
      case STRING -> {
        BytesColumnVector b = (BytesColumnVector) v;
        yield new String(b.vector[i], b.start[i], b.length[i], StandardCharsets.UTF_8);
      }
      case BINARY -> {
        BytesColumnVector b = (BytesColumnVector) v;
        yield ByteBuffer.wrap(Arrays.copyOfRange(b.vector[i], b.start[i], b.start[i] + b.length[i]));
      }
      case TIMESTAMP -> {
        TimestampColumnVector t = (TimestampColumnVector) v;
        yield Math.floorDiv(t.time[i], 1000L) * 1_000_000L + t.nanos[i] / 1000;
      }
    };
  }

  /**
   * Rows as lists that compare with {@code equals}: exact for floats (NaN equals NaN), decimals compare with
   * their scale, byte[] replaced by ByteBuffer so that binary values compare by content.
   */
  static List<List<Object>> comparable(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      List<Object> c = new ArrayList<>(r.length);
      for (Object v : r) {
        c.add(v instanceof byte[] b ? ByteBuffer.wrap(b) : v);
      }
      out.add(c);
    }
    return out;
  }

  /** Decimal helper for readability in tests. */
  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
