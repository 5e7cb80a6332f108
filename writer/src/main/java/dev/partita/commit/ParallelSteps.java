package dev.partita.commit;

import dev.partita.internal.Threads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one file-system step per item on several threads, for commits that publish many files: each step is a few
 * system calls that wait on the file system (creating a partition's folder can take a quarter of a millisecond),
 * so a thousand partitions published one by one would leave the writer's other threads idle.
 */
final class ParallelSteps {
  /** Fewest items per thread worth a thread of its own. */
  static final int MIN_ITEMS_PER_THREAD = 16;

  private ParallelSteps() {}

  /** One step on one item. */
  @FunctionalInterface
  interface Step<T> {
    void run(T item) throws IOException;
  }

  /**
   * Runs {@code step} on every item, on up to {@code threads} threads (the caller's among them), in no particular
   * order. After a failure no new item is started; the first failure is thrown once every thread has stopped,
   * with the others suppressed.
   */
  static <T> void run(int threads, List<T> items, Step<T> step) throws IOException {
    int n = Math.min(threads, items.size() / MIN_ITEMS_PER_THREAD);
    if (n <= 1) {
      for (T item : items) {
        step.run(item);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Throwable> failures = new ArrayList<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        try {
          step.run(items.get(i));
        } catch (Throwable t) {
          synchronized (failures) {
            failures.add(t);
          }
          next.set(items.size());
          return;
        }
      }
    };
    List<Thread> helpers = new ArrayList<>();
    try {
      for (int t = 1; t < n; t++) {
        Thread h = new Thread(worker, "partita-commit-" + t);
        h.setDaemon(true);
        h.start();
        helpers.add(h);
      }
      worker.run();
    } finally {
      for (Thread h : helpers) {
        Threads.joinUninterruptibly(h);
      }
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      for (Throwable t : failures.subList(1, failures.size())) {
        first.addSuppressed(t);
      }
      if (first instanceof IOException e) {
        throw e;
      }
      if (first instanceof RuntimeException e) {
        throw e;
      }
      if (first instanceof Error e) {
        throw e;
      }
      throw new IOException(first);
    }
  }
}
