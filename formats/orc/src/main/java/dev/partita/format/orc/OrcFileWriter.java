package dev.partita.format.orc;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DateColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.OrcConf;
import org.apache.orc.OrcFile;
import org.apache.orc.PhysicalWriter;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.impl.PhysicalFsWriter;
import org.apache.orc.impl.WriterImpl;
import org.apache.orc.impl.writer.WriterEncryptionVariant;

/**
 * Writes one ORC file: rows are copied into a reused {@link VectorizedRowBatch}, which goes to orc-core's
 * writer whenever it is full; orc-core encodes stripes and writes them through a {@link PhysicalFsWriter} over
 * the Partita stream.
 */
final class OrcFileWriter implements FormatWriter {
  private enum State { OPEN, FAILED, FINISHED, ABORTED }

  private final Schema schema;
  private final FSDataOutputStream stream;
  private final PhysicalWriter physical;
  private final Writer writer;
  private final VectorizedRowBatch batch;
  private final ColumnVector[] vectors;
  private final VectorFiller[] fillers;
  private final boolean[] nullable;
  private final long[] nullCounts;
  private long rows;
  /** Rows handed to orc-core; those beyond {@code writer.getNumberOfRows()} are in its open stripe. */
  private long rowsToOrc;
  private State state = State.OPEN;
  private Throwable failure;

  private OrcFileWriter(Schema schema, FSDataOutputStream stream, PhysicalWriter physical, Writer writer,
      VectorizedRowBatch batch) {
    this.schema = schema;
    this.stream = stream;
    this.physical = physical;
    this.writer = writer;
    this.batch = batch;
    int n = schema.size();
    this.vectors = batch.cols;
    this.fillers = new VectorFiller[n];
    this.nullable = new boolean[n];
    this.nullCounts = new long[n];
    for (int i = 0; i < n; i++) {
      fillers[i] = VectorFiller.of(schema.column(i).type(), vectors[i]);
      nullable[i] = schema.column(i).nullable();
    }
  }

