package dev.partita.write;

import dev.partita.commit.DataFile;
import dev.partita.format.FileMetrics;
import dev.partita.format.FormatProgress;
import dev.partita.format.FormatWriter;
import dev.partita.row.Row;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Owns one partition's sequence of files: its router opens a file for a row ({@link #open()}, after taking one of
 * the write's open-file slots), the file closes at the target size or row count, and the next row opens a new one.
 * A file is only ever created for a row, so no empty file is left behind. The slot is given back when the file
 * closes or is dropped. Used by one thread; only the {@link WriteContext} it reports to is shared.
 */
final class RollingFileWriter {
  /**
   * Most rows between readings of the open file's size and buffered bytes; fewer when the file's buffers grow
   * fast for its part of the budget (see {@link WriteContext#checkInterval}).
   */
  static final int CHECK_INTERVAL = 100;

  private final WriteContext ctx;
  private final Counters counters;
  private final String directory;
  private final Map<String, String> partitionValues;
  private FormatWriter current;
  private String currentPath;
  private long rowsInFile;
  private long nextCheck;
  private long lastCheck;
  /** Buffered bytes as last read from the open file. */
  private long measured;
  /** The part of {@link #measured} the shared budget has admitted (counted in the context and counters). */
  private long admitted;

  RollingFileWriter(WriteContext ctx, Counters counters, String directory, Map<String, String> partitionValues) {
    this.ctx = ctx;
    this.counters = counters;
    this.directory = directory;
    this.partitionValues = partitionValues;
  }

  /** The table-relative directory of the partition ("" when unpartitioned). */
  String directory() {
    return directory;
  }

  /** Whether a file is open now. */
  boolean isOpen() {
    return current != null;
  }

  /** Bytes the open file buffers, as last read. */
  long bufferedBytes() {
    return measured;
  }

  /** Growth of the open file's buffers that the budget has not admitted yet (see {@link #readmit}). */
  long pendingGrowth() {
    return measured - admitted;
  }

  /** Writes a row into the open file (see {@link #open()}); closes the file when it reached its size. */
  void write(Row row) throws IOException {
    current.write(row);
    rowsInFile++;
    if (rowsInFile >= nextCheck) {
      check();
    }
  }

  /**
   * Opens the partition's next file. The caller has taken an open-file slot for it ({@link WriteContext#tryOpenFile});
   * it is given back if opening fails.
   */
  void open() throws IOException {
    boolean opened = false;
    try {
      String name = ctx.nextFileName();
      String path = directory.isEmpty() ? name : directory + "/" + name;
      PositionOutputStream out = ctx.storage.create(ctx.transaction.stagingPath(path));
      try {
        current = ctx.format.open(ctx.dataSchema, out);
      } catch (IOException | RuntimeException e) {
        try {
          out.close();
        } catch (IOException c) {
          e.addSuppressed(c);
        }
        throw e;
      }
      currentPath = path;
      rowsInFile = 0;
      nextCheck = 1;
      lastCheck = 0;
      opened = true;
    } finally {
      if (!opened) {
        ctx.fileClosed();
      }
    }
  }

  private void check() throws IOException {
    FormatProgress p = current.progress();
    long growth = p.bufferedBytes() - measured;
    measure(p.bufferedBytes());
    if (p.estimatedFileSize() >= ctx.targetFileSize || rowsInFile >= ctx.maxRowsPerFile) {
      closeFile();
    } else {
      // Growth until the next reading is not counted yet: the faster this file grew, the sooner it is read again.
      long perRow = growth <= 0 ? 0 : growth / (rowsInFile - lastCheck);
      lastCheck = rowsInFile;
      nextCheck = Math.min(rowsInFile + ctx.checkInterval(perRow), ctx.maxRowsPerFile);
    }
  }

  /**
   * Accounts a reading of the file's buffered bytes: shrinking is given back at once, growth is admitted only if
   * the shared budget has room; otherwise it stays pending and the router relieves memory before the next row.
   */
  private void measure(long buffered) {
    measured = buffered;
    long delta = buffered - admitted;
    if (delta < 0) {
      ctx.release(-delta);
    } else if (delta == 0 || !ctx.tryReserve(delta)) {
      return;
    }
    admitted = buffered;
    Counters.add(counters.bufferedBytes, delta);
  }

  /** Tries again to admit pending growth; true when nothing is pending any more. */
  boolean readmit() {
    measure(measured);
    return measured == admitted;
  }

  /** Writes buffered rows out early (memory budget). */
  void flush() throws IOException {
    if (current != null) {
      current.flush();
      measure(current.progress().bufferedBytes());
    }
  }

  /** Completes the open file, if any, and records it for the commit; a file left without rows is dropped. */
  void closeFile() throws IOException {
    if (current == null) {
      return;
    }
    FormatWriter w = current;
    current = null;
    ctx.fileClosed();
    measure(0);
    if (rowsInFile == 0) {
      // Its only rows were rejected by the format: no empty file is ever published.
      w.abort();
      ctx.transaction.discardStaged(currentPath);
      return;
    }
    FileMetrics m = w.finish();
    ctx.fileCompleted(new DataFile(currentPath, partitionValues, m.rows(), m.bytes(), m.columns()));
    Counters.add(counters.files, 1);
    Counters.add(counters.bytes, m.bytes());
  }

  /** Drops the open file; the transaction deletes what was staged. */
  void abort() {
    if (current != null) {
      FormatWriter w = current;
      current = null;
      ctx.fileClosed();
      measure(0);
      w.abort();
    }
  }
}
