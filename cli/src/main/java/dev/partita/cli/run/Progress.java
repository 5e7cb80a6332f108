package dev.partita.cli.run;

import dev.partita.cli.input.ByteMeter;
import dev.partita.write.PartitionedWriter;
import dev.partita.write.WriterMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a progress line to stderr about once a second while a write runs: rows, rows/s, bytes read and
 * written, open files. Runs on a daemon thread and reads only thread-safe counters, so the writing thread pays
 * nothing for it.
 */
final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final ByteMeter read;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile PartitionedWriter writer;
  private volatile boolean stopped;
  private int lastWidth;

  Progress(PrintWriter err, ByteMeter read) {
    this.err = err;
    this.read = read;
    this.thread = new Thread(this::run, "partita-progress");
    thread.setDaemon(true);
    thread.start();
  }

  void watch(PartitionedWriter w) {
    this.writer = w;
  }

  private void run() {
    while (!stopped) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
      if (!stopped) {
        print();
      }
    }
  }

  private synchronized void print() {
    PartitionedWriter w = writer;
    double secs = (System.nanoTime() - start) / 1e9;
    String line;
    if (w == null) {
      line = String.format(Locale.ROOT, "reading sample... %s read, %.0fs", Sizes.human(read.get()), secs);
    } else {
      WriterMetrics m = w.metrics();
      line = String.format(Locale.ROOT, "%,d rows  %,.0f rows/s  read %s  written %s (+%s buffered)  open files %d"
          + "  partitions %,d", m.rows(), m.rows() / Math.max(secs, 1e-9), Sizes.human(read.get()),
          Sizes.human(m.bytes()), Sizes.human(m.bufferedBytes()), m.openFiles(), m.partitions());
    }
    int pad = Math.max(0, lastWidth - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    lastWidth = line.length();
  }

  @Override
  public synchronized void close() {
    stopped = true;
    thread.interrupt();
    if (lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
  }
}
