package dev.partita.cli.inspect;

import dev.partita.cli.inspect.FileFooter.ColumnInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.TypeDescription;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Reads the footers of data files, whoever wrote them: Parquet through parquet-format's Thrift structures (only
 * the footer bytes are read), ORC through orc-core's reader (file tail only). Text files have no footer.
 */
final class Footers {
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PARE = "PARE".getBytes(StandardCharsets.US_ASCII);

  private Footers() {}

  /** The format a data file name implies, or empty for files that are not data. */
  static String formatOf(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet") || n.endsWith(".parq")) {
      return "parquet";
    }
    if (n.endsWith(".orc")) {
      return "orc";
    }
    String base = n.replaceAll("\\.(gz|zst|zstd)$", "");
    if (base.endsWith(".csv") || base.endsWith(".tsv")) {
      return "csv";
    }
    if (base.endsWith(".json") || base.endsWith(".jsonl") || base.endsWith(".ndjson")) {
      return "json";
    }
    return "";
  }

  /**
   * The footer of {@code file}.
   *
   * @throws IOException naming the file when its footer cannot be read
   */
  static FileFooter read(Path file, String format) throws IOException {
    return switch (format) {
      case "parquet" -> parquet(file);
      case "orc" -> orc(file);
      default -> {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String codec = n.endsWith(".gz") ? "gzip" : n.endsWith(".zst") || n.endsWith(".zstd") ? "zstd" : "none";
        yield new FileFooter(format, OptionalLong.empty(), new TreeSet<>(List.of(codec)), List.of(), "");
      }
    };
  }

  private static FileFooter parquet(Path file) throws IOException {
    FileMetaData meta;
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      if (size < 12) {
        throw new IOException(file + " is not a Parquet file: " + size + " bytes");
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      ch.position(size - 8);
      readFully(ch, tail);
      byte[] magic = new byte[4];
      tail.position(4);
      tail.get(magic);
      if (java.util.Arrays.equals(magic, PARE)) {
        throw new IOException(file + " is an encrypted Parquet file; its footer cannot be read without keys");
      }
      if (!java.util.Arrays.equals(magic, PAR1)) {
        throw new IOException(file + " is not a Parquet file (no PAR1 magic at its end)");
      }
      int len = tail.getInt(0);
      if (len <= 0 || len > size - 12) {
        throw new IOException(file + " has a corrupt Parquet footer length " + len);
      }
      ByteBuffer footer = ByteBuffer.allocate(len);
      ch.position(size - 8 - len);
      readFully(ch, footer);
      meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
    }
    TreeSet<String> codecs = new TreeSet<>();
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        if (c.isSetMeta_data()) {
          codecs.add(c.getMeta_data().getCodec().name().toLowerCase(Locale.ROOT).replace("uncompressed", "none"));
        }
      }
    }
    List<SchemaElement> schema = meta.getSchema();
    List<ColumnInfo> columns = new ArrayList<>();
    int[] at = {1};
    int n = schema.get(0).getNum_children();
    for (int i = 0; i < n; i++) {
      columns.add(parquetColumn(schema, at));
    }
    return new FileFooter("parquet", OptionalLong.of(meta.getNum_rows()), codecs, columns,
        meta.isSetCreated_by() ? meta.getCreated_by() : "");
  }

  /** The column at {@code at[0]}, advancing past it and its children. */
  private static ColumnInfo parquetColumn(List<SchemaElement> schema, int[] at) {
    SchemaElement e = schema.get(at[0]++);
    if (e.isSetNum_children() && e.getNum_children() > 0) {
      List<String> kids = new ArrayList<>();
      for (int i = 0; i < e.getNum_children(); i++) {
        kids.add(parquetColumn(schema, at).toString());
      }
      String kind = e.isSetLogicalType() && e.getLogicalType().isSetLIST() ? "list"
          : e.isSetLogicalType() && e.getLogicalType().isSetMAP() ? "map" : "struct";
      return new ColumnInfo(e.getName(), kind + "<" + String.join(",", kids) + ">");
    }
    return new ColumnInfo(e.getName(), parquetType(e));
  }

  private static String parquetType(SchemaElement e) {
    LogicalType l = e.isSetLogicalType() ? e.getLogicalType() : null;
    if (l != null) {
      if (l.isSetSTRING() || l.isSetENUM() || l.isSetJSON()) {
        return "string";
      }
      if (l.isSetDATE()) {
        return "date";
      }
      if (l.isSetDECIMAL()) {
        return "decimal(" + l.getDECIMAL().getPrecision() + "," + l.getDECIMAL().getScale() + ")";
      }
      if (l.isSetTIMESTAMP()) {
        var t = l.getTIMESTAMP();
        String unit = t.getUnit().isSetMILLIS() ? "(ms)" : t.getUnit().isSetNANOS() ? "(ns)" : "";
        return (t.isIsAdjustedToUTC() ? "timestamptz" : "timestamp") + unit;
      }
      if (l.isSetTIME()) {
        return "time";
      }
      if (l.isSetINTEGER()) {
        var i = l.getINTEGER();
        return (i.isIsSigned() ? "int" : "uint") + i.getBitWidth();
      }
      if (l.isSetUUID()) {
        return "uuid";
      }
    }
    if (e.isSetConverted_type()) {
      switch (e.getConverted_type()) {
        case UTF8, ENUM, JSON:
          return "string";
        case DATE:
          return "date";
        case DECIMAL:
          return "decimal(" + e.getPrecision() + "," + e.getScale() + ")";
        case TIMESTAMP_MILLIS:
          return "timestamptz(ms)";
        case TIMESTAMP_MICROS:
          return "timestamptz";
        default:
          break;
      }
    }
    return switch (e.getType()) {
      case BOOLEAN -> "boolean";
      case INT32 -> "int32";
      case INT64 -> "int64";
      case INT96 -> "timestamp(int96)";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case BYTE_ARRAY -> "binary";
      case FIXED_LEN_BYTE_ARRAY -> "fixed(" + e.getType_length() + ")";
    };
  }

  private static void readFully(SeekableByteChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    b.flip();
  }

  private static FileFooter orc(Path file) throws IOException {
    Configuration conf = new Configuration(false);
    try (Reader r = OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
        OrcFile.readerOptions(conf))) {
      TypeDescription t = r.getSchema();
      List<ColumnInfo> columns = new ArrayList<>();
      List<String> names = t.getFieldNames();
      for (int i = 0; i < names.size(); i++) {
        columns.add(new ColumnInfo(names.get(i), orcType(t.getChildren().get(i))));
      }
      String codec = r.getCompressionKind().name().toLowerCase(Locale.ROOT);
      return new FileFooter("orc", OptionalLong.of(r.getNumberOfRows()), new TreeSet<>(List.of(codec)), columns,
          "ORC " + r.getFileVersion().getName() + ", writer " + r.getSoftwareVersion());
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IOException(file + " is not a readable ORC file: " + e.getMessage(), e);
    }
  }

  private static String orcType(TypeDescription t) {
    return switch (t.getCategory()) {
      case BOOLEAN -> "boolean";
      case BYTE -> "int8";
      case SHORT -> "int16";
      case INT -> "int32";
      case LONG -> "int64";
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case STRING, VARCHAR, CHAR -> "string";
      case BINARY -> "binary";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMP_INSTANT -> "timestamptz";
      case DECIMAL -> "decimal(" + t.getPrecision() + "," + t.getScale() + ")";
      default -> t.toString();
    };
  }
}
