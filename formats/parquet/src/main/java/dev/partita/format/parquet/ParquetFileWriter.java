package dev.partita.format.parquet;

import dev.partita.PartitaException;
import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.Row;
import dev.partita.row.RowBuffer;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriteStore;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.ColumnIndex;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.RowGroup;

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
 * <p>The first {@value #BUFFERED_ROWS} rows of each row group (fewer if they take a quarter of the row group
 * size) are only copied into a {@link RowBuffer}: a file
 * of a partitioned table that gets few rows (thousands of partitions, or a budget that flushes often) then costs
 * about its rows' size, not the column writers' fixed share. From that row on, or at a flush or the end, rows go
 * through parquet-column's column writers (which encode, split pages and collect page statistics) into one
 * {@link ColumnChunkBuffer} per column; a row group is written out when its buffered size reaches the row group
 * size, checked every 100 to 10,000 rows depending on the row size seen, or on {@link #flush()}. Values are
 * checked against their column's type before a row is taken, so that a bad row is refused whole.
 */
final class ParquetFileWriter implements FormatWriter {
  private static final long MIN_ROWS_BETWEEN_SIZE_CHECKS = 100;
  private static final long MAX_ROWS_BETWEEN_SIZE_CHECKS = 10_000;
  /**
   * Heap an open column chunk holds besides its buffers: parquet-column's column writer with its statistics,
   * column and offset index builders and level writers, and this writer's chunk bookkeeping. Measured with the
   * sales schema of the benchmarks (11 columns of 5 types): 2.7KB per column for a file of 20 rows.
   */
  static final long FIXED_BYTES_PER_COLUMN = 2_800;
  /**
   * Heap an open file holds in every state, per column: this writer's per-column objects (value writers, file
   * statistics) and its share of the footer. Measured as above for a file of one buffered row: 320 bytes.
   */
  static final long BASE_BYTES_PER_COLUMN = 350;
  /** Rows of a row group held as copies before the column writers are made. */
  static final int BUFFERED_ROWS = 1024;

  private enum State { OPEN, FINISHED, ABORTED, FAILED }

  private final ParquetFormat format;
  private final Schema schema;
  private final PositionOutputStream out;
  private final ParquetSchema parquetSchema;
  private final ParquetProperties properties;
  private final RecyclingAllocator allocator;
  private final PageCompressor compressor;
  private final org.apache.parquet.format.CompressionCodec codec;
  private final ColumnChunkBuffer[] chunks;
  private final ChunkBloomFilter[] blooms;
  private final ValueWriter[] writers;
  private final PageWriteStore pageStore;
  private final Statistics<?>[] fileStatistics;
  private final boolean[] fileStatisticsValid;
  private final FileFooter footer;
  private final ScratchBuffer scratch = new ScratchBuffer(4096);
  private final long rowGroupSize;
  private final RowBuffer pending;
  /** The column writers of the open row group; null while its rows are only buffered. */
  private ColumnWriteStore store;
  private long rows;
  private long groupRows;
  private long nextSizeCheck = MIN_ROWS_BETWEEN_SIZE_CHECKS;
  private State state = State.OPEN;

  ParquetFileWriter(ParquetFormat format, Schema schema, PositionOutputStream out) throws IOException {
    this.format = format;
    this.schema = schema;
    this.out = out;
    this.parquetSchema = ParquetSchema.forSchema(schema);
    this.footer = new FileFooter(parquetSchema);
    this.codec = ParquetCodecs.thriftCodec(format.codec().name());
    this.rowGroupSize = format.rowGroupSize().bytes();
    // Up to two pages per column may sit in the pool, at most 64MB.
    this.allocator = new RecyclingAllocator(Math.min(64L << 20, 2 * format.pageSize().bytes() * schema.size()));
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
        .withAllocator(allocator)
        .withValuesWriterFactory(
            new PartitaValuesWriterFactory(format.pageVersion() == PageVersion.V2, format.dictionary()))
        .build();
    this.compressor = new PageCompressor(format.codec());
    int n = schema.size();
    this.chunks = new ColumnChunkBuffer[n];
    this.blooms = new ChunkBloomFilter[n];
    this.writers = new ValueWriter[n];
    this.fileStatistics = new Statistics<?>[n];
    this.fileStatisticsValid = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (format.bloomFilterColumns().contains(schema.column(i).name())) {
        blooms[i] = new ChunkBloomFilter(format.bloomFilterFpp(), format.bloomFilterNdv(),
            (int) ParquetFormat.MAX_BLOOM_FILTER_SIZE.bytes());
      }
      writers[i] = ValueWriter.of(i, schema.column(i), blooms[i]);
      fileStatisticsValid[i] = format.writeStatistics();
    }
    this.pageStore = descriptor -> chunks[parquetSchema.indexOf(descriptor)];
    this.pending = new RowBuffer(schema);
    out.write(FileFooter.MAGIC);
    // Storage may buffer; flushing after each write burst lets an open file hold nothing between row groups.
    out.flush();
  }

  @Override
  public void write(Row row) throws IOException {
    checkOpen("write");
    for (ValueWriter w : writers) {
      w.validate(row, rows + 1);
    }
    if (store == null) {
      pending.add(row);
      rows++;
      groupRows++;
      // Small row groups (a low rowGroupSize) must not wait for the full count to see their size checked.
      if (groupRows >= BUFFERED_ROWS || pending.heapBytes() >= rowGroupSize / 4) {
        startEncoding();
      }
      return;
    }
    encode(row, rows + 1);
    rows++;
    groupRows++;
    if (groupRows >= nextSizeCheck) {
      checkRowGroupSize();
    }
  }

  private void encode(Row row, long rowNumber) {
    try {
      for (ValueWriter w : writers) {
        w.write(row);
      }
      store.endRecord();
    } catch (RuntimeException e) {
      state = State.FAILED;
      throw new PartitaException("cannot write row " + rowNumber + " of a Parquet file: " + e.getMessage(), e);
    }
  }

  /** Makes the row group's column writers and moves the buffered rows into them. */
  private void startEncoding() {
    // Chunk buffers (with their page index builders) live from here to the row group's end.
    for (int i = 0; i < chunks.length; i++) {
      chunks[i] = new ColumnChunkBuffer(parquetSchema.descriptors.get(i), parquetSchema.elements.get(i + 1).getType(),
          compressor, format.writeStatistics(), format.pageIndex());
    }
    store = properties.newColumnWriteStore(parquetSchema.messageType, pageStore);
    for (int i = 0; i < writers.length; i++) {
      writers[i].bind(store.getColumnWriter(parquetSchema.descriptors.get(i)));
    }
    long first = rows - pending.size() + 1;
    for (int i = 0; i < pending.size(); i++) {
      encode(pending.row(i), first + i);
    }
    pending.clear();
    nextSizeCheck = Math.max(groupRows, MIN_ROWS_BETWEEN_SIZE_CHECKS);
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

  /**
   * Rows so far; memory held for the open row group (the rows copied while it is only buffered; then the column
   * store with its buffered pages and dictionaries and each column's fixed overhead; recycled page buffers, bloom
   * filters; what earlier row groups left for the footer; not the compression buffers, which belong to the
   * thread);
   * and the file size if finished now: bytes written, plus the compressed pages held, plus the open pages at the
   * compression ratio seen so far, plus page indexes and an allowance for the footer.
   */
  @Override
  public FormatProgress progress() {
    checkOpen("progress");
    long buffered = store == null ? 0 : store.getBufferedSize();
    long compressedPages = 0;
    if (store != null) {
      for (ColumnChunkBuffer chunk : chunks) {
        compressedPages += chunk.getMemSize();
      }
    }
    long pendingBytes = pending.heapBytes();
    long openPages = Math.max(0, buffered - compressedPages) + pendingBytes;
    long bloomBytes = 0;
    for (ChunkBloomFilter b : blooms) {
      if (b != null) {
        bloomBytes += b.retainedBytes();
      }
    }
    long estimate = out.position() + compressedPages + (long) (openPages * compressor.ratio()) + bloomBytes
        + footer.estimatedBytes();
    // The column store's allocated size counts the slabs and dictionaries it holds beyond the bytes written into
    // them: with many small files that fixed share dominates, and the memory budget must see it.
    long held = BASE_BYTES_PER_COLUMN * chunks.length + footer.retainedBytes() + (store == null ? pendingBytes
        : Math.max(buffered, store.getAllocatedSize()) + FIXED_BYTES_PER_COLUMN * chunks.length);
    return new FormatProgress(rows, held + allocator.pooledBytes() + bloomBytes, estimate);
  }

  @Override
  public void flush() throws IOException {
    checkOpen("flush");
    if (groupRows > 0) {
      flushRowGroup();
    }
  }

  private void flushRowGroup() throws IOException {
    if (store == null) {
      startEncoding();
    }
    try {
      // Closing the store writes each column's last page and its dictionary page into the chunk buffers.
      store.close();
      allocator.clear();
      long start = out.position();
      List<ColumnChunk> columns = new ArrayList<>(chunks.length);
      ColumnIndex[] columnIndexes = new ColumnIndex[chunks.length];
      OffsetIndex[] offsetIndexes = new OffsetIndex[chunks.length];
      long compressed = 0;
      long uncompressed = 0;
      for (int i = 0; i < chunks.length; i++) {
        ColumnChunkBuffer.WrittenChunk w = chunks[i].writeTo(out, out.position(), codec);
        columns.add(w.chunk());
        compressed += w.compressedBytes();
        uncompressed += w.uncompressedBytes();
        columnIndexes[i] = w.columnIndex();
        offsetIndexes[i] = w.offsetIndex();
        mergeFileStatistics(i, w.statistics());
        chunks[i] = null;
      }
      // Bloom filters follow the chunks of their row group, so that they need not be held until the end.
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
      footer.add(group, columnIndexes, offsetIndexes);
      out.flush();
      // The value writers point at this row group's column writers, which hold its pages: let them all go.
      for (ValueWriter w : writers) {
        w.bind(null);
      }
      store = null;
      groupRows = 0;
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

  @Override
  public FileMetrics finish() throws IOException {
    checkOpen("finish");
    try {
      if (groupRows > 0) {
        flushRowGroup();
      }
      footer.writeTo(out, rows, format.keyValueMetadata(), CreatedBy.VALUE);
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

  @Override
  public void abort() {
    if (state == State.ABORTED || state == State.FINISHED) {
      return;
    }
    state = State.ABORTED;
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      // The file is being discarded; the contract is to close quietly, and nothing can be done about it here.
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
