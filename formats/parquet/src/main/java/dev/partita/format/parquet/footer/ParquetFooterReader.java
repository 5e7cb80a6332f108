package dev.partita.format.parquet.footer;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.Util;

/**
 * Reads the footer of a Parquet file without Hadoop: the last 8 bytes give the footer's length and the
 * {@code PAR1} magic, the footer itself is Thrift's compact protocol, decoded by parquet-format-structures.
 * Reads only the footer (two reads at the end of the file), never data pages.
 *
 * <p>Type mapping (logical type first, then the legacy converted type, then the physical type): BOOLEAN to
 * boolean; INT32 to int8/int16/int32 (unsigned 8/16 widen to int16/int32, unsigned 32 to int64), date,
 * decimal, time; INT64 to int64, timestamp (millis, micros and nanos; timestamptz when adjusted to UTC), time,
 * decimal (unsigned 64 to decimal(20,0)); INT96 to timestamp; FLOAT, DOUBLE; BYTE_ARRAY to string (STRING, ENUM,
 * JSON), decimal or binary; FIXED_LEN_BYTE_ARRAY to decimal or binary. Nested groups and repeated fields are
 * reported in {@link ParquetFooter#unsupportedColumns()}.
 */
public final class ParquetFooterReader {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final byte[] ENCRYPTED_MAGIC = {'P', 'A', 'R', 'E'};

  private ParquetFooterReader() {}

