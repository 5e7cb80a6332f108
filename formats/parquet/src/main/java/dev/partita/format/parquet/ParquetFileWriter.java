package dev.partita.format.parquet;

import dev.partita.PartitaException;
import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Writes one Parquet file. File layout:
 *
 * <pre>
 * "PAR1"
 * row group 1: column chunk 1 .. n (dictionary page, data pages), then the chunks' bloom filters
 * ...
 * column indexes of every chunk (row group by row group), then offset indexes
 * FileMetaData (Thrift compact), its 4-byte little-endian length, "PAR1"
 * </pre>
 *
 * <p>Rows go through parquet-column's column writers (which encode, split pages and collect page statistics)
 * into one {@link ColumnChunkBuffer} per column; a row group is written out when its buffered size reaches the
 * row group size, checked every 100 to 10,000 rows depending on the row size seen, or on {@link #flush()}.
 */
final class ParquetFileWriter implements FormatWriter {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final int FORMAT_VERSION = 1;
  private static final long MIN_ROWS_BETWEEN_SIZE_CHECKS = 100;
  private static final long MAX_ROWS_BETWEEN_SIZE_CHECKS = 10_000;
  /** Rough footer bytes per column chunk, for the size estimate. */
  private static final long FOOTER_BYTES_PER_CHUNK = 160;

  private enum State { OPEN, FINISHED, ABORTED, FAILED }

  private final ParquetFormat format;
  private final Schema schema;
  private final PositionOutputStream out;
  private final ParquetSchema parquetSchema;
  private final ParquetProperties properties;
  private final org.apache.parquet.format.CompressionCodec codec;
  private final ColumnChunkBuffer[] chunks;
  private final ChunkBloomFilter[] blooms;
  private final ValueWriter[] writers;
  private final PageWriteStore pageStore;
  private final Statistics<?>[] fileStatistics;
  private final boolean[] fileStatisticsValid;
  private final List<RowGroup> rowGroups = new ArrayList<>();
  private final List<byte[][]> columnIndexes = new ArrayList<>();
  private final List<byte[][]> offsetIndexes = new ArrayList<>();
  private final ScratchBuffer scratch = new ScratchBuffer(4096);
  private final long rowGroupSize;
  private ColumnWriteStore store;
  private long rows;
  private long groupRows;
  private long nextSizeCheck = MIN_ROWS_BETWEEN_SIZE_CHECKS;
  private long indexBytes;
  private State state = State.OPEN;

  ParquetFileWriter(ParquetFormat format, Schema schema, PositionOutputStream out) throws IOException {
    this.format = format;
    this.schema = schema;
    this.out = out;
    this.parquetSchema = ParquetSchema.of(schema);
    this.codec = ParquetCodecs.thriftCodec(format.codec().name());
    this.rowGroupSize = format.rowGroupSize().bytes();
    this.properties = ParquetProperties.builder()
        .withWriterVersion(format.pageVersion() == PageVersion.V1
            ? ParquetProperties.WriterVersion.PARQUET_1_0
            : ParquetProperties.WriterVersion.PARQUET_2_0)
        .withPageSize((int) format.pageSize().bytes())
        .withDictionaryPageSize((int) format.dictionaryPageSize().bytes())
        .withDictionaryEncoding(format.dictionary())
        .withPageRowCountLimit(format.pageRowCountLimit())
        .withStatisticsEnabled(format.writeStatistics())
        .withSizeStatisticsEnabled(false)
        .withBloomFilterEnabled(false)
        .build();
    PageCompressor compressor = new PageCompressor(format.codec());
    int n = schema.size();
    this.chunks = new ColumnChunkBuffer[n];
    this.blooms = new ChunkBloomFilter[n];
    this.writers = new ValueWriter[n];
    this.fileStatistics = new Statistics<?>[n];
    this.fileStatisticsValid = new boolean[n];
    Map<ColumnDescriptor, ColumnChunkBuffer> byDescriptor = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ColumnDescriptor d = parquetSchema.descriptors.get(i);
      chunks[i] = new ColumnChunkBuffer(d, parquetSchema.elements.get(i + 1).getType(), compressor,
          format.writeStatistics(), format.pageIndex());
      byDescriptor.put(d, chunks[i]);
      if (format.bloomFilterColumns().contains(schema.column(i).name())) {
        blooms[i] = new ChunkBloomFilter(format.bloomFilterFpp(), format.bloomFilterNdv(),
            (int) ParquetFormat.MAX_BLOOM_FILTER_SIZE.bytes());
      }
      writers[i] = ValueWriter.of(i, schema.column(i), blooms[i]);
      fileStatisticsValid[i] = format.writeStatistics();
    }
    this.pageStore = descriptor -> {
      ColumnChunkBuffer chunk = byDescriptor.get(descriptor);
      if (chunk == null) {
        throw new IllegalStateException("no column chunk for " + descriptor);
      }
      return chunk;
    };
    out.write(MAGIC);
    startRowGroup();
  }

  private void startRowGroup() {
    store = properties.newColumnWriteStore(parquetSchema.messageType, pageStore);
    for (int i = 0; i < writers.length; i++) {
      writers[i].bind(store.getColumnWriter(parquetSchema.descriptors.get(i)));
    }
    groupRows = 0;
    nextSizeCheck = MIN_ROWS_BETWEEN_SIZE_CHECKS;
  }

  @Override
  public void write(Row row) throws IOException {
    checkOpen("write");
    try {
      for (ValueWriter w : writers) {
        w.write(row);
      }
      store.endRecord();
    } catch (RuntimeException e) {
      state = State.FAILED;
      throw new PartitaException("cannot write row " + (rows + 1) + " of a Parquet file: " + e.getMessage(), e);
    }
    rows++;
    groupRows++;
    if (groupRows >= nextSizeCheck) {
      checkRowGroupSize();
    }
  }

  /**
   * Closes the row group when it is within two rows of its target size; otherwise plans the next check halfway to
   * the size the rows seen so far predict.
   */
  private void checkRowGroupSize() throws IOException {
    long buffered = store.getBufferedSize();
    long perRow = Math.max(1, buffered / groupRows);
    if (buffered + 2 * perRow >= rowGroupSize) {
      flushRowGroup();
    } else {
      long rowsToTarget = (rowGroupSize - buffered) / perRow;
      nextSizeCheck = groupRows
          + Math.min(MAX_ROWS_BETWEEN_SIZE_CHECKS, Math.max(MIN_ROWS_BETWEEN_SIZE_CHECKS, rowsToTarget / 2));
    }
  }

  @Override
  public FormatProgress progress() {
    checkOpen("progress");
    long buffered = store.getBufferedSize();
    long bloomBytes = 0;
    for (ChunkBloomFilter b : blooms) {
      if (b != null) {
        bloomBytes += b.retainedBytes();
      }
    }
    long footer = (rowGroups.size() + 1L) * writers.length * FOOTER_BYTES_PER_CHUNK;
    return new FormatProgress(rows, buffered + bloomBytes,
        out.position() + buffered + bloomBytes + indexBytes + footer + 8);
  }

  @Override
  public void flush() throws IOException {
    checkOpen("flush");
    if (groupRows > 0) {
      flushRowGroup();
    }
  }

  private void flushRowGroup() throws IOException {
    try {
      // Closing the store writes each column's last page and its dictionary page into the chunk buffers.
      store.close();
      long start = out.position();
      List<ColumnChunk> columns = new ArrayList<>(chunks.length);
      byte[][] groupColumnIndexes = new byte[chunks.length][];
      byte[][] groupOffsetIndexes = new byte[chunks.length][];
      long compressed = 0;
      long uncompressed = 0;
      for (int i = 0; i < chunks.length; i++) {
        ColumnChunkBuffer.WrittenChunk w = chunks[i].writeTo(out, out.position(), codec);
        columns.add(w.chunk());
        compressed += w.compressedBytes();
        uncompressed += w.uncompressedBytes();
        groupColumnIndexes[i] = w.columnIndex() == null ? null : serialize(w.columnIndex());
        groupOffsetIndexes[i] = w.offsetIndex() == null ? null : serialize(w.offsetIndex());
        mergeFileStatistics(i, w.statistics());
        chunks[i].reset();
      }
      for (int i = 0; i < blooms.length; i++) {
        if (blooms[i] != null) {
          scratch.reset();
          blooms[i].writeTo(scratch);
          ColumnMetaData meta = columns.get(i).getMeta_data();
          meta.setBloom_filter_offset(out.position());
          meta.setBloom_filter_length(scratch.size());
          out.write(scratch.array(), 0, scratch.size());
          blooms[i].reset();
        }
      }
      RowGroup group = new RowGroup(columns, uncompressed, groupRows);
      group.setFile_offset(start);
      group.setTotal_compressed_size(compressed);
      if (rowGroups.size() <= Short.MAX_VALUE) {
        group.setOrdinal((short) rowGroups.size());
      }
      rowGroups.add(group);
      columnIndexes.add(groupColumnIndexes);
      offsetIndexes.add(groupOffsetIndexes);
      for (int i = 0; i < chunks.length; i++) {
        indexBytes += length(groupColumnIndexes[i]) + length(groupOffsetIndexes[i]);
      }
      startRowGroup();
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private void mergeFileStatistics(int column, Statistics<?> chunkStatistics) {
    if (!fileStatisticsValid[column]) {
      return;
    }
    if (chunkStatistics == null) {
      fileStatisticsValid[column] = false;
      fileStatistics[column] = null;
    } else if (fileStatistics[column] == null) {
      fileStatistics[column] = chunkStatistics.copy();
    } else {
      fileStatistics[column].mergeStatistics(chunkStatistics);
    }
  }

  private byte[] serialize(org.apache.parquet.format.ColumnIndex index) throws IOException {
    scratch.reset();
    Util.writeColumnIndex(index, scratch);
    return java.util.Arrays.copyOf(scratch.array(), scratch.size());
  }

  private byte[] serialize(org.apache.parquet.format.OffsetIndex index) throws IOException {
    scratch.reset();
    Util.writeOffsetIndex(index, scratch);
    return java.util.Arrays.copyOf(scratch.array(), scratch.size());
  }

  private static long length(byte[] b) {
    return b == null ? 0 : b.length;
  }

  @Override
  public FileMetrics finish() throws IOException {
    checkOpen("finish");
    try {
      if (groupRows > 0) {
        flushRowGroup();
      }
      writePageIndex();
      FileMetaData footer = new FileMetaData(FORMAT_VERSION, parquetSchema.elements, rows, rowGroups);
      if (!format.keyValueMetadata().isEmpty()) {
        List<KeyValue> pairs = new ArrayList<>();
        format.keyValueMetadata().forEach((k, v) -> {
          KeyValue kv = new KeyValue(k);
          kv.setValue(v);
          pairs.add(kv);
        });
        footer.setKey_value_metadata(pairs);
      }
      footer.setCreated_by(CreatedBy.VALUE);
      footer.setColumn_orders(parquetSchema.columnOrders);
      scratch.reset();
      Util.writeFileMetaData(footer, scratch);
      int length = scratch.size();
      scratch.write(length);
      scratch.write(length >>> 8);
      scratch.write(length >>> 16);
      scratch.write(length >>> 24);
      scratch.write(MAGIC, 0, MAGIC.length);
      out.write(scratch.array(), 0, scratch.size());
      long bytes = out.position();
      out.close();
      state = State.FINISHED;
      List<ColumnStats> stats = new ArrayList<>(writers.length);
      for (int i = 0; i < writers.length; i++) {
        stats.add(StatisticsMapping.toColumnStats(schema.column(i),
            fileStatisticsValid[i] ? fileStatistics[i] : null, rows, writers[i].nulls()));
      }
      return new FileMetrics(rows, bytes, stats);
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  /** Writes every column index, then every offset index, and records where each went. */
  private void writePageIndex() throws IOException {
    for (int g = 0; g < rowGroups.size(); g++) {
      byte[][] indexes = columnIndexes.get(g);
      for (int i = 0; i < indexes.length; i++) {
        if (indexes[i] != null) {
          ColumnChunk chunk = rowGroups.get(g).getColumns().get(i);
          chunk.setColumn_index_offset(out.position());
          chunk.setColumn_index_length(indexes[i].length);
          out.write(indexes[i]);
        }
      }
    }
    for (int g = 0; g < rowGroups.size(); g++) {
      byte[][] indexes = offsetIndexes.get(g);
      for (int i = 0; i < indexes.length; i++) {
        if (indexes[i] != null) {
          ColumnChunk chunk = rowGroups.get(g).getColumns().get(i);
          chunk.setOffset_index_offset(out.position());
          chunk.setOffset_index_length(indexes[i].length);
          out.write(indexes[i]);
        }
      }
    }
  }

  @Override
  public void abort() {
    if (state == State.ABORTED || state == State.FINISHED) {
      return;
    }
    state = State.ABORTED;
    closeQuietly(null);
  }

  /** Closes the stream of a file that will be deleted; a failure to close adds nothing the caller can act on. */
  private void closeQuietly(Throwable primary) {
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }

  private void checkOpen(String call) {
    if (state != State.OPEN) {
      throw new IllegalStateException("cannot " + call + ": the Parquet writer is " + switch (state) {
        case FINISHED -> "finished";
        case ABORTED -> "aborted";
        case FAILED -> "failed after an earlier error; abort it";
        case OPEN -> "open";
      });
    }
  }
}
