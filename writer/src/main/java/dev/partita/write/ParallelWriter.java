package dev.partita.write;

import dev.partita.PartitaException;
import dev.partita.commit.CommitResult;
import dev.partita.commit.WriteTransaction;
import dev.partita.internal.Threads;
import dev.partita.partition.PartitionKey;
import dev.partita.partition.PartitionPaths;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.storage.Storage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fanout routing on {@link WriteOptions#parallelism()} worker threads; {@code write} may be called from any
 * number of producer threads at once.
 *
 * <p>On the producer (the calling thread): the row is checked (required columns, partition directory), its
 * partition key computed, and it is copied into this thread's {@link RowBatch} for the worker that owns the
 * partition, tagged with the producer's route of the partition (so the worker finds its file without computing
 * the key again). A partition's owner is chosen once for the whole write, when a producer first sees it: the
 * worker owning the fewest partitions (then the one given the fewest rows), so a few partitions of similar size
 * split evenly. A full batch goes to that worker's bounded queue; a producer faster than the workers waits
 * there (back-pressure). Each producer thread has its own key, routes and batches, so no lock is taken per row;
 * its partly filled batches are handed over at commit.
 *
 * <p>On the workers: each owns a {@link FanoutWriter} over the one shared {@link WriteContext}, so every file
 * has exactly one writing thread, files are staged in the one transaction and named by one counter, and all
 * workers share the memory budget and the open-file limit, by need (a worker needing a file while all are taken
 * closes its own least recently used one, or asks the worker holding the oldest file of the write). Skew: a
 * partition that took at least 1/N of a producer's last {@value #HOT_WINDOW} rows is spread over
 * {@code 1 + share * N} workers (at most N) in rotation, each writing its own files of it, so a hot partition
 * still uses every core.
 *
 * <p>{@link #commit()} hands over the producers' last batches, lets every worker close its files (in parallel)
 * and commits them all at once. A worker that fails stops taking rows but keeps draining its queue, so no
 * producer hangs; the next {@code write} or the commit then waits for every worker, aborts the transaction and
 * throws the earliest failure with the others suppressed. {@code commit}, {@code abort} and {@code close} must be
 * called once every producer's {@code write} has returned.
 */
final class ParallelWriter implements PartitionedWriter {
  /**
   * Batches a worker's queue holds before producers wait: enough that a worker busy for a while (a page to
   * compress, the scheduler) does not keep the producer waiting on its full queue while another worker runs dry
   * (with 4, workers of a 2-thread write waited up to a quarter of the time; with 16, a few percent).
   */
  static final int QUEUE_BATCHES = 16;
  /** Rows of a producer over which partition shares are counted (a power of two). */
  static final int HOT_WINDOW = 4096;
  private static final int HOT_WINDOW_BITS = Integer.numberOfTrailingZeros(HOT_WINDOW);
  /** How long a blocked hand-off or an idle worker waits before it checks for failures and relief requests. */
  private static final long WAIT_MILLIS = 10;
  private static final RowBatch FINISH = RowBatch.marker();
  private static final RowBatch ABORT = RowBatch.marker();
  /** Wakes an idle worker to serve another thread's request (a file, memory); carries no rows. */
  private static final RowBatch WAKE = RowBatch.marker();

  private enum State { OPEN, CLOSING, COMMITTED, ABORTED, FAILED }

  private final WriteOptions options;
  private final WriteContext ctx;
  private final RowChecks checks;
  private final PartitionPaths paths;
  /** The schema position of each data-file column (null: all), the columns batches carry. */
  private final int[] dataColumns;
  private final Worker[] workers;
  private final ArrayBlockingQueue<RowBatch> pool;
  private final Map<Thread, Producer> producers = new ConcurrentHashMap<>();
  /** The worker owning each partition, chosen when the first producer sees it. */
  private final ConcurrentHashMap<PartitionKey, Integer> owners = new ConcurrentHashMap<>();
  private final AtomicLong failureOrder = new AtomicLong();
  private final Object lifecycle = new Object();
  private volatile State state = State.OPEN;
  private volatile boolean workerFailed;
  /** Guarded by {@link #lifecycle}. */
  private boolean workersStopped;
  /** The failure already thrown to the caller; guarded by {@link #lifecycle}. */
  private PartitaException reported;

  ParallelWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    this.options = options;
    this.ctx = WriteContext.create(storage, tx, options);
    this.checks = new RowChecks(options.schema());
    this.paths = PartitionPaths.of(options.partitionSpec()).withDefaultPartitionName(options.defaultPartitionName());
    int n = options.parallelism();
    this.pool = new ArrayBlockingQueue<>(n * (QUEUE_BATCHES + 2));
    this.workers = new Worker[n];
    for (int i = 0; i < n; i++) {
      workers[i] = new Worker(i, new FanoutWriter(ctx));
    }
    this.dataColumns = workers[0].writer.dataColumns();
    int started = 0;
    try {
      for (; started < n; started++) {
        workers[started].thread.start();
      }
    } catch (RuntimeException | Error e) {
      for (int i = 0; i < started; i++) {
        handOff(workers[i], ABORT);
        Threads.joinUninterruptibly(workers[i].thread);
      }
      throw e;
    }
  }

  @Override
  public void write(Row row) {
    Objects.requireNonNull(row, "row");
    checkWritable();
    Thread t = Thread.currentThread();
    Producer p = producers.get(t);
    if (p == null) {
      p = producers.computeIfAbsent(t, Producer::new);
    }
    p.write(row);
  }

  @Override
  public WriterMetrics metrics() {
    return ctx.metrics();
  }

  /** Times a worker with no open file asked another for one; for tests. */
  long fileAsks() {
    return ctx.fileAsks();
  }

  @Override
  public CommitResult commit() {
    synchronized (lifecycle) {
      if (state != State.OPEN) {
        throw notOpen();
      }
      state = State.CLOSING;
      boolean delivered = !workerFailed && handOverBatches();
      List<Throwable> failures = stopWorkers(delivered && !workerFailed ? FINISH : ABORT);
      releaseProducers();
      if (!failures.isEmpty()) {
        state = State.FAILED;
        PartitaException e = failure(failures);
        abortTransaction(e);
        reported = e;
        throw e;
      }
      state = State.COMMITTED;
      return ctx.commit();
    }
  }

  /**
   * Discards everything written. Throws when a worker had failed without the failure being reported yet, or
   * when the staged files could not be removed; nothing is visible either way. Idempotent.
   */
  @Override
  public void abort() {
    synchronized (lifecycle) {
      if (state == State.COMMITTED || state == State.ABORTED || state == State.FAILED) {
        releaseProducers();
        return;
      }
      state = State.ABORTED;
      List<Throwable> failures = stopWorkers(ABORT);
      releaseProducers();
      PartitaException e = failures.isEmpty() ? null : failure(failures);
      try {
        ctx.transaction.abort();
      } catch (RuntimeException a) {
        if (e == null) {
          throw a;
        }
        e.addSuppressed(a);
      }
      if (e != null) {
        throw e;
      }
    }
  }

  @Override
  public void close() {
    abort();
  }

  /** Throws when rows may not be written now: after commit or abort, or once a worker failed. */
  private void checkWritable() {
    if (workerFailed) {
      throw failFromWorker();
    }
    if (state != State.OPEN) {
      throw notOpen();
    }
  }

  /** Handles a worker failure found by a producer: stops every worker, aborts, and returns what to throw. */
  private RuntimeException failFromWorker() {
    synchronized (lifecycle) {
      if (state != State.OPEN) {
        return notOpen();
      }
      state = State.FAILED;
      PartitaException e = failure(stopWorkers(ABORT));
      abortTransaction(e);
      reported = e;
      return e;
    }
  }

  private IllegalStateException notOpen() {
    return new IllegalStateException("writer is " + state.name().toLowerCase(Locale.ROOT) + "; start a new write",
        reported);
  }

  private void abortTransaction(PartitaException e) {
    try {
      ctx.transaction.abort();
    } catch (RuntimeException a) {
      e.addSuppressed(a);
    }
  }

  /** The exception for worker failures: the earliest as the cause, the others suppressed. */
  private PartitaException failure(List<Throwable> failures) {
    Throwable first = failures.get(0);
    String hint = first instanceof InvalidRowException
        ? " (the format refused a row after its producer had returned, so the write fails; check such values"
            + " before writing, or write with parallelism 1 to have the row rejected alone)"
        : "";
    PartitaException e = new PartitaException("write " + ctx.transaction.writeId() + " failed in a worker thread: "
        + first.getMessage() + hint + "; nothing of it is visible", first);
    for (Throwable t : failures.subList(1, failures.size())) {
      e.addSuppressed(t);
    }
    return e;
  }

  /** Hands every producer's partly filled batches to the workers; false when a worker failed meanwhile. */
  private boolean handOverBatches() {
    for (Producer p : producers.values()) {
      for (int w = 0; w < workers.length; w++) {
        RowBatch b = p.batches[w];
        if (b != null && b.size() > 0) {
          b.stamp = ctx.tick();
          workers[w].given.addAndGet(b.size());
          if (!handOff(workers[w], b)) {
            return false;
          }
          p.batches[w] = null;
        }
      }
    }
    return true;
  }

  /**
   * Puts {@code b} in a worker's queue, waiting while it is full. Gives up (false) when a worker failed, unless
   * {@code b} is a stop marker (a failed worker still drains its queue), or when the worker's thread is gone.
   */
  private boolean handOff(Worker w, RowBatch b) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (w.queue.offer(b, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            return true;
          }
        } catch (InterruptedException e) {
          interrupted = true;
        }
        if (!w.thread.isAlive()) {
          w.fail(new IllegalStateException("worker thread " + w.thread.getName() + " ended unexpectedly"));
          return false;
        }
        if (workerFailed && b != FINISH && b != ABORT) {
          return false;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sends {@code marker} to every worker and waits until all have stopped; their failures, earliest first. */
  private List<Throwable> stopWorkers(RowBatch marker) {
    if (!workersStopped) {
      workersStopped = true;
      for (Worker w : workers) {
        handOff(w, marker);
      }
      for (Worker w : workers) {
        Threads.joinUninterruptibly(w.thread);
      }
    }
    List<Worker> failed = new ArrayList<>();
    for (Worker w : workers) {
      if (w.failure != null) {
        failed.add(w);
      }
    }
    failed.sort(Comparator.comparingLong(w -> w.failedAt));
    return failed.stream().map(w -> w.failure).toList();
  }

  /** Drops every producer's state (batches, routes); producers are done by the lifecycle contract. */
  private void releaseProducers() {
    producers.clear();
  }


  /** The owner of a partition first seen now: the worker owning the fewest partitions, then given fewest rows. */
  private int chooseOwner() {
    int best = 0;
    for (int w = 1; w < workers.length; w++) {
      int owned = workers[w].owned.get();
      int bestOwned = workers[best].owned.get();
      if (owned < bestOwned || owned == bestOwned && workers[w].given.get() < workers[best].given.get()) {
        best = w;
      }
    }
    workers[best].owned.incrementAndGet();
    return best;
  }

  /**
   * Where one producer sends a partition's rows, and how many of its recent rows the partition took. Also the
   * tag of the partition's rows in batches: {@link #partitions} caches, per worker, that worker's partition
   * (each slot written and read by its worker only).
   */
  private static final class Route {
    final PartitionKey key;
    final String directory;
    final int home;
    final BasePartitionedWriter.Partition[] partitions;
    int spread = 1;
    int next;
    long window = -1;
    int count;

    Route(PartitionKey key, String directory, int home, int workers) {
      this.key = key;
      this.directory = directory;
      this.home = home;
      this.partitions = new BasePartitionedWriter.Partition[workers];
    }
  }

  /** One producer thread's state: used by that thread only (and by commit once it is done). */
  private final class Producer {
    private final PartitionKey key = options.partitionSpec().newKey();
    private final Map<PartitionKey, Route> routes = new HashMap<>();
    private final RowBatch[] batches = new RowBatch[workers.length];
    private final Counters counters = ctx.newCounters();
    private long rowNumber;

    Producer(Thread thread) {
      // One per thread; the thread is the key of the producers map.
    }

    void write(Row row) {
      long n = ++rowNumber;
      Route r;
      try {
        checks.requireValues(row, n);
        key.set(row);
        r = routes.get(key);
        if (r == null) {
          r = newRoute(n);
        }
      } catch (InvalidRowException e) {
        Counters.add(counters.rejectedRows, 1);
        throw e;
      }
      int w = worker(r, n);
      RowBatch b = batches[w];
      if (b == null) {
        b = newBatch();
        batches[w] = b;
      } else if (b.isFull()) {
        deliver(w, b);
        b = newBatch();
        batches[w] = b;
      }
      try {
        b.add(row, r);
      } catch (InvalidRowException e) {
        Counters.add(counters.rejectedRows, 1);
        throw e;
      }
    }

    private Route newRoute(long n) {
      String dir = RowChecks.directory(paths, key, n); // rejects the row here, on its producer, if it has no name
      PartitionKey k = key.copy();
      Route r = new Route(k, dir, owners.computeIfAbsent(k, x -> chooseOwner()), workers.length);
      routes.put(k, r);
      return r;
    }

    /** The worker for the next row of {@code r}: its home, or one of several while the partition is hot. */
    private int worker(Route r, long n) {
      long window = n >>> HOT_WINDOW_BITS;
      if (r.window != window) {
        int previous = r.window == window - 1 ? r.count : 0;
        r.spread = (int) Math.min(workers.length, 1 + (long) previous * workers.length / HOT_WINDOW);
        r.window = window;
        r.count = 0;
      }
      r.count++;
      if (r.spread == 1) {
        return r.home;
      }
      int s = r.next;
      r.next = s + 1 == r.spread ? 0 : s + 1;
      int w = r.home + s;
      return w >= workers.length ? w - workers.length : w;
    }

    private RowBatch newBatch() {
      RowBatch b = pool.poll();
      return b != null ? b : new RowBatch(ctx.dataSchema, dataColumns);
    }

    /** Hands a full batch to worker {@code w}; if this throws, the batch stays with the producer, unsent. */
    private void deliver(int w, RowBatch b) {
      Worker worker = workers[w];
      b.stamp = ctx.tick();
      worker.given.addAndGet(b.size());
      try {
        while (!worker.queue.offer(b, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          if (!worker.thread.isAlive()) {
            worker.fail(new IllegalStateException("worker thread " + worker.thread.getName() + " ended"));
          }
          checkWritable();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PartitaException("interrupted while waiting for worker " + worker.thread.getName()
            + " to take rows; this row was not written and the writer stays usable", e);
      }
    }
  }

  /** A worker thread: writes the batches of its queue through its own fanout writer. */
  private final class Worker implements Runnable {
    private final int index;
    private final FanoutWriter writer;
    private final ArrayBlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread thread;
    /** Partitions this worker owns (hot ones aside, it writes only these). */
    final AtomicInteger owned = new AtomicInteger();
    /** Rows handed to this worker so far. */
    final AtomicLong given = new AtomicLong();
    private volatile Throwable failure;
    private volatile long failedAt;

    Worker(int index, FanoutWriter writer) {
      this.index = index;
      this.writer = writer;
      this.thread = new Thread(this, "partita-" + ctx.transaction.writeId() + "-worker-" + index);
      thread.setDaemon(true);
      writer.onAttention(this::wake);
    }

    /** Puts a wake-up in the queue if it is empty (a worker with batches queued sees requests between rows). */
    private void wake() {
      if (queue.isEmpty()) {
        queue.offer(WAKE);
      }
    }

    @Override
    public void run() {
      RowBatch.View view = new RowBatch.View();
      while (true) {
        RowBatch b;
        try {
          b = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          fail(e);
          continue;
        }
        if (b == null || b == WAKE) {
          if (failure == null) {
            try {
              writer.attendIfAsked();
            } catch (Throwable t) {
              fail(t);
              dropFiles();
            }
          }
        } else if (b == FINISH || b == ABORT) {
          stop(b == FINISH);
          return;
        } else {
          if (failure == null) {
            try {
              long stamp = b.stamp;
              for (int i = 0, n = b.size(); i < n; i++) {
                Route r = (Route) b.tag(i);
                BasePartitionedWriter.Partition p = r.partitions[index];
                if (p == null) {
                  p = writer.partition(r.key, r.directory);
                  r.partitions[index] = p;
                }
                writer.writeRouted(p, view.at(b, i), stamp);
              }
            } catch (Throwable t) {
              fail(t); // from now on batches are drained unread, so producers never wait on this worker
              dropFiles(); // and its open-file slots go back at once to workers that may wait for one
            }
          }
          b.clear();
          pool.offer(b);
        }
      }
    }

    /** Drops this worker's open files after a failure (the writer is already aborted if it failed itself). */
    private void dropFiles() {
      try {
        writer.abortFiles();
      } catch (Throwable a) {
        failure.addSuppressed(a);
      }
    }

    private void stop(boolean finish) {
      try {
        if (finish && failure == null) {
          writer.finishFiles();
        } else {
          writer.abortFiles();
        }
      } catch (Throwable t) {
        fail(t);
        try {
          writer.abortFiles();
        } catch (Throwable a) {
          t.addSuppressed(a);
        }
      }
    }

    /** Records a failure (the first one; later ones are suppressed into it) and tells producers. */
    void fail(Throwable t) {
      Throwable f = failure;
      if (f == null) {
        failedAt = failureOrder.incrementAndGet();
        failure = t;
      } else if (f != t) {
        f.addSuppressed(t);
      }
      workerFailed = true;
    }
  }
}
