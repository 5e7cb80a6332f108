package dev.partita.format.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.statistics.geospatial.GeospatialStatistics;
import org.apache.parquet.format.BoundaryOrder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageLocation;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.apache.parquet.internal.column.columnindex.ColumnIndexBuilder;
import org.apache.parquet.internal.column.columnindex.OffsetIndexBuilder;
import org.apache.parquet.io.ParquetEncodingException;

/**
 * The pages of one column chunk while its row group is open. parquet-column's column writer hands over encoded
 * pages; this buffer compresses each one, prefixes its Thrift header (with a CRC32 of the stored bytes), keeps it
 * in memory and folds its statistics into the chunk statistics, the column index and the offset index.
 *
 * <p>Layout written by {@link #writeTo}: the dictionary page (parquet-column delivers it last, but readers need it
 * first), then the data pages in order.
 */
final class ColumnChunkBuffer implements PageWriter {
  /** Chunk min/max larger than this are left out of the footer, as parquet-java does. */
  static final int MAX_STATISTICS_BYTES = 4096;
  /** Longest min/max kept per page in the column index; longer binary values are truncated. */
  static final int COLUMN_INDEX_TRUNCATE_LENGTH = 64;

  private final ColumnDescriptor descriptor;
  private final Type thriftType;
  private final PageCompressor compressor;
  private final ScratchBuffer levels = new ScratchBuffer(1024);
  private final boolean statisticsEnabled;
  private final boolean pageIndexEnabled;
  private final CRC32 crc = new CRC32();

  private final SlabBuffer pages = new SlabBuffer();
  private byte[] dictionaryPage;
  private org.apache.parquet.format.Encoding dictionaryEncoding;
  private long uncompressedBytes;
  private long compressedBytes;
  private long valueCount;
  private final Set<org.apache.parquet.format.Encoding> encodings = new LinkedHashSet<>();
  private final Map<org.apache.parquet.format.Encoding, Integer> dataPageEncodings =
      new EnumMap<>(org.apache.parquet.format.Encoding.class);
  private PageType dataPageType;
  private Statistics<?> statistics;
  private boolean statisticsValid;
  private ColumnIndexBuilder columnIndexBuilder;
  private OffsetIndexBuilder offsetIndexBuilder;

  ColumnChunkBuffer(ColumnDescriptor descriptor, Type thriftType, PageCompressor compressor,
      boolean statisticsEnabled, boolean pageIndexEnabled) {
    this.descriptor = descriptor;
    this.thriftType = thriftType;
    this.compressor = compressor;
    this.statisticsEnabled = statisticsEnabled;
    this.pageIndexEnabled = pageIndexEnabled;
    reset();
  }

  /** Forgets every page, ready for the next row group. */
  void reset() {
    pages.clear();
    dictionaryPage = null;
    dictionaryEncoding = null;
    uncompressedBytes = 0;
    compressedBytes = 0;
    valueCount = 0;
    encodings.clear();
    dataPageEncodings.clear();
    dataPageType = null;
    statistics = null;
    statisticsValid = statisticsEnabled;
    columnIndexBuilder = statisticsEnabled && pageIndexEnabled
        ? ColumnIndexBuilder.getBuilder(descriptor.getPrimitiveType(), COLUMN_INDEX_TRUNCATE_LENGTH)
        : ColumnIndexBuilder.getNoOpBuilder();
    offsetIndexBuilder = pageIndexEnabled ? OffsetIndexBuilder.getBuilder() : OffsetIndexBuilder.getNoOpBuilder();
  }

  @Override
  @Deprecated
  public void writePage(BytesInput bytes, int valueCount, Statistics<?> statistics, Encoding rlEncoding,
      Encoding dlEncoding, Encoding valuesEncoding) {
    throw new UnsupportedOperationException("pages need a row count for the offset index");
  }

