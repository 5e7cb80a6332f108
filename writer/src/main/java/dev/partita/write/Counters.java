package dev.partita.write;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters behind {@link WriterMetrics}: written by the writing thread with ordered stores (no lock,
 * no contention), read by any thread.
 */
final class Counters {
  final AtomicLong rows = new AtomicLong();
  final AtomicLong rejectedRows = new AtomicLong();
  final AtomicLong files = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  final AtomicLong openFiles = new AtomicLong();
  final AtomicLong bufferedBytes = new AtomicLong();
  final AtomicLong flushes = new AtomicLong();
  final AtomicLong evictions = new AtomicLong();
  final AtomicLong partitions = new AtomicLong();

  /** Adds to a counter that only the writing thread changes. */
  static void add(AtomicLong counter, long delta) {
    counter.setRelease(counter.getPlain() + delta);
  }

  WriterMetrics snapshot() {
    return new WriterMetrics(rows.getAcquire(), rejectedRows.getAcquire(), files.getAcquire(), bytes.getAcquire(),
        openFiles.getAcquire(), bufferedBytes.getAcquire(), flushes.getAcquire(), evictions.getAcquire(),
        partitions.getAcquire());
  }
}