  /**
   * Reads the footer of a local file.
   *
   * @throws IOException when the file cannot be read or is not a Parquet file (the message names the file)
   */
  public static ParquetFooter read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(ch, file.toString());
    }
  }

  /**
   * Reads the footer from a channel positioned anywhere over a whole Parquet file.
   *
   * @param name the file's name for messages
   */
  public static ParquetFooter read(SeekableByteChannel channel, String name) throws IOException {
    long size = channel.size();
    if (size < 12) {
      throw new IOException(name + " is not a Parquet file: " + size + " bytes, shorter than the 12 of an empty"
          + " file's magic and footer length");
    }
    ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, tail, size - 8, name);
    byte[] magic = Arrays.copyOfRange(tail.array(), 4, 8);
    if (Arrays.equals(magic, ENCRYPTED_MAGIC)) {
      throw new IOException(name + " has an encrypted Parquet footer (PARE); reading it needs the key, which"
          + " Partita does not support");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(name + " is not a Parquet file: it does not end with the PAR1 magic");
    }
    int length = tail.getInt(0);
    if (length <= 0 || length > size - 12) {
      throw new IOException(name + " has a corrupt Parquet footer length " + length + " for a file of " + size
          + " bytes");
    }
    ByteBuffer footer = ByteBuffer.allocate(length);
    readFully(channel, footer, size - 8 - length, name);
    FileMetaData meta;
    try {
      meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
    } catch (IOException | RuntimeException e) {
      throw new IOException(name + " has a Parquet footer that does not decode: " + e.getMessage(), e);
    }
    return convert(meta, length, name);
  }

  private static void readFully(SeekableByteChannel ch, ByteBuffer buffer, long position, String name)
      throws IOException {
    ch.position(position);
    while (buffer.hasRemaining()) {
      if (ch.read(buffer) < 0) {
        throw new IOException(name + ": unexpected end of file while reading the Parquet footer");
      }
    }
  }

  /** One top-level leaf column: its Partita type and how its statistics are decoded. */
  private record Leaf(Column column, SchemaElement element) {}

  private static ParquetFooter convert(FileMetaData meta, int footerBytes, String name) throws IOException {
    List<SchemaElement> elements = meta.getSchema();
    if (elements == null || elements.isEmpty()) {
      throw new IOException(name + " has a Parquet footer without a schema");
    }
    List<Column> columns = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    Map<String, Leaf> leaves = new LinkedHashMap<>();
    int children = elements.get(0).getNum_children();
    int i = 1;
    for (int c = 0; c < children && i < elements.size(); c++) {
      SchemaElement e = elements.get(i);
      if (e.isSetNum_children() && e.getNum_children() > 0) {
        unsupported.add(e.getName() + ": nested " + nestedKind(e));
        i = subtreeEnd(elements, i);
        continue;
      }
      i++;
      if (e.getRepetition_type() == FieldRepetitionType.REPEATED) {
        unsupported.add(e.getName() + ": repeated field");
        continue;
      }
      Optional<DataType> type = type(e);
      if (type.isEmpty()) {
        unsupported.add(e.getName() + ": unsupported type " + describe(e));
        continue;
      }
      Column col = new Column(e.getName(), type.get(), e.getRepetition_type() != FieldRepetitionType.REQUIRED);
      if (leaves.containsKey(col.name())) {
        unsupported.add(e.getName() + ": duplicate column name");
        continue;
      }
      columns.add(col);
      leaves.put(col.name(), new Leaf(col, e));
    }
    TreeSet<String> codecs = new TreeSet<>();
    List<RowGroup> groups = meta.getRow_groups() == null ? List.of() : meta.getRow_groups();
    for (RowGroup g : groups) {
      for (ColumnChunk chunk : g.getColumns()) {
        if (chunk.isSetMeta_data()) {
          codecs.add(chunk.getMeta_data().getCodec().name().toLowerCase(Locale.ROOT));
        }
      }
    }
    Map<String, String> kv = new LinkedHashMap<>();
    if (meta.getKey_value_metadata() != null) {
      for (KeyValue e : meta.getKey_value_metadata()) {
        kv.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
      }
    }
    return new ParquetFooter(Schema.of(columns), unsupported, meta.getNum_rows(), groups.size(), codecs,
        Optional.ofNullable(meta.getCreated_by()), kv, statistics(leaves, groups), footerBytes);
  }

  /**
   * The index just past the schema subtree that starts at {@code index} of a file's flattened schema (the element
   * and all its descendants, counted through {@code num_children}).
   */
  public static int subtreeEnd(List<SchemaElement> elements, int index) {
    int remaining = 1;
    int i = index;
    while (remaining > 0 && i < elements.size()) {
      SchemaElement e = elements.get(i++);
      remaining--;
      if (e.isSetNum_children()) {
        remaining += e.getNum_children();
      }
    }
    return i;
  }

  private static String nestedKind(SchemaElement e) {
    if (e.isSetLogicalType()) {
      if (e.getLogicalType().isSetLIST()) {
        return "list";
      }
      if (e.getLogicalType().isSetMAP()) {
        return "map";
      }
    }
    if (e.isSetConverted_type()) {
      return e.getConverted_type().name().toLowerCase(Locale.ROOT);
    }
    return "struct";
  }

  private static String describe(SchemaElement e) {
    return (e.isSetType() ? e.getType().name() : "?")
        + (e.isSetLogicalType() ? " " + e.getLogicalType().getSetField().getFieldName() : "")
        + (e.isSetConverted_type() ? " (" + e.getConverted_type() + ")" : "");
  }

  /** The Partita type of a primitive column, if it has one. */
  static Optional<DataType> type(SchemaElement e) {
    if (!e.isSetType()) {
      return Optional.empty();
    }
    LogicalType l = e.isSetLogicalType() ? e.getLogicalType() : null;
    switch (e.getType()) {
      case BOOLEAN:
        return Optional.of(DataType.bool());
      case INT32:
        if (l != null && l.isSetINTEGER()) {
          int bits = l.getINTEGER().getBitWidth();
          boolean signed = l.getINTEGER().isIsSigned();
          return Optional.of(bits == 8 ? (signed ? DataType.int8() : DataType.int16())
              : bits == 16 ? (signed ? DataType.int16() : DataType.int32())
              : signed ? DataType.int32() : DataType.int64());
        }
        if (l != null && l.isSetDATE()) {
          return Optional.of(DataType.date());
        }
        if (l != null && l.isSetDECIMAL()) {
          return decimal(l.getDECIMAL().getPrecision(), l.getDECIMAL().getScale());
        }
        if (l != null && l.isSetTIME()) {
          return Optional.of(DataType.time());
        }
        if (e.isSetConverted_type()) {
          switch (e.getConverted_type()) {
            case INT_8: return Optional.of(DataType.int8());
            case INT_16: case UINT_8: return Optional.of(DataType.int16());
            case UINT_16: return Optional.of(DataType.int32());
            case UINT_32: return Optional.of(DataType.int64());
            case DATE: return Optional.of(DataType.date());
            case DECIMAL: return decimal(e.getPrecision(), e.getScale());
            case TIME_MILLIS: return Optional.of(DataType.time());
            default: break;
          }
        }
        return Optional.of(DataType.int32());
      case INT64:
        if (l != null && l.isSetINTEGER()) {
          return Optional.of(l.getINTEGER().isIsSigned() ? DataType.int64() : DataType.decimal(20, 0));
        }
        if (l != null && l.isSetTIMESTAMP()) {
          return Optional.of(l.getTIMESTAMP().isIsAdjustedToUTC() ? DataType.timestampTz() : DataType.timestamp());
        }
        if (l != null && l.isSetDECIMAL()) {
          return decimal(l.getDECIMAL().getPrecision(), l.getDECIMAL().getScale());
        }
        if (l != null && l.isSetTIME()) {
          return Optional.of(DataType.time());
        }
        if (e.isSetConverted_type()) {
          switch (e.getConverted_type()) {
            case TIMESTAMP_MILLIS: case TIMESTAMP_MICROS: return Optional.of(DataType.timestampTz());
            case DECIMAL: return decimal(e.getPrecision(), e.getScale());
            case UINT_64: return Optional.of(DataType.decimal(20, 0));
            case TIME_MICROS: return Optional.of(DataType.time());
            default: break;
          }
        }
        return Optional.of(DataType.int64());
      case INT96:
        return Optional.of(DataType.timestamp());
      case FLOAT:
        return Optional.of(DataType.float32());
      case DOUBLE:
        return Optional.of(DataType.float64());
      case BYTE_ARRAY:
        if (l != null && (l.isSetSTRING() || l.isSetENUM() || l.isSetJSON())) {
          return Optional.of(DataType.string());
        }
        if (l != null && l.isSetDECIMAL()) {
          return decimal(l.getDECIMAL().getPrecision(), l.getDECIMAL().getScale());
        }
        if (l == null && e.isSetConverted_type()) {
          switch (e.getConverted_type()) {
            case UTF8: case ENUM: case JSON: return Optional.of(DataType.string());
            case DECIMAL: return decimal(e.getPrecision(), e.getScale());
            default: break;
          }
        }
        return l == null || l.isSetBSON() ? Optional.of(DataType.binary()) : Optional.empty();
      case FIXED_LEN_BYTE_ARRAY:
        if (l != null && l.isSetDECIMAL()) {
          return decimal(l.getDECIMAL().getPrecision(), l.getDECIMAL().getScale());
        }
        if (l == null && e.isSetConverted_type() && e.getConverted_type().name().equals("DECIMAL")) {
          return decimal(e.getPrecision(), e.getScale());
        }
        if (l != null && l.isSetFLOAT16()) {
          return Optional.of(DataType.float32());
        }
        return l == null || l.isSetUUID() ? Optional.of(DataType.binary()) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Optional<DataType> decimal(int precision, int scale) {
    return precision >= 1 && precision <= DataType.MAX_DECIMAL_PRECISION && scale >= 0 && scale <= precision
        ? Optional.of(DataType.decimal(precision, scale)) : Optional.empty();
  }

  /** Column statistics merged over row groups, for the columns every row group states. */
  private static List<ColumnStats> statistics(Map<String, Leaf> leaves, List<RowGroup> groups) {
    List<ColumnStats> out = new ArrayList<>();
    for (Leaf leaf : leaves.values()) {
      long values = 0;
      long nulls = 0;
      Object min = null;
      Object max = null;
      boolean counts = true;
      boolean bounds = true;
      for (RowGroup g : groups) {
        ColumnMetaData m = chunk(g, leaf.column().name());
        if (m == null || !m.isSetStatistics() || !m.getStatistics().isSetNull_count()) {
          counts = false;
          break;
        }
        Statistics s = m.getStatistics();
        values += m.getNum_values();
        nulls += s.getNull_count();
        if (m.getNum_values() - s.getNull_count() <= 0) {
          continue;
        }
        Object lo = s.isSetMin_value() ? decode(leaf, s.getMin_value()) : null;
        Object hi = s.isSetMax_value() ? decode(leaf, s.getMax_value()) : null;
        if (lo == null || hi == null) {
          bounds = false;
          continue;
        }
        min = min == null || compare(lo, min) < 0 ? lo : min;
        max = max == null || compare(hi, max) > 0 ? hi : max;
      }
      if (counts) {
        out.add(new ColumnStats(leaf.column().name(), values, nulls,
            bounds ? Optional.ofNullable(min) : Optional.empty(),
            bounds ? Optional.ofNullable(max) : Optional.empty()));
      }
    }
    return out;
  }

  private static ColumnMetaData chunk(RowGroup g, String column) {
    for (ColumnChunk c : g.getColumns()) {
      if (c.isSetMeta_data() && c.getMeta_data().getPath_in_schema().size() == 1
          && c.getMeta_data().getPath_in_schema().get(0).equals(column)) {
        return c.getMeta_data();
      }
    }
    return null;
  }

  /** Decodes a plain-encoded bound into the box of the column's type; null when it cannot be trusted. */
  private static Object decode(Leaf leaf, byte[] bytes) {
    DataType t = leaf.column().type();
    SchemaElement e = leaf.element();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    LogicalType l = e.isSetLogicalType() ? e.getLogicalType() : null;
    try {
      switch (e.getType()) {
        case BOOLEAN:
          return bytes[0] != 0;
        case INT32: {
          int v = b.getInt(0);
          return switch (t.kind()) {
            case INT32, DATE -> v;
            case INT64 -> Integer.toUnsignedLong(v);
            case DECIMAL -> BigDecimal.valueOf(v, t.scale());
            case TIME -> v * 1000L;
            default -> null;
          };
        }
        case INT64: {
          long v = b.getLong(0);
          return switch (t.kind()) {
            case INT64 -> v;
            case DECIMAL -> l != null && l.isSetINTEGER() ? null : BigDecimal.valueOf(v, t.scale());
            case TIMESTAMP -> toMicros(v, l, e);
            case TIME -> l != null && l.isSetTIME() && l.getTIME().getUnit().isSetNANOS()
                ? Math.floorDiv(v, 1000) : v;
            default -> null;
          };
        }
        case FLOAT: {
          float f = b.getFloat(0);
          return Float.isNaN(f) ? null : f;
        }
        case DOUBLE: {
          double d = b.getDouble(0);
          return Double.isNaN(d) ? null : d;
        }
        case BYTE_ARRAY:
        case FIXED_LEN_BYTE_ARRAY:
          return switch (t.kind()) {
            case STRING -> new String(bytes, StandardCharsets.UTF_8);
            case BINARY -> bytes.clone();
            case DECIMAL -> new BigDecimal(new BigInteger(bytes), t.scale());
            default -> null;
          };
        default:
          return null;
      }
    } catch (RuntimeException ex) {
      return null;
    }
  }

  private static Long toMicros(long v, LogicalType l, SchemaElement e) {
    if (l != null && l.isSetTIMESTAMP()) {
      TimeUnit unit = l.getTIMESTAMP().getUnit();
      if (unit.isSetMILLIS()) {
        return Math.multiplyExact(v, 1000L);
      }
      return unit.isSetNANOS() ? Math.floorDiv(v, 1000L) : v;
    }
    if (e.isSetConverted_type() && e.getConverted_type().name().equals("TIMESTAMP_MILLIS")) {
      return Math.multiplyExact(v, 1000L);
    }
    return v;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof byte[] x) {
      return Arrays.compareUnsigned(x, (byte[]) b);
    }
    if (a instanceof String x) {
      byte[] xa = x.getBytes(StandardCharsets.UTF_8);
      byte[] ya = ((String) b).getBytes(StandardCharsets.UTF_8);
      return Arrays.compareUnsigned(xa, ya);
    }
    return ((Comparable) a).compareTo(b);
  }
}
