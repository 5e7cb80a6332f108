package dev.partita.format.parquet;

import dev.partita.format.parquet.read.ParquetReadOptions;
import dev.partita.format.parquet.read.ParquetRowReader;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rows read by Partita's own {@link ParquetRowReader}, in the {@link TestRows} representation. */
final class PartitaReads {
  private PartitaReads() {}

  /** Every row of the file, all columns. */
  static List<Object[]> read(Path file) throws IOException {
    return read(file, ParquetReadOptions.defaults());
  }

  /** Every row of the file, the columns the options select. */
  static List<Object[]> read(Path file, ParquetReadOptions options) throws IOException {
    List<Object[]> out = new ArrayList<>();
    try (ParquetRowReader reader = ParquetRowReader.open(file, options)) {
      Schema schema = reader.schema();
      Row row = reader.row();
      while (reader.next()) {
        out.add(values(row, schema));
      }
    }
    return out;
  }

  /** The schema the reader gives the file. */
  static Schema schema(Path file) throws IOException {
    try (ParquetRowReader reader = ParquetRowReader.open(file)) {
      return reader.schema();
    }
  }

  /** A row's values, boxed by the getter of each column's type. */
  static Object[] values(Row row, Schema schema) {
    Object[] v = new Object[schema.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.isNull(i) ? null : value(row, i, schema.column(i).type());
    }
    return v;
  }

  private static Object value(Row row, int i, DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> row.getBoolean(i);
      case INT32, DATE -> row.getInt(i);
      case INT64, TIME, TIMESTAMP -> row.getLong(i);
      case FLOAT32 -> row.getFloat(i);
      case FLOAT64 -> row.getDouble(i);
      case DECIMAL -> row.getDecimal(i);
      case STRING -> row.getString(i);
      case BINARY -> row.getBinary(i);
    };
  }
}
