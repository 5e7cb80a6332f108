package dev.partita.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatWriter;
import dev.partita.row.ObjectArrayRow;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.BoundaryOrder;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.schema.ColumnOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The footer, statistics, page index and page CRCs, as DuckDB and parquet-java read them. */
class ParquetMetadataTest {
  @TempDir
  Path dir;

  private static final Schema STATS_SCHEMA = Schema.builder()
      .optional("id", DataType.int32())
      .required("big", DataType.int64())
      .optional("ratio", DataType.float64())
      .optional("name with spaces $ é", DataType.string())
      .required("amount", DataType.decimal(38, 2))
      .optional("small amount", DataType.decimal(7, 3))
      .required("day", DataType.date())
      .optional("at", DataType.timestamp())
      .optional("flag", DataType.bool())
      .optional("blob", DataType.binary())
      .build();

  /**
   * Two row groups (the writer is flushed after 150 rows); each chunk's min, max and null count as parquet-java and
   * DuckDB read them equal those computed from the rows of its row group, the codec is the one configured, and
   * the deprecated min/max fields are absent.
   */
  @Test
  void chunkStatisticsMatchTheRowsOfEachRowGroup() throws Exception {
    Schema schema = STATS_SCHEMA;
    List<Object[]> rows = TestRows.randomRows(schema, 300, new Random(7));
    for (Object[] row : rows) {
      if (row[2] instanceof Double d && d.isNaN()) {
        row[2] = 1.5; // NaN is covered by its own test; here every chunk must have bounds
      }
    }
    Path file = dir.resolve("stats.gz.parquet");
    ParquetFormat format = ParquetFormat.builder().codec(CompressionCodecs.byName("gzip")).build();
    FormatWriter w = format.open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow adapter = new ObjectArrayRow(schema);
    for (int i = 0; i < rows.size(); i++) {
      w.write(adapter.wrap(rows.get(i)));
      if (i == 149) {
        w.flush();
      }
    }
    FileMetrics metrics = w.finish();

    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      assertThat(blocks).hasSize(2);
      for (int g = 0; g < 2; g++) {
        assertThat(blocks.get(g).getRowCount()).isEqualTo(150);
        for (int c = 0; c < schema.size(); c++) {
          DataType t = schema.column(c).type();
          ColumnChunkMetaData chunk = blocks.get(g).getColumns().get(c);
          Expected.Stats e = Expected.stats(rows, c, t, g * 150, g * 150 + 150);
          Statistics<?> s = chunk.getStatistics();
          assertThat(s.getNumNulls()).as("nulls of %s", schema.column(c).name()).isEqualTo(e.nulls());
          assertThat(Readers.same(e.min(), Expected.fromPhysical(s.genericGetMin(), t)))
              .as("min of %s: %s", schema.column(c).name(), e.min()).isTrue();
          assertThat(Readers.same(e.max(), Expected.fromPhysical(s.genericGetMax(), t)))
              .as("max of %s: %s", schema.column(c).name(), e.max()).isTrue();
          assertThat(chunk.getPrimitiveType().columnOrder()).isEqualTo(ColumnOrder.typeDefined());
        }
      }
    }

