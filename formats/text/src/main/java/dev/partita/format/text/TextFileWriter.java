package dev.partita.format.text;

import dev.partita.codec.CompressionCodec;
import dev.partita.format.ColumnStatsCollector;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The part of the CSV and JSON Lines writers that is not about syntax: rows are encoded into one reusable
 * chunk buffer; a full chunk (or {@link #flush}) goes to the stream as it is, or compressed as one block. With
 * gzip every block is a complete gzip member and with zstd a complete frame, so the file is one valid
 * multi-member {@code .gz} / multi-frame {@code .zst} stream.
 */
abstract class TextFileWriter implements FormatWriter {
  private enum State { OPEN, FAILED, FINISHED, ABORTED }

  final Schema schema;
  final DataType[] types;
  final TextBuffer buffer;
  final ColumnStatsCollector stats;
  private final PositionOutputStream out;
  private final CompressionCodec codec;
  private final boolean compressing;
  private final int chunkSize;
  private final int[] timeColumns;
  private byte[] compressed = new byte[0];
  private long rows;
  private long rawCompressed;
  private long compressedWritten;
  private boolean blockWritten;
  private State state = State.OPEN;

  TextFileWriter(Schema schema, PositionOutputStream out, CompressionCodec codec, int chunkSize) {
    this.schema = schema;
    this.out = out;
    this.codec = codec;
    this.compressing = !codec.name().equals("none");
    this.chunkSize = chunkSize;
    this.buffer = new TextBuffer(chunkSize + chunkSize / 8);
    this.stats = new ColumnStatsCollector(schema);
    this.types = new DataType[schema.size()];
    int times = 0;
    for (int i = 0; i < types.length; i++) {
      types[i] = schema.column(i).type();
      times += types[i].kind() == DataType.Kind.TIME ? 1 : 0;
    }
    this.timeColumns = new int[times];
    for (int i = 0, t = 0; i < types.length; i++) {
      if (types[i].kind() == DataType.Kind.TIME) {
        timeColumns[t++] = i;
      }
    }
  }

  /** Encodes one row, newline included, into {@link #buffer} and adds its values to {@link #stats}. */
  abstract void encodeRow(Row row);

  @Override
  public final void write(Row row) throws IOException {
    checkOpen("write");
    // Time values arrive as plain longs; refuse one that is not a time of day before any byte is encoded.
    for (int c : timeColumns) {
      if (!row.isNull(c)) {
        long v = row.getLong(c);
        if (v < 0 || v >= TextBuffer.MICROS_PER_DAY) {
          throw new InvalidRowException(schema.column(c).name(), rows + 1,
              "time value " + v + " is not in 0..86399999999 microseconds of the day");
        }
      }
    }
    state = State.FAILED;
    encodeRow(row);
    rows++;
    if (buffer.size() >= chunkSize) {
      writeChunk();
    }
    state = State.OPEN;
  }

  @Override
  public final FormatProgress progress() {
    long buffered = buffer.size();
    long estimate = buffered;
    if (compressing && rawCompressed > 0) {
      estimate = (long) Math.ceil(buffered * ((double) compressedWritten / rawCompressed));
    }
    return new FormatProgress(rows, buffered, out.position() + estimate);
  }

  @Override
  public final void flush() throws IOException {
    checkOpen("flush");
    if (buffer.size() > 0) {
      state = State.FAILED;
      writeChunk();
      state = State.OPEN;
    }
  }

  @Override
  public final FileMetrics finish() throws IOException {
    checkOpen("finish");
    state = State.FAILED;
    // A compressed file with no bytes at all is not a valid .gz/.zst: write at least one (empty) block.
    if (buffer.size() > 0 || (compressing && !blockWritten)) {
      writeChunk();
    }
    out.close();
    state = State.FINISHED;
    return new FileMetrics(rows, out.position(), stats.stats());
  }

  @Override
  public final void abort() {
    if (state == State.FINISHED || state == State.ABORTED) {
      return;
    }
    state = State.ABORTED;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not close the aborted " + this + " file", e);
    }
  }

  private void checkOpen(String operation) {
    if (state != State.OPEN) {
      throw new IllegalStateException(switch (state) {
        case FAILED -> "cannot " + operation + ": an earlier write of this file failed; abort the writer";
        case FINISHED -> "cannot " + operation + ": the file is already finished";
        default -> "cannot " + operation + ": the writer was aborted";
      });
    }
  }

  private void writeChunk() throws IOException {
    int n = buffer.size();
    if (!compressing) {
      out.write(buffer.array(), 0, n);
    } else {
      int bound = codec.maxCompressedLength(n);
      if (compressed.length < bound) {
        compressed = new byte[bound];
      }
      int c = codec.compress(ByteBuffer.wrap(buffer.array(), 0, n), ByteBuffer.wrap(compressed));
      out.write(compressed, 0, c);
      rawCompressed += n;
      compressedWritten += c;
    }
    blockWritten = true;
    buffer.reset();
  }
}
