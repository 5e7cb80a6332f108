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
import java.math.BigDecimal;
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
  /** Whether values JSON has no literal for are written as JSON strings (see {@link #putValue}). */
  private final boolean jsonStrings;
  private byte[] compressed = new byte[0];
  private long rows;
  private long rawCompressed;
  private long compressedWritten;
  private boolean blockWritten;
  private State state = State.OPEN;

  /**
   * A writer of {@code schema} rows to {@code out}.
   *
   * @param jsonStrings whether values that JSON has no literal for are written as JSON strings
   */
  TextFileWriter(Schema schema, PositionOutputStream out, CompressionCodec codec, int chunkSize,
      boolean jsonStrings) {
    this.schema = schema;
    this.jsonStrings = jsonStrings;
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

  /**
   * Encodes the value of non-null column {@code i}, which is not a string (each syntax quotes strings its own
   * way), and adds it to {@link #stats}: booleans, integers, floats ({@link Float#toString},
   * {@link Double#toString}) and decimals (plain) as literals; binary as base64; dates, times and timestamps in
   * ISO-8601. For JSON, binary, dates, times, timestamps and the floats NaN and ±Infinity are JSON strings.
   */
  final void putValue(Row row, int i) {
    TextBuffer b = buffer;
    DataType t = types[i];
    switch (t.kind()) {
      case BOOLEAN -> {
        boolean v = row.getBoolean(i);
        stats.addBoolean(i, v);
        b.putAscii(v ? "true" : "false");
      }
      case INT32 -> {
        int v = row.getInt(i);
        stats.addInt(i, v);
        b.putLong(v);
      }
      case INT64 -> {
        long v = row.getLong(i);
        stats.addLong(i, v);
        b.putLong(v);
      }
      case FLOAT32 -> {
        float v = row.getFloat(i);
        stats.addFloat(i, v);
        putFloatText(Float.toString(v), Float.isFinite(v));
      }
      case FLOAT64 -> {
        double v = row.getDouble(i);
        stats.addDouble(i, v);
        putFloatText(Double.toString(v), Double.isFinite(v));
      }
      case DECIMAL -> {
        BigDecimal v = row.getDecimal(i);
        stats.addDecimal(i, v);
        b.putAscii(v.toPlainString());
      }
      case BINARY -> {
        byte[] v = row.getBinary(i);
        stats.addBinary(i, v);
        jsonQuote();
        b.putBase64(v);
        jsonQuote();
      }
      case DATE -> {
        int v = row.getInt(i);
        stats.addInt(i, v);
        jsonQuote();
        b.putDate(v);
        jsonQuote();
      }
      case TIME -> {
        long v = row.getLong(i);
        stats.addLong(i, v);
        jsonQuote();
        b.putTime(v);
        jsonQuote();
      }
      case TIMESTAMP -> {
        long v = row.getLong(i);
        stats.addLong(i, v);
        jsonQuote();
        b.putTimestamp(v, t.isAdjustedToUtc());
        jsonQuote();
      }
      default -> throw new IllegalStateException("unhandled type " + t);
    }
  }

  /** A float's text; JSON has no NaN or infinities, so there they become the strings "NaN", "Infinity", ... */
  private void putFloatText(String text, boolean finite) {
    if (jsonStrings && !finite) {
      buffer.put((byte) '"');
      buffer.putAscii(text);
      buffer.put((byte) '"');
    } else {
      buffer.putAscii(text);
    }
  }

  private void jsonQuote() {
    if (jsonStrings) {
      buffer.put((byte) '"');
    }
  }

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
