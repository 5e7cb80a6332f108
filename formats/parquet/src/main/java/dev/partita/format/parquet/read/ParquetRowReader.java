package dev.partita.format.parquet.read;

import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.parquet.footer.ParquetFooter;
import dev.partita.format.parquet.footer.ParquetFooterReader;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams the rows of a flat Parquet file as Partita {@link Row}s, without Hadoop. The footer is read with
 * {@link ParquetFooterReader}, whose mapping gives each column its Partita type; pages are read and decompressed
 * here (codecs by Partita name: none, snappy, gzip, zstd, lz4_raw) and decoded by parquet-column's column readers,
 * which bring every standard encoding (plain, dictionary, RLE / bit-packed, delta, byte stream split), for data
 * pages V1 and V2.
 *
 * <pre>{@code
 * try (ParquetRowReader reader = ParquetRowReader.open(path)) {
 *   Row row = reader.row();             // one view, refilled by each next()
 *   while (reader.next()) {
 *     long id = row.getLong(0);
 *   }
 * }
 * }</pre>
 *
 * <p>Values arrive as {@link Row} documents them, converted where the file stores another unit: timestamps in
 * microseconds (TIMESTAMP(MILLIS) multiplied, TIMESTAMP(NANOS) and TIME(NANOS) floored, legacy INT96 converted),
 * TIME(MILLIS) to microseconds, unsigned 8/16/32-bit integers widened, unsigned 64-bit as decimal(20,0), FLOAT16 as
 * float. Nothing is boxed per value; strings are decoded when asked for, decimals built when asked for.
 *
 * <p>Unsupported: nested columns (groups, lists, maps; they may stay in the file when not selected, see
 * {@link ParquetReadOptions.Builder#columns}), encrypted files or columns, codecs other than the five above
 * (brotli, lzo, Hadoop's framed lz4), decimals over 38 digits. Each fails with a {@link ParquetReadException}
 * naming the file, the column and what to do. Not thread-safe; {@link #close()} is idempotent.
 */
public final class ParquetRowReader implements Closeable {
  private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {};
  private static final GroupConverter NO_RECORDS = new GroupConverter() {
    @Override
    public Converter getConverter(int fieldIndex) {
      return NO_CONVERTER;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  };

  private final String file;
  private final FileChannel channel;
  private final ParquetFooter footer;
  private final List<RowGroup> groups;
  private final Schema schema;
  private final ColumnCursor[] cursors;
  private final ColumnDescriptor[] descriptors;
  private final int[] chunkIndexes;
  private final MessageType messageType;
  private final String createdBy;
  private final boolean verifyChecksums;
  private final long dataEnd;
  private final Map<String, CompressionCodec> codecs = new HashMap<>();
  private final CurrentRow row = new CurrentRow();
  private int group = -1;
  private long groupRows;
  private long groupRow;
  private long rowNumber;
  private boolean done;
  private boolean closed;

  private ParquetRowReader(String file, FileChannel channel, ParquetFooter footer, FileMetaData meta, int footerLength,
      ParquetReadOptions options) {
    this.file = file;
    this.channel = channel;
    this.footer = footer;
    this.groups = meta.getRow_groups() == null ? List.of() : meta.getRow_groups();
    this.createdBy = meta.getCreated_by() == null ? "" : meta.getCreated_by();
    this.verifyChecksums = options.verifyChecksums();
    long size;
    try {
      size = channel.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.dataEnd = size - 8 - footerLength;

    Map<String, Leaf> leaves = leaves(meta.getSchema());
    List<String> names = options.columns().orElseGet(() -> new ArrayList<>(leaves.keySet()));
    List<Column> columns = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    cursors = new ColumnCursor[names.size()];
    descriptors = new ColumnDescriptor[names.size()];
    chunkIndexes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Leaf leaf = leaves.get(name);
      if (leaf == null) {
        throw new ParquetReadException(file, name, "the file has no such column; its columns are "
            + leaves.keySet());
      }
      if (leaf.unsupported != null) {
        throw new ParquetReadException(file, name, leaf.unsupported + ": Partita's Parquet reader cannot read it;"
            + " read the other columns (ParquetReadOptions.columns; in an ingest job, leave the column out of the"
            + " source schema), or write the file with the value flattened into top-level columns");
      }
      Column column = footer.schema().column(footer.schema().require(name));
      SchemaElement e = leaf.element;
      PrimitiveType primitive = new PrimitiveType(column.nullable() ? Type.Repetition.OPTIONAL
          : Type.Repetition.REQUIRED, primitiveName(e.getType()), e.isSetType_length() ? e.getType_length() : 0,
          name);
      int maxDefinition = column.nullable() ? 1 : 0;
      columns.add(column);
      types.add(primitive);
      descriptors[i] = new ColumnDescriptor(new String[] {name}, primitive, 0, maxDefinition);
      cursors[i] = new ColumnCursor(column, conversion(e, column.type(), name), maxDefinition);
      chunkIndexes[i] = leaf.chunkIndex;
    }
    this.schema = Schema.of(columns);
    this.messageType = new MessageType("schema", types);
  }

  /**
   * Opens a local file and reads its footer; every column is read.
   *
   * @throws IOException when the file cannot be read or is not a Parquet file
   * @throws ParquetReadException when the file has a column the reader cannot read
   */
  public static ParquetRowReader open(Path file) throws IOException {
    return open(file, ParquetReadOptions.defaults());
  }

  /**
   * Opens a local file and reads its footer.
   *
   * @throws IOException when the file cannot be read or is not a Parquet file
   * @throws ParquetReadException when a selected column cannot be read or does not exist
   */
  public static ParquetRowReader open(Path file, ParquetReadOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    return open(FileChannel.open(file, StandardOpenOption.READ), file.toString(), options);
  }

  /**
   * Reads the Parquet file open on {@code channel}, whose position does not matter (reads are positional). The
   * reader owns the channel from now on: {@link #close()} closes it, and so does a failure to open.
   *
   * @param name the file's name for messages
   * @throws IOException when the file cannot be read or is not a Parquet file
   * @throws ParquetReadException when a selected column cannot be read or does not exist
   */
  public static ParquetRowReader open(FileChannel channel, String name, ParquetReadOptions options)
      throws IOException {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    FileChannel ch = channel;
    try {
      ParquetFooter footer = ParquetFooterReader.read(ch, name);
      long size = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, tail, size - 8);
      int length = tail.getInt(0);
      ByteBuffer bytes = ByteBuffer.allocate(length);
      readFully(ch, bytes, size - 8 - length);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(bytes.array()));
      return new ParquetRowReader(name, ch, footer, meta, length, options);
    } catch (IOException | RuntimeException e) {
      try {
        ch.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  /** The columns read, in order, typed as {@link ParquetFooterReader} maps them. */
  public Schema schema() {
    return schema;
  }

  /** The file's footer in Partita's terms (all columns, statistics, key-value metadata). */
  public ParquetFooter footer() {
    return footer;
  }

  /** Rows in the file. */
  public long rowCount() {
    return footer.rows();
  }

  /**
   * The current row: one view whose values change with every {@link #next()}; valid after {@code next()} returned
   * true. Column positions follow {@link #schema()}.
   */
  public Row row() {
    return row;
  }

  /** Number of the current row in the file, from 1; 0 before the first {@link #next()}. */
  public long rowNumber() {
    return rowNumber;
  }

  /**
   * Moves to the next row.
   *
   * @return false after the last row
   * @throws IOException when the file cannot be read
   * @throws ParquetReadException when its data does not decode
   * @throws IllegalStateException after {@link #close()}
   */
  public boolean next() throws IOException {
    if (closed) {
      throw new IllegalStateException("reader of " + file + " is closed");
    }
    if (done) {
      return false;
    }
    try {
      while (groupRow >= groupRows) {
        if (++group >= groups.size()) {
          done = true;
          return false;
        }
        openGroup();
      }
      groupRow++;
      rowNumber++;
      for (ColumnCursor c : cursors) {
        c.load();
      }
      return true;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (ParquetDecodingException | ArithmeticException | IllegalStateException e) {
      throw new ParquetReadException(file, null, "row " + rowNumber + " (row group " + (group + 1) + " of "
          + groups.size() + ") does not decode: " + e.getMessage(), e);
    }
  }

  private void openGroup() {
    RowGroup g = groups.get(group);
    groupRows = g.getNum_rows();
    groupRow = 0;
    if (groupRows <= 0 || cursors.length == 0) {
      return;
    }
    String where = "row group " + (group + 1) + " of " + groups.size();
    Map<ColumnDescriptor, PageReader> pages = new IdentityHashMap<>();
    for (int i = 0; i < cursors.length; i++) {
      String name = cursors[i].column.name();
      if (chunkIndexes[i] >= g.getColumns().size()) {
        throw new ParquetReadException(file, name, where + " has no chunk for the column; the file is corrupt");
      }
      ColumnChunk chunk = g.getColumns().get(chunkIndexes[i]);
      if (chunk.isSetCrypto_metadata() || chunk.isSetEncrypted_column_metadata()) {
        throw new ParquetReadException(file, name, "the column is encrypted, which Partita's reader does not"
            + " support; read the other columns, or decrypt the file with a reader that has the key");
      }
      if (!chunk.isSetMeta_data() || (chunk.isSetFile_path() && !chunk.getFile_path().isEmpty())) {
        throw new ParquetReadException(file, name, where + " keeps the column in another file ("
            + chunk.getFile_path() + "), which Partita's reader does not follow; rewrite it as one file");
      }
      ColumnMetaData m = chunk.getMeta_data();
      long start = m.getData_page_offset();
      if (m.isSetDictionary_page_offset() && m.getDictionary_page_offset() > 0
          && m.getDictionary_page_offset() < start) {
        start = m.getDictionary_page_offset();
      }
      FileInput in = new FileInput(channel, file, dataEnd);
      pages.put(descriptors[i], new ChunkPages(in, start, m.getNum_values(), codec(m, name), descriptors[i],
          verifyChecksums, file, name, where));
    }
    PageReadStore store = new PageReadStore() {
      @Override
      public PageReader getPageReader(ColumnDescriptor descriptor) {
        return pages.get(descriptor);
      }

      @Override
      public long getRowCount() {
        return groupRows;
      }
    };
    ColumnReadStoreImpl readers = new ColumnReadStoreImpl(store, NO_RECORDS, messageType, createdBy);
    for (int i = 0; i < cursors.length; i++) {
      cursors[i].reset(readers.getColumnReader(descriptors[i]));
    }
  }

  private CompressionCodec codec(ColumnMetaData m, String column) {
    String name = switch (m.getCodec()) {
      case UNCOMPRESSED -> "none";
      case SNAPPY -> "snappy";
      case GZIP -> "gzip";
      case ZSTD -> "zstd";
      case LZ4_RAW -> "lz4_raw";
      case LZ4 -> throw new ParquetReadException(file, column, "codec LZ4 (Hadoop's framed lz4, deprecated by the"
          + " Parquet format) is not supported; rewrite the file with lz4_raw, zstd, snappy, gzip or none");
      default -> throw new ParquetReadException(file, column, "codec " + m.getCodec() + " is not supported; rewrite"
          + " the file with zstd, snappy, lz4_raw, gzip or none");
    };
    CompressionCodec codec = codecs.get(name);
    if (codec == null) {
      try {
        codec = CompressionCodecs.byName(name);
      } catch (IllegalArgumentException e) {
        throw new ParquetReadException(file, column, "the file is compressed with " + name + ", which is not on"
            + " the class path: " + e.getMessage(), e);
      }
      codecs.put(name, codec);
    }
    return codec;
  }

  /** Releases the file. Idempotent. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      channel.close();
    }
  }

  /** A top-level column of the file: its element and the position of its chunk in each row group. */
  private record Leaf(SchemaElement element, int chunkIndex, String unsupported) {}

  /** Top-level columns by name: leaves with their chunk position, nested ones marked unsupported. */
  private Map<String, Leaf> leaves(List<SchemaElement> elements) {
    Map<String, Leaf> out = new java.util.LinkedHashMap<>();
    Map<String, String> reasons = new HashMap<>();
    for (String u : footer.unsupportedColumns()) {
      int colon = u.lastIndexOf(": ");
      reasons.putIfAbsent(colon < 0 ? u : u.substring(0, colon), colon < 0 ? "not supported" : u.substring(colon + 2));
    }
    int children = elements.get(0).getNum_children();
    int i = 1;
    int chunk = 0;
    for (int c = 0; c < children && i < elements.size(); c++) {
      SchemaElement e = elements.get(i);
      int end = ParquetFooterReader.subtreeEnd(elements, i);
      int leafCount = 0;
      for (int k = i; k < end; k++) {
        if (!elements.get(k).isSetNum_children() || elements.get(k).getNum_children() == 0) {
          leafCount++;
        }
      }
      boolean nested = e.isSetNum_children() && e.getNum_children() > 0;
      String reason = reasons.get(e.getName());
      if (!nested && reason == null && footer.schema().indexOf(e.getName()).isEmpty()) {
        reason = "unsupported type";
      }
      if (nested && reason == null) {
        reason = "nested column";
      }
      out.putIfAbsent(e.getName(), new Leaf(e, chunk, reason));
      chunk += leafCount;
      i = end;
    }
    return out;
  }

  /** How the stored values of a column become its Partita type (as the footer mapping chose it). */
  private ColumnCursor.Conversion conversion(SchemaElement e, DataType t, String column) {
    LogicalType l = e.isSetLogicalType() ? e.getLogicalType() : null;
    String converted = e.isSetConverted_type() ? e.getConverted_type().name() : "";
    if (e.getRepetition_type() == FieldRepetitionType.REPEATED) {
      throw new ParquetReadException(file, column, "the column is repeated (a legacy list), which Partita's reader"
          + " cannot read; leave it out of the columns read");
    }
    switch (e.getType()) {
      case BOOLEAN:
        return ColumnCursor.Conversion.BOOLEAN;
      case INT32:
        boolean unsigned = (l != null && l.isSetINTEGER() && !l.getINTEGER().isIsSigned())
            || converted.startsWith("UINT_");
        return switch (t.kind()) {
          case INT32 -> !unsigned ? ColumnCursor.Conversion.INT
              : t.bitWidth() == 16 ? ColumnCursor.Conversion.UINT8 : ColumnCursor.Conversion.UINT16;
          case INT64 -> ColumnCursor.Conversion.UINT32;
          case DATE -> ColumnCursor.Conversion.INT;
          case DECIMAL -> ColumnCursor.Conversion.INT_DECIMAL;
          case TIME -> ColumnCursor.Conversion.INT_MILLIS_TO_MICROS;
          default -> throw unexpected(e, t, column);
        };
      case INT64:
        return switch (t.kind()) {
          case INT64 -> ColumnCursor.Conversion.LONG;
          case DECIMAL -> (l != null && l.isSetINTEGER()) || converted.equals("UINT_64")
              ? ColumnCursor.Conversion.UINT64 : ColumnCursor.Conversion.LONG_DECIMAL;
          case TIMESTAMP, TIME -> {
            TimeUnit unit = l == null ? null : l.isSetTIMESTAMP() ? l.getTIMESTAMP().getUnit()
                : l.isSetTIME() ? l.getTIME().getUnit() : null;
            if (unit != null) {
              yield unit.isSetMILLIS() ? ColumnCursor.Conversion.LONG_MILLIS_TO_MICROS
                  : unit.isSetNANOS() ? ColumnCursor.Conversion.LONG_NANOS_TO_MICROS : ColumnCursor.Conversion.LONG;
            }
            yield converted.equals("TIMESTAMP_MILLIS") ? ColumnCursor.Conversion.LONG_MILLIS_TO_MICROS
                : ColumnCursor.Conversion.LONG;
          }
          default -> throw unexpected(e, t, column);
        };
      case INT96:
        return ColumnCursor.Conversion.INT96;
      case FLOAT:
        return ColumnCursor.Conversion.FLOAT;
      case DOUBLE:
        return ColumnCursor.Conversion.DOUBLE;
      case BYTE_ARRAY:
      case FIXED_LEN_BYTE_ARRAY:
        return switch (t.kind()) {
          case STRING -> ColumnCursor.Conversion.STRING;
          case BINARY -> ColumnCursor.Conversion.BYTES;
          case DECIMAL -> ColumnCursor.Conversion.BYTES_DECIMAL;
          case FLOAT32 -> ColumnCursor.Conversion.FLOAT16;
          default -> throw unexpected(e, t, column);
        };
      default:
        throw unexpected(e, t, column);
    }
  }

  private static PrimitiveType.PrimitiveTypeName primitiveName(org.apache.parquet.format.Type type) {
    return switch (type) {
      case BOOLEAN -> PrimitiveType.PrimitiveTypeName.BOOLEAN;
      case INT32 -> PrimitiveType.PrimitiveTypeName.INT32;
      case INT64 -> PrimitiveType.PrimitiveTypeName.INT64;
      case INT96 -> PrimitiveType.PrimitiveTypeName.INT96;
      case FLOAT -> PrimitiveType.PrimitiveTypeName.FLOAT;
      case DOUBLE -> PrimitiveType.PrimitiveTypeName.DOUBLE;
      case BYTE_ARRAY -> PrimitiveType.PrimitiveTypeName.BINARY;
      case FIXED_LEN_BYTE_ARRAY -> PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
    };
  }

  private ParquetReadException unexpected(SchemaElement e, DataType t, String column) {
    return new ParquetReadException(file, column, "physical type " + e.getType() + " read as " + t
        + " is not supported");
  }

  /** The reader's current row. */
  private final class CurrentRow implements Row {
    @Override
    public boolean isNull(int index) {
      return cursors[index].isNull();
    }

    @Override
    public boolean getBoolean(int index) {
      return cursors[index].getBoolean();
    }

    @Override
    public int getInt(int index) {
      return cursors[index].getInt();
    }

    @Override
    public long getLong(int index) {
      return cursors[index].getLong();
    }

    @Override
    public float getFloat(int index) {
      return cursors[index].getFloat();
    }

    @Override
    public double getDouble(int index) {
      return cursors[index].getDouble();
    }

    @Override
    public BigDecimal getDecimal(int index) {
      return cursors[index].getDecimal();
    }

    @Override
    public String getString(int index) {
      return cursors[index].getString();
    }

    @Override
    public byte[] getBinary(int index) {
      return cursors[index].getBinary();
    }

    @Override
    public String toString() {
      return "row " + rowNumber + " of " + file;
    }
  }
}
