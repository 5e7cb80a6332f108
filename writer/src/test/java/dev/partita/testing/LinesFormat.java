package dev.partita.testing;

import dev.partita.format.ColumnStats;
import dev.partita.format.FileFormat;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A test-only file format: a header line of column names, then one line per row of tab-separated values in
 * {@link #text} form ({@code \N} for null). Buffers rows in memory until {@link FormatWriter#flush()} or
 * {@code bufferLimit} so the core's memory accounting can be observed.
 */
public final class LinesFormat implements FileFormat {
  private final int bufferLimit;
  private final long perFileOverhead;

  /** A format that buffers up to {@code bufferLimit} characters and reports a fixed per-file overhead. */
  public LinesFormat(int bufferLimit, long perFileOverhead) {
    this.bufferLimit = bufferLimit;
    this.perFileOverhead = perFileOverhead;
  }

  /** A format with a 64 KiB buffer and no overhead. */
  public LinesFormat() {
    this(64 * 1024, 0);
  }

  @Override
  public String name() {
    return "lines";
  }

  @Override
  public String fileSuffix() {
    return ".lines";
  }

  /** The canonical text of a value as this format writes it. */
  public static String text(Row row, int i, Column c) {
    if (row.isNull(i)) {
      return "\\N";
    }
    return switch (c.type().kind()) {
      case BOOLEAN -> Boolean.toString(row.getBoolean(i));
      case INT32, DATE -> Integer.toString(row.getInt(i));
      case INT64, TIME, TIMESTAMP -> Long.toString(row.getLong(i));
      case FLOAT32 -> Float.toString(row.getFloat(i));
      case FLOAT64 -> Double.toString(row.getDouble(i));
      case DECIMAL -> row.getDecimal(i).toPlainString();
      case STRING -> row.getString(i).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
      case BINARY -> java.util.HexFormat.of().formatHex(row.getBinary(i));
    };
  }

  /** Reads a file back: the header's column names, then the rows as split text values. */
  public static List<String[]> read(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(line.split("\t", -1));
    }
    return out;
  }

  @Override
  public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
    return new Writer(schema, out);
  }

  private final class Writer implements FormatWriter {
    private final Schema schema;
    private final PositionOutputStream out;
    private final StringBuilder buffer = new StringBuilder();
    private long rows;
    private boolean closed;

    Writer(Schema schema, PositionOutputStream out) {
      this.schema = schema;
      this.out = out;
      for (int i = 0; i < schema.size(); i++) {
        buffer.append(i == 0 ? "" : "\t").append(schema.column(i).name());
      }
      buffer.append('\n');
    }

    @Override
    public void write(Row row) throws IOException {
      if (closed) {
        throw new IllegalStateException("closed");
      }
      for (int i = 0; i < schema.size(); i++) {
        buffer.append(i == 0 ? "" : "\t").append(text(row, i, schema.column(i)));
      }
      buffer.append('\n');
      rows++;
      if (buffer.length() >= bufferLimit) {
        flush();
      }
    }

    @Override
    public FormatProgress progress() {
      return new FormatProgress(rows, buffer.length() + perFileOverhead, out.position() + buffer.length());
    }

    @Override
    public void flush() throws IOException {
      out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
      buffer.setLength(0);
    }

    @Override
    public FileMetrics finish() throws IOException {
      flush();
      closed = true;
      out.close();
      List<ColumnStats> stats = Arrays.stream(schema.columns().toArray(Column[]::new))
          .map(c -> new ColumnStats(c.name(), rows, 0, Optional.empty(), Optional.empty())).toList();
      return new FileMetrics(rows, out.position(), stats);
    }

    @Override
    public void abort() {
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        // the caller deletes the file
      }
    }
  }
}