  /** Starts a file; on failure {@code out} is closed. */
  static OrcFileWriter open(OrcFormat format, Schema schema, PositionOutputStream out) throws IOException {
    FSDataOutputStream stream = null;
    PhysicalWriter physical = null;
    try {
      TypeDescription type = OrcSchemas.toOrc(schema);
      String bloomColumns = OrcSchemas.bloomFilterOption(format.bloomFilterColumns(), schema);
      Configuration conf = HadoopGlue.emptyConfiguration();
      OrcConf.DICTIONARY_KEY_SIZE_THRESHOLD.setDouble(conf, format.dictionaryKeySizeThreshold());
      if (format.level().isPresent()) {
        OrcConf.COMPRESSION_ZSTD_LEVEL.setInt(conf, format.level().getAsInt());
      }
      OrcFile.WriterOptions options = OrcFile.writerOptions(conf)
          .setSchema(type)
          .compress(OrcCodecs.kind(format.codec()))
          .stripeSize(format.stripeSize().bytes())
          .rowIndexStride(format.rowIndexStride())
          .buildIndex(format.rowIndexStride() > 0)
          .bufferSize((int) format.compressionBlockSize().bytes())
          .bloomFilterColumns(bloomColumns)
          .bloomFilterFpp(format.bloomFilterFpp())
          // HDFS block alignment means nothing to Partita's storage.
          .blockPadding(false)
          // Local timestamps are stored as given rather than shifted by the JVM's zone.
          .useUTCTimestamp(true)
          .setProlepticGregorian(true)
          .memory(HadoopGlue.SOLO_MEMORY_MANAGER)
          .setKeyProvider(HadoopGlue.NO_KEYS);
      stream = HadoopGlue.wrap(out);
      physical = new PhysicalFsWriter(stream, options, new WriterEncryptionVariant[0]);
      options.physicalWriter(physical);
      // The file system is only used when no physical writer is given.
      Writer writer = new WriterImpl(null, HadoopGlue.PLACEHOLDER_PATH, options);
      for (Map.Entry<String, String> e : format.userMetadata().entrySet()) {
        writer.addUserMetadata(e.getKey(), utf8(e.getValue()));
      }
      String timeColumns = OrcSchemas.timeColumnsJson(schema);
      if (timeColumns != null) {
        writer.addUserMetadata(OrcFormat.TIME_COLUMNS_KEY, utf8(timeColumns));
      }
      VectorizedRowBatch batch = type.createRowBatch(TypeDescription.RowBatchVersion.USE_DECIMAL64,
          format.batchSize());
      for (ColumnVector v : batch.cols) {
        // Partita's days and micros count in the proleptic Gregorian calendar, as the writer is told to.
        if (v instanceof DateColumnVector d) {
          d.setUsingProlepticCalendar(true);
        } else if (v instanceof TimestampColumnVector t) {
          t.setUsingProlepticCalendar(true);
        }
      }
      return new OrcFileWriter(schema, stream, physical, writer, batch);
    } catch (IOException | RuntimeException | Error e) {
      try {
        if (physical != null) {
          // returns the borrowed codec to orc-core's pool and closes the stream
          physical.close();
        } else if (stream != null) {
          stream.close();
        } else {
          out.close();
        }
      } catch (IOException | RuntimeException c) {
        e.addSuppressed(c);
      }
      throw e;
    }
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void write(Row row) throws IOException {
    ensureOpen();
    int r = batch.size;
    int c = 0;
    try {
      for (; c < vectors.length; c++) {
        ColumnVector v = vectors[c];
        if (row.isNull(c)) {
          if (!nullable[c]) {
            throw new InvalidRowException(schema.column(c).name(), rows + 1, "null in required column of type "
                + schema.column(c).type());
          }
          v.noNulls = false;
          v.isNull[r] = true;
        } else {
          // Set on every row: a row rejected half-way may have left a null flag at this index.
          v.isNull[r] = false;
          fillers[c].set(row, c, r);
        }
      }
    } catch (VectorFiller.Unwritable e) {
      throw new InvalidRowException(schema.column(c).name(), rows + 1, e.getMessage());
    }
    batch.size = r + 1;
    rows++;
    if (batch.size == batch.getMaxSize()) {
      writeBatch();
    }
  }

  /** Hands the batch to orc-core, which may write a stripe, and empties it. */
  private void writeBatch() throws IOException {
    int size = batch.size;
    for (int c = 0; c < vectors.length; c++) {
      ColumnVector v = vectors[c];
      if (!v.noNulls) {
        boolean[] isNull = v.isNull;
        long n = 0;
        for (int i = 0; i < size; i++) {
          if (isNull[i]) {
            n++;
          }
        }
        nullCounts[c] += n;
      }
    }
    try {
      writer.addRowBatch(batch);
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
      throw e;
    }
    rowsToOrc += size;
    batch.reset();
  }

  /**
   * Memory held: orc-core's estimate for its open stripe (stream buffers, compressed chunks, dictionaries) plus the
   * batch's vectors. The file size is the bytes on the stream plus the open stripe's rows at the bytes per row of
   * the stripes written so far; before the first stripe there is no such ratio and orc-core's memory estimate
   * stands in, which overstates small files (its buffers are allocated in whole compression blocks).
   */
  @Override
  public FormatProgress progress() {
    ensureOpen();
    long orcBuffered = writer.estimateMemory();
    long batchBytes = 0;
    for (VectorFiller f : fillers) {
      batchBytes += f.retainedBytes();
    }
    long onStream = stream.getPos();
    long inStripes = writer.getNumberOfRows();
    long open;
    if (inStripes > 0) {
      open = (long) ((double) onStream / inStripes * (rows - inStripes));
    } else {
      open = orcBuffered + (rowsToOrc == 0 ? 0 : (long) ((double) orcBuffered / rowsToOrc * batch.size));
    }
    return new FormatProgress(rows, orcBuffered + batchBytes, onStream + open);
  }

  /**
   * Ends the open stripe now. orc-core exposes this as {@link Writer#writeIntermediateFooter()}, which also writes
   * a footer that makes the file readable up to here; the final footer written by {@link #finish()} supersedes
   * it. A no-op when no row is buffered.
   */
  @Override
  public void flush() throws IOException {
    ensureOpen();
    if (batch.size > 0) {
      writeBatch();
    }
    if (rowsToOrc > writer.getNumberOfRows()) {
      try {
        writer.writeIntermediateFooter();
      } catch (IOException | RuntimeException | Error e) {
        fail(e);
        throw e;
      }
    }
  }

  @Override
  public FileMetrics finish() throws IOException {
    ensureOpen();
    ColumnStatistics[] stats;
    try {
      if (batch.size > 0) {
        writeBatch();
      }
      writer.close();
      stats = writer.getStatistics();
    } catch (IOException | RuntimeException | Error e) {
      fail(e);
      closeQuietly(e);
      throw e;
    }
    state = State.FINISHED;
    List<ColumnStats> columns = new ArrayList<>(schema.size());
    for (int c = 0; c < schema.size(); c++) {
      // ORC numbers the root struct 0 and its fields from 1.
      columns.add(OrcStatistics.toColumnStats(schema.column(c), stats[c + 1], rows, nullCounts[c],
          fillers[c].sawNaN()));
    }
    return new FileMetrics(rows, stream.getPos(), columns);
  }

  /** Closes the stream without a footer. Problems closing are dropped: the caller deletes the file. */
  @Override
  public void abort() {
    if (state == State.FINISHED || state == State.ABORTED) {
      return;
    }
    state = State.ABORTED;
    closeQuietly(null);
  }

  private void closeQuietly(Throwable primary) {
    try {
      // Returns the codec to orc-core's pool and closes the stream, writing nothing more.
      physical.close();
    } catch (IOException | RuntimeException e) {
      // orc-core closes itself after a failed batch, so the physical writer may be closed already.
      if (primary != null && e != primary) {
        primary.addSuppressed(e);
      }
    }
    try {
      stream.close();
    } catch (IOException | RuntimeException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }

  private void fail(Throwable t) {
    state = State.FAILED;
    failure = t;
  }

  private void ensureOpen() {
    switch (state) {
      case OPEN -> {
        return;
      }
      case FAILED -> throw new IllegalStateException("ORC writer failed earlier and cannot go on; abort it", failure);
      case FINISHED -> throw new IllegalStateException("ORC writer is finished");
      case ABORTED -> throw new IllegalStateException("ORC writer is aborted");
    }
  }
}
