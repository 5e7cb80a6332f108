package dev.partita.write;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters of one writing thread (a single-threaded writer, one worker or one producer of a parallel
 * writer): written only by that thread with ordered stores (no lock, no contention), read by any thread.
 * {@link WriteContext#metrics()} sums the counters of every thread of a write.
 */
final class Counters {
  final AtomicLong rows = new AtomicLong();
  final AtomicLong rejectedRows = new AtomicLong();
  final AtomicLong files = new AtomicLong();
  final AtomicLong bytes = new AtomicLong();
  /** This thread's part of {@link WriteContext#bufferedBytes()}. */
  final AtomicLong bufferedBytes = new AtomicLong();
  final AtomicLong flushes = new AtomicLong();
  final AtomicLong evictions = new AtomicLong();
  /** Times this thread, needing a file with none open while all were taken, asked another writer for one. */
  final AtomicLong fileAsks = new AtomicLong();

  /** Adds to a counter that only the owning thread changes. */
  static void add(AtomicLong counter, long delta) {
    counter.setRelease(counter.getPlain() + delta);
  }
}