  @Override
  public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
      Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
    writePage(bytes, valueCount, rowCount, statistics, null, null, rlEncoding, dlEncoding, valuesEncoding);
  }

  @Override
  @Deprecated
  public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
      SizeStatistics sizeStatistics, Encoding rlEncoding, Encoding dlEncoding, Encoding valuesEncoding)
      throws IOException {
    writePage(bytes, valueCount, rowCount, statistics, sizeStatistics, null, rlEncoding, dlEncoding,
        valuesEncoding);
  }

  @Override
  public void writePage(BytesInput bytes, int valueCount, int rowCount, Statistics<?> statistics,
      SizeStatistics sizeStatistics, GeospatialStatistics geospatialStatistics, Encoding rlEncoding,
      Encoding dlEncoding, Encoding valuesEncoding) throws IOException {
    int uncompressed = toInt(bytes.size());
    ScratchBuffer payload = compressor.compress(bytes);
    crc.reset();
    crc.update(payload.array(), 0, payload.size());
    PageHeader header = new PageHeader(PageType.DATA_PAGE, uncompressed, payload.size());
    header.setCrc((int) crc.getValue());
    org.apache.parquet.format.Encoding values = thrift(valuesEncoding);
    header.setData_page_header(new DataPageHeader(valueCount, values, thrift(dlEncoding), thrift(rlEncoding)));
    long start = pages.size();
    Util.writePageHeader(header, pages);
    int headerLength = toInt(pages.size() - start);
    pages.write(payload.array(), 0, payload.size());
    encodings.add(thrift(rlEncoding));
    encodings.add(thrift(dlEncoding));
    addDataPage(PageType.DATA_PAGE, values, headerLength, uncompressed, payload.size(), valueCount, rowCount,
        statistics);
  }

  @Override
  public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
      BytesInput definitionLevels, Encoding dataEncoding, BytesInput data, Statistics<?> statistics)
      throws IOException {
    writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data, statistics,
        null, null);
  }

  @Override
  @Deprecated
  public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
      BytesInput definitionLevels, Encoding dataEncoding, BytesInput data, Statistics<?> statistics,
      SizeStatistics sizeStatistics) throws IOException {
    writePageV2(rowCount, nullCount, valueCount, repetitionLevels, definitionLevels, dataEncoding, data, statistics,
        sizeStatistics, null);
  }

  @Override
  public void writePageV2(int rowCount, int nullCount, int valueCount, BytesInput repetitionLevels,
      BytesInput definitionLevels, Encoding dataEncoding, BytesInput data, Statistics<?> statistics,
      SizeStatistics sizeStatistics, GeospatialStatistics geospatialStatistics) throws IOException {
    // V2 layout: repetition levels, definition levels (both RLE, never compressed), then the values, compressed.
    int rlLength = toInt(repetitionLevels.size());
    int dlLength = toInt(definitionLevels.size());
    int dataLength = toInt(data.size());
    levels.reset();
    repetitionLevels.writeAllTo(levels);
    definitionLevels.writeAllTo(levels);
    boolean compressed = dataLength > 0 && !compressor.isPassThrough();
    ScratchBuffer payload = compressed ? compressor.compress(data) : compressor.copy(data);
    int uncompressed = rlLength + dlLength + dataLength;
    int stored = rlLength + dlLength + payload.size();
    crc.reset();
    crc.update(levels.array(), 0, levels.size());
    crc.update(payload.array(), 0, payload.size());
    PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, uncompressed, stored);
    header.setCrc((int) crc.getValue());
    org.apache.parquet.format.Encoding values = thrift(dataEncoding);
    DataPageHeaderV2 v2 = new DataPageHeaderV2(valueCount, nullCount, rowCount, values, dlLength, rlLength);
    v2.setIs_compressed(compressed);
    header.setData_page_header_v2(v2);
    long start = pages.size();
    Util.writePageHeader(header, pages);
    int headerLength = toInt(pages.size() - start);
    pages.write(levels.array(), 0, levels.size());
    pages.write(payload.array(), 0, payload.size());
    if (descriptor.getMaxDefinitionLevel() > 0 || descriptor.getMaxRepetitionLevel() > 0) {
      encodings.add(org.apache.parquet.format.Encoding.RLE);
    }
    addDataPage(PageType.DATA_PAGE_V2, values, headerLength, uncompressed, stored, valueCount, rowCount,
        statistics);
  }

  private void addDataPage(PageType type, org.apache.parquet.format.Encoding values, int headerLength,
      int uncompressed, int stored, int pageValues, int pageRows, Statistics<?> pageStatistics) {
    dataPageType = type;
    encodings.add(values);
    dataPageEncodings.merge(values, 1, Integer::sum);
    uncompressedBytes += headerLength + (long) uncompressed;
    compressedBytes += headerLength + (long) stored;
    valueCount += pageValues;
    offsetIndexBuilder.add(headerLength + stored, pageRows);
    if (!statisticsValid) {
      return;
    }
    if (pageStatistics == null || pageStatistics.isEmpty()) {
      // A page without statistics leaves the chunk without trustworthy ones.
      statisticsValid = false;
      statistics = null;
      columnIndexBuilder = ColumnIndexBuilder.getNoOpBuilder();
      return;
    }
    if (statistics == null) {
      statistics = pageStatistics.copy();
    } else {
      statistics.mergeStatistics(pageStatistics);
    }
    columnIndexBuilder.add(pageStatistics);
  }

  @Override
  public void writeDictionaryPage(DictionaryPage page) throws IOException {
    if (dictionaryPage != null) {
      throw new ParquetEncodingException("a second dictionary page for column " + descriptor);
    }
    BytesInput bytes = page.getBytes();
    int uncompressed = toInt(bytes.size());
    ScratchBuffer payload = compressor.compress(bytes);
    crc.reset();
    crc.update(payload.array(), 0, payload.size());
    PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, uncompressed, payload.size());
    header.setCrc((int) crc.getValue());
    dictionaryEncoding = thrift(page.getEncoding());
    header.setDictionary_page_header(new DictionaryPageHeader(page.getDictionarySize(), dictionaryEncoding));
    levels.reset();
    Util.writePageHeader(header, levels);
    int headerLength = levels.size();
    levels.write(payload.array(), 0, payload.size());
    dictionaryPage = java.util.Arrays.copyOf(levels.array(), levels.size());
    encodings.add(dictionaryEncoding);
    uncompressedBytes += headerLength + (long) uncompressed;
    compressedBytes += headerLength + (long) payload.size();
  }

  @Override
  public long getMemSize() {
    return pages.size() + (dictionaryPage == null ? 0 : dictionaryPage.length);
  }

  @Override
  public long allocatedSize() {
    return pages.capacity() + (dictionaryPage == null ? 0 : dictionaryPage.length) + levels.capacity();
  }

  @Override
  public String memUsageString(String prefix) {
    return prefix + " " + descriptor + " pages: " + getMemSize() + " bytes";
  }

  /** The chunk statistics so far, or null when statistics are off or some page had none. */
  Statistics<?> statistics() {
    return statisticsValid ? statistics : null;
  }

  /**
   * Writes the chunk at {@code position}, the current position of {@code out}.
   *
   * @return the chunk's footer entry and page index structures
   */
  WrittenChunk writeTo(OutputStream out, long position, org.apache.parquet.format.CompressionCodec codec)
      throws IOException {
    long dataOffset = position;
    if (dictionaryPage != null) {
      out.write(dictionaryPage);
      dataOffset += dictionaryPage.length;
    }
    pages.writeTo(out);
    ColumnMetaData meta = new ColumnMetaData(thriftType, new ArrayList<>(encodings),
        List.of(descriptor.getPath()), codec, valueCount, uncompressedBytes, compressedBytes, dataOffset);
    if (dictionaryPage != null) {
      meta.setDictionary_page_offset(position);
    }
    Statistics<?> stats = statistics();
    if (stats != null) {
      meta.setStatistics(StatisticsMapping.toThrift(stats, MAX_STATISTICS_BYTES));
    }
    List<PageEncodingStats> encodingStats = new ArrayList<>();
    if (dictionaryPage != null) {
      encodingStats.add(new PageEncodingStats(PageType.DICTIONARY_PAGE, dictionaryEncoding, 1));
    }
    for (Map.Entry<org.apache.parquet.format.Encoding, Integer> e : dataPageEncodings.entrySet()) {
      encodingStats.add(new PageEncodingStats(dataPageType, e.getKey(), e.getValue()));
    }
    meta.setEncoding_stats(encodingStats);
    ColumnChunk chunk = new ColumnChunk(dataOffset);
    chunk.setMeta_data(meta);
    return new WrittenChunk(chunk, columnIndex(), offsetIndex(dataOffset), stats,
        compressedBytes, uncompressedBytes);
  }

  private ColumnIndex columnIndex() {
    if (!statisticsValid) {
      return null;
    }
    org.apache.parquet.internal.column.columnindex.ColumnIndex index = columnIndexBuilder.build();
    if (index == null) {
      // No pages, or min/max that cannot be stated (NaN in a float column).
      return null;
    }
    ColumnIndex t = new ColumnIndex(new ArrayList<>(index.getNullPages()), new ArrayList<>(index.getMinValues()),
        new ArrayList<>(index.getMaxValues()), BoundaryOrder.valueOf(index.getBoundaryOrder().name()));
    List<Long> nullCounts = index.getNullCounts();
    if (nullCounts != null) {
      t.setNull_counts(new ArrayList<>(nullCounts));
    }
    return t;
  }

  private OffsetIndex offsetIndex(long dataOffset) {
    org.apache.parquet.internal.column.columnindex.OffsetIndex index = offsetIndexBuilder.build(dataOffset);
    if (index == null) {
      return null;
    }
    List<PageLocation> locations = new ArrayList<>(index.getPageCount());
    for (int i = 0; i < index.getPageCount(); i++) {
      locations.add(new PageLocation(index.getOffset(i), index.getCompressedPageSize(i),
          index.getFirstRowIndex(i)));
    }
    return new OffsetIndex(locations);
  }

  private static org.apache.parquet.format.Encoding thrift(Encoding e) {
    return org.apache.parquet.format.Encoding.valueOf(e.name());
  }

  private int toInt(long size) {
    if (size > Integer.MAX_VALUE) {
      throw new ParquetEncodingException("page of column " + descriptor + " exceeds 2GB: " + size + " bytes");
    }
    return (int) size;
  }

  /**
   * One column chunk as written.
   *
   * @param chunk the footer entry (offsets of the page index are filled in later)
   * @param columnIndex the column index, or null when it cannot be written
   * @param offsetIndex the offset index, or null when the page index is off
   * @param statistics the chunk statistics, or null
   * @param compressedBytes bytes on disk
   * @param uncompressedBytes bytes before compression, headers included
   */
  record WrittenChunk(ColumnChunk chunk, ColumnIndex columnIndex, OffsetIndex offsetIndex, Statistics<?> statistics,
      long compressedBytes, long uncompressedBytes) {}
}
