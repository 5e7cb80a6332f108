package dev.partita.jobs.internal;

import dev.partita.format.parquet.footer.ParquetFooter;
import dev.partita.format.parquet.footer.ParquetFooterReader;
import dev.partita.format.parquet.read.ParquetReadOptions;
import dev.partita.format.parquet.read.ParquetRowReader;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a flat Parquet file into the source schema with partita-parquet's reader. Columns map by name (exact, then
 * ignoring case); a schema column the file lacks is null, file columns the schema does not name are not read (so
 * nested columns there are no obstacle). A file column of another type is converted: integers and floats widen,
 * integers and decimals become decimals of the column's scale, unannotated bytes become UTF-8 strings, anything
 * else goes through the text form the CSV reader parses; a value that does not fit is a bad record.
 */
final class ParquetRecordReader implements RecordReader {
  /** How a file column reaches its schema column. */
  private enum Copy { SAME, INT_NARROW, TO_LONG, TO_DOUBLE, TO_DECIMAL, UTF8_TO_STRING, VIA_TEXT }

  private final ParquetRowReader reader;
  private final Row row;
  private final String input;
  private final int[] target;
  private final Copy[] copies;
  private final DataType[] fileTypes;
  private final TextColumns text;

  ParquetRecordReader(FileChannel channel, Schema schema, String input) throws IOException {
    this.input = input;
    this.text = new TextColumns(schema);
    ParquetFooter footer = ParquetFooterReader.read(channel, input);
    Map<String, String> exact = new HashMap<>();
    Map<String, String> folded = new HashMap<>();
    for (String name : names(footer)) {
      exact.put(name, name);
      folded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
    List<String> selected = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      String name = schema.column(i).name();
      String match = exact.containsKey(name) ? name : folded.get(name.toLowerCase(Locale.ROOT));
      if (match != null && !selected.contains(match)) {
        selected.add(match);
        targets.add(i);
      }
    }
    this.reader = ParquetRowReader.open(channel, input, ParquetReadOptions.builder().columns(selected).build());
    this.row = reader.row();
    this.target = targets.stream().mapToInt(Integer::intValue).toArray();
    this.copies = new Copy[target.length];
    this.fileTypes = new DataType[target.length];
    Schema read = reader.schema();
    for (int f = 0; f < target.length; f++) {
      fileTypes[f] = read.column(f).type();
      copies[f] = copy(fileTypes[f], schema.column(target[f]).type());
    }
  }

  private static List<String> names(ParquetFooter footer) {
    List<String> out = new ArrayList<>();
    footer.schema().columns().forEach(c -> out.add(c.name()));
    for (String u : footer.unsupportedColumns()) {
      int colon = u.lastIndexOf(": ");
      out.add(colon < 0 ? u : u.substring(0, colon));
    }
    return out;
  }

  private static Copy copy(DataType from, DataType to) {
    DataType.Kind f = from.kind();
    DataType.Kind t = to.kind();
    boolean integer = f == DataType.Kind.INT32 || f == DataType.Kind.INT64;
    if (f == t) {
      if (f == DataType.Kind.INT32 && from.bitWidth() > to.bitWidth()) {
        return Copy.INT_NARROW;
      }
      if (f == DataType.Kind.DECIMAL && !from.equals(to)) {
        return Copy.TO_DECIMAL;
      }
      return Copy.SAME;
    }
    if (t == DataType.Kind.INT64 && f == DataType.Kind.INT32) {
      return Copy.TO_LONG;
    }
    if (t == DataType.Kind.FLOAT64 && (integer || f == DataType.Kind.FLOAT32)) {
      return Copy.TO_DOUBLE;
    }
    if (t == DataType.Kind.DECIMAL && integer) {
      return Copy.TO_DECIMAL;
    }
    if (t == DataType.Kind.STRING && f == DataType.Kind.BINARY) {
      // older writers (Hive, Impala) store strings as BYTE_ARRAY without the UTF8 annotation
      return Copy.UTF8_TO_STRING;
    }
    return Copy.VIA_TEXT;
  }

  @Override
  public boolean next(RowBuffer out) throws IOException {
    if (!reader.next()) {
      return false;
    }
    out.clear();
    long number = reader.rowNumber();
    for (int f = 0; f < target.length; f++) {
      if (row.isNull(f)) {
        continue;
      }
      int to = target[f];
      switch (copies[f]) {
        case SAME -> out.copy(row, f, to);
        case INT_NARROW -> {
          int v = row.getInt(f);
          int bits = out.schema().column(to).type().bitWidth();
          if (v < -(1 << (bits - 1)) || v >= (1 << (bits - 1))) {
            throw bad(out, to, number, v + " is out of the range of " + out.schema().column(to).type());
          }
          out.setInt(to, v);
        }
        case TO_LONG -> out.setLong(to, row.getInt(f));
        case TO_DOUBLE -> out.setDouble(to, switch (fileTypes[f].kind()) {
          case INT32 -> row.getInt(f);
          case INT64 -> (double) row.getLong(f);
          default -> row.getFloat(f);
        });
        case TO_DECIMAL -> {
          BigDecimal v = switch (fileTypes[f].kind()) {
            case INT32 -> BigDecimal.valueOf(row.getInt(f));
            case INT64 -> BigDecimal.valueOf(row.getLong(f));
            default -> row.getDecimal(f);
          };
          DataType type = out.schema().column(to).type();
          try {
            out.setDecimal(to, TextColumns.decimal(v, type));
          } catch (NumberFormatException e) {
            throw bad(out, to, number, v.toPlainString() + " does not fit " + type + ": " + e.getMessage());
          }
        }
        case UTF8_TO_STRING -> out.setString(to, new String(row.getBinary(f), StandardCharsets.UTF_8));
        case VIA_TEXT -> text.parse(TextColumns.format(row, f, fileTypes[f]), out, to, number);
        default -> throw new IllegalStateException("unknown copy " + copies[f]);
      }
    }
    out.checkRequired(number);
    return true;
  }

  private InvalidRowException bad(RowBuffer out, int column, long number, String problem) {
    out.setNull(column);
    return new InvalidRowException(out.schema().column(column).name(), number, problem + " in " + input);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