    // The writer's own file metrics state the same bounds over the whole file.
    for (int c = 0; c < schema.size(); c++) {
      DataType t = schema.column(c).type();
      Expected.Stats e = Expected.stats(rows, c, t, 0, 300);
      ColumnStats cs = metrics.columns().get(c);
      assertThat(cs.column()).isEqualTo(schema.column(c).name());
      assertThat(cs.valueCount()).isEqualTo(300);
      assertThat(cs.nullCount()).isEqualTo(e.nulls());
      assertThat(Readers.same(e.min(), cs.min().orElseThrow())).as("file min of %s", cs.column()).isTrue();
      assertThat(Readers.same(e.max(), cs.max().orElseThrow())).as("file max of %s", cs.column()).isTrue();
    }

    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT row_group_id, column_id, stats_min_value, stats_max_value,"
            + " stats_null_count, compression, stats_min, stats_max FROM parquet_metadata('" + file
            + "') ORDER BY row_group_id, column_id")) {
      int seen = 0;
      while (rs.next()) {
        int g = rs.getInt(1);
        int c = rs.getInt(2);
        DataType t = schema.column(c).type();
        Expected.Stats e = Expected.stats(rows, c, t, g * 150, g * 150 + 150);
        assertThat(rs.getLong(5)).isEqualTo(e.nulls());
        assertThat(rs.getString(6)).isEqualTo("GZIP");
        assertThat(rs.getString(7)).as("deprecated min").isNull();
        assertThat(rs.getString(8)).as("deprecated max").isNull();
        if (t.kind() == DataType.Kind.INT32 || t.kind() == DataType.Kind.INT64
            || t.kind() == DataType.Kind.STRING) {
          assertThat(rs.getString(3)).isEqualTo(e.min().toString());
          assertThat(rs.getString(4)).isEqualTo(e.max().toString());
        } else if (t.kind() == DataType.Kind.DECIMAL) {
          assertThat(new java.math.BigDecimal(rs.getString(3))).isEqualByComparingTo((java.math.BigDecimal) e.min());
          assertThat(new java.math.BigDecimal(rs.getString(4))).isEqualByComparingTo((java.math.BigDecimal) e.max());
        } else if (t.kind() == DataType.Kind.DATE) {
          assertThat(rs.getString(3)).isEqualTo(java.time.LocalDate.ofEpochDay((Integer) e.min()).toString());
        } else if (t.kind() != DataType.Kind.FLOAT64) {
          // DuckDB prints no bound that is infinite, so only the other kinds are checked for presence here;
          // parquet-java checked every bound exactly above.
          assertThat(rs.getString(3)).as("min of %s", schema.column(c).name()).isNotNull();
        }
        seen++;
      }
      assertThat(seen).isEqualTo(2 * schema.size());
    }
  }

  /**
   * A float chunk holding NaN has no min/max and no column index (its order is undefined); chunks with zeros state
   * -0.0 as min and +0.0 as max, whatever zero was written.
   */
  @Test
  void nanDropsBoundsAndZerosAreWidened() throws Exception {
    Schema schema = Schema.of(dev.partita.schema.Column.required("d", DataType.float64()),
        dev.partita.schema.Column.required("f", DataType.float32()));
    Path file = dir.resolve("floats.parquet");
    FormatWriter w = ParquetFormat.builder().codec(CompressionCodecs.none()).build()
        .open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow row = new ObjectArrayRow(schema);
    // Row group 0: NaN among other values.
    w.write(row.wrap(new Object[] {1.0, 1.0f}));
    w.write(row.wrap(new Object[] {Double.NaN, Float.NaN}));
    w.write(row.wrap(new Object[] {-3.0, -3.0f}));
    w.flush();
    // Row group 1: +0.0 is the smallest, -0.0 the largest of non-positive values.
    w.write(row.wrap(new Object[] {0.0, 0.0f}));
    w.write(row.wrap(new Object[] {7.5, 7.5f}));
    w.flush();
    w.write(row.wrap(new Object[] {-0.0, -0.0f}));
    w.write(row.wrap(new Object[] {-2.0, -2.0f}));
    FileMetrics metrics = w.finish();

    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      List<BlockMetaData> blocks = reader.getFooter().getBlocks();
      for (int c = 0; c < 2; c++) {
        ColumnChunkMetaData nan = blocks.get(0).getColumns().get(c);
        assertThat(nan.getStatistics().hasNonNullValue()).as("NaN chunk has no bounds").isFalse();
        assertThat(reader.readColumnIndex(nan)).as("NaN chunk has no column index").isNull();
        assertThat(reader.readOffsetIndex(nan)).isNotNull();
        ColumnChunkMetaData positive = blocks.get(1).getColumns().get(c);
        assertThat(bits(positive.getStatistics().genericGetMin())).isEqualTo(bits(c, -0.0));
        assertThat(bits(positive.getStatistics().genericGetMax())).isEqualTo(bits(c, 7.5));
        ColumnIndex positiveIndex = reader.readColumnIndex(positive);
        assertThat(bits(Expected.fromPlain(positiveIndex.getMinValues().get(0), schema.column(c).type())))
            .isEqualTo(bits(c, -0.0));
        ColumnChunkMetaData negative = blocks.get(2).getColumns().get(c);
        assertThat(bits(negative.getStatistics().genericGetMin())).isEqualTo(bits(c, -2.0));
        assertThat(bits(negative.getStatistics().genericGetMax())).isEqualTo(bits(c, 0.0));
        ColumnIndex negativeIndex = reader.readColumnIndex(negative);
        assertThat(bits(Expected.fromPlain(negativeIndex.getMaxValues().get(0), schema.column(c).type())))
            .isEqualTo(bits(c, 0.0));
      }
    }
    assertThat(metrics.columns().get(0).min()).isEmpty();
    assertThat(metrics.columns().get(1).max()).isEmpty();
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT stats_min_value, stats_max_value FROM parquet_metadata('" + file
            + "') WHERE row_group_id = 0")) {
      while (rs.next()) {
        assertThat(rs.getString(1)).isNull();
        assertThat(rs.getString(2)).isNull();
      }
    }
    // Statistics must not hide rows from a reader that filters with them.
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + Readers.readParquet(file)
            + " WHERE d = 0.0 OR isnan(d)")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(3);
    }
  }

  /** Raw bits of {@code v} as the double (column 0) or the float (column 1) it is stored as. */
  private static long bits(int column, double v) {
    return column == 0 ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v);
  }

  private static long bits(Object v) {
    return v instanceof Float f ? Float.floatToRawIntBits(f) : Double.doubleToRawLongBits((Double) v);
  }

  /** Strings are ordered by their UTF-8 bytes as unsigned numbers: 'Z' < 'a' < 'é' < '中' < '😀'. */
  @Test
  void stringsAreOrderedAsUnsignedBytes() throws Exception {
    Schema schema = Schema.of(dev.partita.schema.Column.required("s", DataType.string()));
    List<Object[]> rows = new ArrayList<>();
    for (String s : new String[] {"é", "a", "😀", "Z", "中", "\u00ff", "zz"}) {
      rows.add(new Object[] {s});
    }
    Path file = dir.resolve("strings.parquet");
    FileMetrics metrics = TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).build(), schema,
        rows, file);
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT stats_min_value, stats_max_value FROM parquet_metadata('" + file
            + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("Z");
      assertThat(rs.getString(2)).isEqualTo("😀");
    }
    assertThat(metrics.columns().get(0).min()).contains("Z");
    assertThat(metrics.columns().get(0).max()).contains("😀");
  }

  /**
   * Strings longer than the column index's 64 bytes are truncated there (min as a prefix, max rounded up), still
   * bounding the page; chunk statistics over 4KB are left out rather than truncated, the null count stays.
   */
  @Test
  void longStringsAreTruncatedInTheColumnIndexAndDroppedFromChunkStatistics() throws Exception {
    Schema schema = Schema.of(dev.partita.schema.Column.optional("s", DataType.string()),
        dev.partita.schema.Column.optional("huge", DataType.string()));
    List<Object[]> rows = new ArrayList<>();
    Random r = new Random(9);
    for (int i = 0; i < 500; i++) {
      String base = "é".repeat(20) + "x".repeat(r.nextInt(100)) + i;
      rows.add(new Object[] {i % 9 == 0 ? null : base, i % 9 == 0 ? null : "y".repeat(5000) + i});
    }
    Path file = dir.resolve("long-strings.parquet");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).pageRowCountLimit(100).build(), schema,
        rows, file);
    Readers.assertRows("duckdb", schema, rows, Readers.readWithDuckDb(file, schema));
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      ColumnChunkMetaData chunk = reader.getFooter().getBlocks().get(0).getColumns().get(0);
      ColumnIndex index = reader.readColumnIndex(chunk);
      OffsetIndex offsets = reader.readOffsetIndex(chunk);
      java.util.Comparator<Object> order = Expected.order(DataType.string());
      for (int p = 0; p < offsets.getPageCount(); p++) {
        int from = (int) offsets.getFirstRowIndex(p);
        int to = p + 1 < offsets.getPageCount() ? (int) offsets.getFirstRowIndex(p + 1) : rows.size();
        Expected.Stats e = Expected.stats(rows, 0, DataType.string(), from, to);
        assertThat(index.getMinValues().get(p).remaining()).isLessThanOrEqualTo(64);
        assertThat(index.getMaxValues().get(p).remaining()).isLessThanOrEqualTo(64);
        assertThat(order.compare(Expected.fromPlain(index.getMinValues().get(p), DataType.string()), e.min()))
            .isLessThanOrEqualTo(0);
        assertThat(order.compare(Expected.fromPlain(index.getMaxValues().get(p), DataType.string()), e.max()))
            .isGreaterThanOrEqualTo(0);
      }
      ColumnChunkMetaData huge = reader.getFooter().getBlocks().get(0).getColumns().get(1);
      assertThat(huge.getStatistics().hasNonNullValue()).isFalse();
      assertThat(huge.getStatistics().getNumNulls()).isEqualTo(56);
    }
  }

  /**
   * The page index of every chunk: offsets point at page headers, sizes span header and body, first row indexes
   * add up to the row group, and each page's min, max, null count and null-page flag equal what its rows hold.
   */
  @ParameterizedTest
  @EnumSource(PageVersion.class)
  void pageIndexDescribesEveryPage(PageVersion version) throws Exception {
    Schema schema = Schema.builder()
        .required("seq", DataType.int64())
        .optional("mostly null", DataType.int32())
        .optional("word", DataType.string())
        .optional("price", DataType.decimal(12, 2))
        .required("x", DataType.float64())
        .build();
    Random r = new Random(3);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {(long) i * 3, i >= 200 && i < 400 || r.nextInt(10) == 0 ? r.nextInt(1000) : null,
          r.nextInt(8) == 0 ? null : "w" + r.nextInt(500),
          r.nextInt(5) == 0 ? null : java.math.BigDecimal.valueOf(r.nextInt(1_000_000) - 500_000, 2),
          r.nextGaussian()});
    }
    Path file = dir.resolve("index-" + version + ".parquet");
    ParquetFormat format = ParquetFormat.builder().codec(CompressionCodecs.byName("gzip")).pageVersion(version)
        .pageRowCountLimit(100).build();
    FormatWriter w = format.open(schema, LocalStorage.instance().create(file.toString()));
    ObjectArrayRow adapter = new ObjectArrayRow(schema);
    for (int i = 0; i < rows.size(); i++) {
      w.write(adapter.wrap(rows.get(i)));
      if (i == 599) {
        w.flush();
      }
    }
    w.finish();

    try (ParquetFileReader reader = Readers.openParquetJava(file);
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      int groupStart = 0;
      for (BlockMetaData block : reader.getFooter().getBlocks()) {
        for (int c = 0; c < schema.size(); c++) {
          DataType t = schema.column(c).type();
          ColumnChunkMetaData chunk = block.getColumns().get(c);
          OffsetIndex offsets = reader.readOffsetIndex(chunk);
          ColumnIndex index = reader.readColumnIndex(chunk);
          assertThat(offsets.getPageCount()).isEqualTo((int) ((block.getRowCount() + 99) / 100));
          assertThat(offsets.getOffset(0)).isEqualTo(chunk.getFirstDataPageOffset());
          long end = chunk.getStartingPos() + chunk.getTotalSize();
          for (int p = 0; p < offsets.getPageCount(); p++) {
            assertThat(offsets.getFirstRowIndex(p)).isEqualTo(p * 100L);
            PageHeader header = readHeader(raf, offsets.getOffset(p));
            assertThat(header.getType())
                .isEqualTo(version == PageVersion.V1 ? PageType.DATA_PAGE : PageType.DATA_PAGE_V2);
            long headerLength = headerLength(raf, offsets.getOffset(p));
            assertThat(headerLength + header.getCompressed_page_size())
                .isEqualTo(offsets.getCompressedPageSize(p));
            long next = p + 1 < offsets.getPageCount() ? offsets.getOffset(p + 1) : end;
            assertThat(offsets.getOffset(p) + offsets.getCompressedPageSize(p)).isEqualTo(next);
            int from = groupStart + (int) offsets.getFirstRowIndex(p);
            int to = p + 1 < offsets.getPageCount() ? groupStart + (int) offsets.getFirstRowIndex(p + 1)
                : groupStart + (int) block.getRowCount();
            Expected.Stats e = Expected.stats(rows, c, t, from, to);
            assertThat(index.getNullCounts().get(p)).isEqualTo(e.nulls());
            assertThat(index.getNullPages().get(p)).isEqualTo(e.min() == null);
            if (e.min() != null) {
              assertThat(Readers.same(e.min(), Expected.fromPlain(index.getMinValues().get(p), t)))
                  .as("page %d min of %s", p, schema.column(c).name()).isTrue();
              assertThat(Readers.same(e.max(), Expected.fromPlain(index.getMaxValues().get(p), t)))
                  .as("page %d max of %s", p, schema.column(c).name()).isTrue();
            }
          }
          if (c == 0) {
            assertThat(index.getBoundaryOrder()).isEqualTo(BoundaryOrder.ASCENDING);
          }
        }
        groupStart += (int) block.getRowCount();
      }
    }
  }

  private static PageHeader readHeader(RandomAccessFile raf, long offset) throws Exception {
    raf.seek(offset);
    return Util.readPageHeader(java.nio.channels.Channels.newInputStream(raf.getChannel()));
  }

  private static long headerLength(RandomAccessFile raf, long offset) throws Exception {
    raf.seek(offset);
    CountingStream in = new CountingStream(java.nio.channels.Channels.newInputStream(raf.getChannel()));
    Util.readPageHeader(in);
    return in.count;
  }

  /** Counts bytes read (thrift reads exactly the header, byte by byte or in small runs). */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws java.io.IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** created_by has the form parquet-java parses, and the application's key-value pairs are in the footer. */
  @Test
  void createdByAndKeyValueMetadata() throws Exception {
    Schema schema = Schema.of(dev.partita.schema.Column.required("a", DataType.int32()));
    Path file = dir.resolve("kv.parquet");
    Map<String, String> kv = new HashMap<>();
    kv.put("writer.job", "nightly-42");
    kv.put("ünïcode key", "välue");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).keyValueMetadata(kv).build(), schema,
        List.<Object[]>of(new Object[] {1}), file);
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      assertThat(createdBy).matches("partita version 0\\.1\\.0\\S* \\(build ([0-9a-f]{7,40}|unknown)\\)");
      VersionParser.ParsedVersion parsed = VersionParser.parse(createdBy);
      assertThat(parsed.application).isEqualTo("partita");
      assertThat(parsed.version).startsWith("0.1.0");
      assertThat(reader.getFooter().getFileMetaData().getKeyValueMetaData()).containsAllEntriesOf(kv);
    }
    try (Connection conn = Readers.duckDb(); Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT created_by, num_rows, num_row_groups FROM parquet_file_metadata('"
            + file + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("partita version ");
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getLong(3)).isEqualTo(1);
    }
  }

  /** Page headers carry a CRC32 of the stored page: parquet-java verifies it and rejects a flipped byte. */
  @Test
  void pageChecksumsAreWrittenAndVerified() throws Exception {
    Schema schema = Schema.of(dev.partita.schema.Column.required("v", DataType.int64()));
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 5000; i++) {
      rows.add(new Object[] {i * i});
    }
    Path file = dir.resolve("crc.parquet");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).dictionary(false).build(), schema, rows,
        file);
    assertThat(Readers.readWithParquetJava(file, schema)).hasSize(5000);
    long pageOffset;
    long headerLength;
    try (ParquetFileReader reader = Readers.openParquetJava(file);
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      ColumnChunkMetaData chunk = reader.getFooter().getBlocks().get(0).getColumns().get(0);
      pageOffset = chunk.getFirstDataPageOffset();
      PageHeader header = readHeader(raf, pageOffset);
      assertThat(header.isSetCrc()).isTrue();
      headerLength = headerLength(raf, pageOffset);
    }
    byte[] bytes = Files.readAllBytes(file);
    int victim = (int) (pageOffset + headerLength + 100);
    bytes[victim] ^= 0x10;
    Path corrupt = dir.resolve("corrupt.parquet");
    Files.write(corrupt, bytes);
    assertThatThrownBy(() -> Readers.readWithParquetJava(corrupt, schema))
        .hasStackTraceContaining("CRC checksum verification failed");
  }

  /**
   * statistics=false leaves chunk statistics and column indexes out (offset indexes stay); page-index=false leaves
   * both indexes out (statistics stay). The data reads back either way, and the file metrics still count nulls.
   */
  @Test
  void statisticsAndPageIndexCanBeTurnedOff() throws Exception {
    Schema schema = STATS_SCHEMA;
    List<Object[]> rows = TestRows.randomRows(schema, 200, new Random(21));
    Path noStats = dir.resolve("no-stats.parquet");
    FileMetrics metrics = TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none())
        .writeStatistics(false).build(), schema, rows, noStats);
    Path noIndex = dir.resolve("no-index.parquet");
    TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).pageIndex(false).build(), schema, rows,
        noIndex);
    for (Path file : new Path[] {noStats, noIndex}) {
      Readers.assertRows("duckdb", schema, rows, Readers.readWithDuckDb(file, schema));
      Readers.assertRows("parquet-java", schema, rows, Readers.readWithParquetJava(file, schema));
    }
    try (ParquetFileReader reader = Readers.openParquetJava(noStats)) {
      for (ColumnChunkMetaData chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        assertThat(chunk.getStatistics().isEmpty()).isTrue();
        assertThat(reader.readColumnIndex(chunk)).isNull();
        assertThat(reader.readOffsetIndex(chunk)).isNotNull();
      }
    }
    try (ParquetFileReader reader = Readers.openParquetJava(noIndex)) {
      for (ColumnChunkMetaData chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        assertThat(chunk.getStatistics().isNumNullsSet()).isTrue();
        assertThat(reader.readColumnIndex(chunk)).isNull();
        assertThat(reader.readOffsetIndex(chunk)).isNull();
      }
    }
    for (int c = 0; c < schema.size(); c++) {
      ColumnStats cs = metrics.columns().get(c);
      assertThat(cs.nullCount()).isEqualTo(Expected.stats(rows, c, schema.column(c).type(), 0, 200).nulls());
      assertThat(cs.min()).isEmpty();
    }
  }

  /** An empty file (no rows) is a valid Parquet file with no row groups. */
  @Test
  void fileWithoutRows() throws Exception {
    Schema schema = TestRows.allTypesSchema();
    Path file = dir.resolve("empty.parquet");
    FileMetrics metrics = TestRows.write(ParquetFormat.builder().codec(CompressionCodecs.none()).build(), schema,
        List.of(), file);
    assertThat(metrics.rows()).isZero();
    assertThat(metrics.columns()).allSatisfy(c -> assertThat(c.min()).isEmpty());
    assertThat(Readers.readWithParquetJava(file, schema)).isEmpty();
    assertThat(Readers.readWithDuckDb(file, schema)).isEmpty();
    try (ParquetFileReader reader = Readers.openParquetJava(file)) {
      assertThat(reader.getFooter().getBlocks()).isEmpty();
    }
    assertThat(ByteBuffer.wrap(Files.readAllBytes(file), 0, 4)).isEqualTo(ByteBuffer.wrap("PAR1".getBytes()));
  }
}
