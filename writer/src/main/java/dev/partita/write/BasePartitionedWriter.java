package dev.partita.write;

import dev.partita.PartitaException;
import dev.partita.commit.CommitResult;
import dev.partita.commit.WriteTransaction;
import dev.partita.partition.PartitionKey;
import dev.partita.partition.PartitionPaths;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import dev.partita.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What fanout and clustered writers share: row checks, partition lookup, the open files in least recently used
 * order, the open-file limit and the memory budget, and the commit/abort lifecycle. Subclasses decide only when a
 * partition's file may stay open ({@link #beforeRoute}). Single-threaded.
 *
 * <p>A writer either stands alone (it creates the write's {@link WriteContext} and commits or aborts the
 * transaction) or is one worker of a {@link ParallelWriter}: it then shares the context with the other workers
 * and leaves the transaction to its owner, which calls {@link #finishFiles()} or {@link #abortFiles()} instead
 * of {@code commit} or {@code abort}. Workers share the open-file limit by need: one that needs a file while all
 * are taken closes its own least recently used file, or, holding none, asks the worker whose least recently used
 * file is the oldest of the write to close it ({@link #requestFile()}). Requests from other threads (a file, or
 * memory relief) raise {@link #attention}, read once per row.
 */
abstract class BasePartitionedWriter implements PartitionedWriter {
  /** How long a writer that needs a file waits for another to give one up before it fails the write. */
  static final long FILE_WAIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

  private enum State { OPEN, COMMITTED, ABORTED, FAILED }

  final WriteOptions options;
  final WriteContext ctx;
  final Counters counters;
  private final boolean ownsTransaction;
  private final PartitionPaths paths;
  private final PartitionKey key;
  private final RowChecks checks;
  private final Map<PartitionKey, Partition> partitions = new HashMap<>();
  /** Schema position of each data-file column, or null when files hold every column. */
  private final int[] dataColumns;
  private final ProjectedRow projection;
  /** Partitions with an open file, least recently used first (linked through the partitions). */
  private Partition lruHead;
  private Partition lruTail;
  /** The use stamp of the rows being written: the row number, or the batch stamp a worker is given. */
  private long clock;
  /** Use stamp of this writer's least recently used open file, for other threads; MAX_VALUE when none. */
  private final AtomicLong oldestUse = new AtomicLong(Long.MAX_VALUE);
  /** Files other threads asked this writer to close. */
  private final AtomicInteger fileRequests = new AtomicInteger();
  /** Set by other threads when they want something of this writer (a file, memory); read once per row. */
  private volatile boolean attention;
  /** Called after {@link #attention} was raised, to wake the thread if it waits for rows. */
  private Runnable wake = () -> { };
  private State state = State.OPEN;
  private long rowNumber;

  /** One partition of this write, and its place in the least recently used list while its file is open. */
  static final class Partition {
    final String directory;
    final RollingFileWriter writer;
    boolean finished;
    Partition prev;
    Partition next;
    boolean listed;
    long lastUse;

    Partition(String directory, RollingFileWriter writer) {
      this.directory = directory;
      this.writer = writer;
    }
  }

  /** A writer on its own: creates the write's context and commits or aborts {@code tx} itself. */
  BasePartitionedWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    this(WriteContext.create(storage, tx, options), true);
  }

  /**
   * A writer over a shared context.
   *
   * @param ownsTransaction whether {@code commit} and {@code abort} act on the transaction; a worker's writer
   *     does not: its owner calls {@link #finishFiles()} or {@link #abortFiles()}
   */
  BasePartitionedWriter(WriteContext ctx, boolean ownsTransaction) {
    this.ctx = ctx;
    this.options = ctx.options;
    this.counters = ctx.newCounters();
    this.ownsTransaction = ownsTransaction;
    this.paths = PartitionPaths.of(options.partitionSpec()).withDefaultPartitionName(options.defaultPartitionName());
    this.key = options.partitionSpec().newKey();
    this.checks = new RowChecks(options.schema());
    Schema schema = options.schema();
    Schema dataSchema = ctx.dataSchema;
    if (dataSchema.size() == schema.size()) {
      this.dataColumns = null;
      this.projection = null;
    } else {
      int[] mapping = new int[dataSchema.size()];
      for (int i = 0; i < mapping.length; i++) {
        mapping[i] = schema.require(dataSchema.column(i).name());
      }
      this.dataColumns = mapping;
      this.projection = new ProjectedRow(mapping);
    }
    ctx.register(this);
  }

  @Override
  public final void write(Row row) {
    checkOpen();
    long n = ++rowNumber;
    try {
      checks.requireValues(row, n);
    } catch (InvalidRowException e) {
      Counters.add(counters.rejectedRows, 1);
      throw e;
    }
    key.set(row);
    Partition p = partitions.get(key);
    if (p == null) {
      String dir;
      try {
        dir = RowChecks.directory(paths, key, n);
      } catch (InvalidRowException e) {
        Counters.add(counters.rejectedRows, 1);
        throw e;
      }
      p = newPartition(key.copy(), dir);
    }
    clock = n;
    writeTo(p, projection == null ? row : projection.wrap(row), n);
  }

  /**
   * The schema position of each column of the data files, or null when they hold every column of the schema;
   * {@link #writeRouted} takes rows in that layout.
   */
  final int[] dataColumns() {
    return dataColumns == null ? null : dataColumns.clone();
  }

  /**
   * The partition of {@code key} (an immutable copy the caller hands over) in this writer, created on first use;
   * for a worker, whose producer already checked the row and named the directory.
   */
  final Partition partition(PartitionKey key, String directory) {
    Partition p = partitions.get(key);
    return p != null ? p : newPartition(key, directory);
  }

  /**
   * Writes a row that has passed the checks (a worker's row) to {@code p}, one of this writer's partitions.
   *
   * @param dataRow the row with the columns of the data files only (see {@link #dataColumns()})
   * @param use the use stamp of the row (comparable across the writers of the write) for least recently used order
   */
  final void writeRouted(Partition p, Row dataRow, long use) {
    checkOpen();
    clock = use;
    writeTo(p, dataRow, ++rowNumber);
  }

  private Partition newPartition(PartitionKey k, String dir) {
    Partition p = new Partition(dir, new RollingFileWriter(ctx, counters, dir, paths.values(k)));
    partitions.put(k, p);
    ctx.addPartition(k, dir);
    return p;
  }

  /** Writes {@code dataRow} (in the data files' layout) to {@code p}'s file, opening one if needed. */
  private void writeTo(Partition p, Row dataRow, long n) {
    try {
      beforeRoute(p, n);
      if (!p.writer.isOpen()) {
        takeFileSlot();
        p.writer.open(); // gives the slot back if it fails
      }
      touch(p);
      p.writer.write(dataRow);
      if (!p.writer.isOpen()) {
        unlist(p); // rolled at its target size or row count
      }
      if (p.writer.pendingGrowth() > 0 || attention) {
        attend(p);
      }
    } catch (InvalidRowException e) {
      // The format refused the row before writing any of it (FormatWriter contract): the write goes on.
      Counters.add(counters.rejectedRows, 1);
      throw e;
    } catch (IOException | RuntimeException e) {
      throw fail(e, "writing row " + n + " to partition '" + p.directory + "'");
    }
    Counters.add(counters.rows, 1);
  }

  /**
   * Called before a row goes to {@code p}: the routing policy (clustered closes the previous partition and
   * refuses returns).
   */
  abstract void beforeRoute(Partition p, long rowNumber) throws IOException;

  // ---- least recently used list of open files

  /** Makes {@code p} the most recently used open file. */
  private void touch(Partition p) {
    p.lastUse = clock;
    if (p == lruTail) {
      if (p == lruHead) {
        publishOldest();
      }
      return;
    }
    boolean headChanged = p == lruHead || lruHead == null;
    if (p.listed) {
      unlink(p);
    }
    p.prev = lruTail;
    p.next = null;
    if (lruTail != null) {
      lruTail.next = p;
    } else {
      lruHead = p;
    }
    lruTail = p;
    p.listed = true;
    if (headChanged) {
      publishOldest();
    }
  }

  /** Takes {@code p} off the list of open files (its file was closed). */
  final void unlist(Partition p) {
    if (p.listed) {
      boolean headChanged = p == lruHead;
      unlink(p);
      if (headChanged) {
        publishOldest();
      }
    }
  }

  private void unlink(Partition p) {
    if (p.prev != null) {
      p.prev.next = p.next;
    } else {
      lruHead = p.next;
    }
    if (p.next != null) {
      p.next.prev = p.prev;
    } else {
      lruTail = p.prev;
    }
    p.prev = null;
    p.next = null;
    p.listed = false;
  }

  private void publishOldest() {
    oldestUse.setRelease(lruHead == null ? Long.MAX_VALUE : lruHead.lastUse);
  }

  /** This writer's open partitions, least recently used first. */
  private List<Partition> openPartitions() {
    List<Partition> out = new ArrayList<>();
    for (Partition p = lruHead; p != null; p = p.next) {
      out.add(p);
    }
    return out;
  }

  /** Closes {@code p}'s file early (open-file limit or memory budget). */
  private void evict(Partition p) throws IOException {
    unlist(p);
    if (p.writer.isOpen()) {
      p.writer.closeFile();
      Counters.add(counters.evictions, 1);
    }
  }

  // ---- the open-file limit, shared by every writer of the write

  /**
   * Takes one of the write's open-file slots for a new file: while all are taken, closes this writer's least
   * recently used file, or, with none open, asks the writer holding the oldest file of the write to close it.
   */
  private void takeFileSlot() throws IOException {
    long waitStart = 0;
    while (!ctx.tryOpenFile()) {
      if (lruHead != null) {
        evict(lruHead);
        continue;
      }
      if (waitStart == 0) {
        waitStart = System.nanoTime() | 1;
      } else if (System.nanoTime() - waitStart > FILE_WAIT_LIMIT_NANOS) {
        throw new IllegalStateException("no other worker gave up an open file within "
            + TimeUnit.NANOSECONDS.toSeconds(FILE_WAIT_LIMIT_NANOS) + "s while all " + ctx.maxOpenFiles()
            + " maxOpenFiles were taken");
      }
      askForFile();
    }
  }

  /**
   * Asks the writer whose least recently used open file is the oldest of the write to close one file, then waits
   * until it did or a slot came free some other way.
   */
  private void askForFile() throws IOException {
    BasePartitionedWriter holder = null;
    long oldest = Long.MAX_VALUE;
    for (BasePartitionedWriter w : ctx.writers()) {
      long u = w.oldestUse.getAcquire();
      if (w != this && u < oldest) {
        oldest = u;
        holder = w;
      }
    }
    if (holder != null) {
      holder.requestFile();
      Counters.add(counters.fileAsks, 1);
    }
    // Slots held by no listed file are files being opened right now: they show up, or come free, at once.
    while (ctx.openFiles() >= ctx.maxOpenFiles() && (holder == null || holder.fileRequests.get() > 0)) {
      serveFileRequests(); // anyone who picked this writer before its last file closed is answered
      LockSupport.parkNanos(20_000);
      if (holder == null) {
        break;
      }
    }
  }

  /** Asks this writer (from another thread) to close its least recently used file. */
  private void requestFile() {
    fileRequests.incrementAndGet();
    callAttention();
  }

  /** Closes as many least recently used files as other threads asked for (fewer if fewer are open). */
  private void serveFileRequests() throws IOException {
    int asked = fileRequests.get();
    if (asked == 0) {
      return;
    }
    for (int i = 0; i < asked && lruHead != null; i++) {
      evict(lruHead);
    }
    fileRequests.addAndGet(-asked);
  }

  // ---- requests from other threads

  /** Raises {@link #attention} (from any thread) and wakes the writer's thread if it waits for rows. */
  final void callAttention() {
    attention = true;
    wake.run();
  }

  /** What wakes this writer's thread when it waits for rows (a worker sets it); called from any thread. */
  final void onAttention(Runnable wake) {
    this.wake = wake;
  }

  /**
   * Serves what other threads asked (files, memory) and the growth {@code trigger}'s file is waiting to have
   * admitted ({@code trigger} may be null).
   */
  private void attend(Partition trigger) throws IOException {
    attention = false; // cleared before the requests are read: one made meanwhile raises it again
    serveFileRequests();
    if ((trigger != null && trigger.writer.pendingGrowth() > 0) || ctx.reliefWanted()) {
      relieveMemory(trigger);
    }
    if (ctx.reliefWanted()) {
      attention = true; // look again at the next row while other threads still want memory
    }
  }

  /** Serves other threads' requests if there are any; for a worker between batches or waiting for rows. */
  final void attendIfAsked() {
    if (state == State.OPEN && attention) {
      try {
        attend(null);
      } catch (IOException | RuntimeException e) {
        throw fail(e, "closing or flushing files asked for by another worker");
      }
    }
  }

  // ---- the memory budget

  /**
   * Runs when the budget refused the growth of {@code trigger}'s file, or another thread asked for memory
   * ({@code trigger} may then be null). Brings buffered bytes down to the relief target (below the budget, so
   * relief runs rarely): flushes this writer's largest buffers first; when flushing stops releasing memory (what
   * is left is per-file overhead), closes least recently used files. It stops early once this writer holds no
   * more than its share of the target and asks the other threads to relieve theirs. Then the trigger's growth is
   * admitted, after flushing or, as a last resort, closing that file.
   */
  private void relieveMemory(Partition trigger) throws IOException {
    if (!relieved(trigger)) {
      List<Partition> bySize = openPartitions();
      bySize.sort((a, b) -> Long.compare(b.writer.bufferedBytes(), a.writer.bufferedBytes()));
      for (Partition p : bySize) {
        if (relieved(trigger)) {
          break;
        }
        long before = p.writer.bufferedBytes();
        p.writer.flush();
        Counters.add(counters.flushes, 1);
        if (p.writer.bufferedBytes() > before / 2) {
          break; // this and every smaller buffer is mostly fixed overhead
        }
      }
      while (!relieved(trigger) && lruHead != null) {
        evict(lruHead);
      }
    }
    long pending = trigger == null ? 0 : trigger.writer.pendingGrowth();
    if (ctx.bufferedBytes() + pending > ctx.reliefTarget()) {
      ctx.requestRelief(); // the rest is held by other threads
    } else {
      ctx.withdrawRelief();
    }
    if (pending > 0 && !trigger.writer.readmit()) {
      trigger.writer.flush();
      Counters.add(counters.flushes, 1);
      if (trigger.writer.pendingGrowth() > 0) {
        evict(trigger);
      }
    }
  }

  /** Whether relief may stop: the budget has room down to the target, or this writer holds only its share. */
  private boolean relieved(Partition trigger) {
    long pending = trigger == null ? 0 : trigger.writer.pendingGrowth();
    return ctx.bufferedBytes() + pending <= ctx.reliefTarget()
        || counters.bufferedBytes.getPlain() <= ctx.reliefShare();
  }

  // ---- lifecycle

  @Override
  public final WriterMetrics metrics() {
    return ctx.metrics();
  }

  @Override
  public final CommitResult commit() {
    if (!ownsTransaction) {
      throw new IllegalStateException("a worker's writer does not commit; its ParallelWriter does");
    }
    finishFiles();
    return ctx.commit();
  }

  /**
   * Closes every open file, each recorded in the context for the commit, without committing; the writer takes
   * no more rows.
   *
   * @throws PartitaException when a file could not be closed (this writer's files are then aborted)
   */
  final void finishFiles() {
    checkOpen();
    try {
      closeAll();
    } catch (IOException | RuntimeException e) {
      throw fail(e, "closing files before the commit");
    }
    state = State.COMMITTED;
  }

  /** Closes every open file; a failure does not stop the others, later failures are suppressed into the first. */
  private void closeAll() throws IOException {
    Exception first = null;
    for (Partition p : openPartitions()) {
      unlist(p);
      try {
        p.writer.closeFile();
      } catch (IOException | RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first instanceof IOException io) {
      throw io;
    }
    if (first != null) {
      throw (RuntimeException) first;
    }
  }

  @Override
  public final void abort() {
    if (state == State.ABORTED || state == State.COMMITTED) {
      return;
    }
    abortFiles();
    if (ownsTransaction) {
      ctx.transaction.abort();
    }
  }

  /** Drops every open file of this writer without touching the transaction. Idempotent; no-op once finished. */
  final void abortFiles() {
    if (state == State.ABORTED || state == State.COMMITTED) {
      return;
    }
    state = State.ABORTED;
    for (Partition p : partitions.values()) {
      unlist(p);
      p.writer.abort();
    }
    fileRequests.set(0);
  }

  @Override
  public final void close() {
    if (state == State.OPEN || state == State.FAILED) {
      abort();
    }
  }

  private PartitaException fail(Exception e, String what) {
    state = State.FAILED;
    PartitaException out = e instanceof ClusteringException c ? c
        : new PartitaException("write " + ctx.transaction.writeId() + " failed while " + what + ": "
            + e.getMessage() + (ownsTransaction ? "; nothing of it is visible" : ""), e);
    try {
      abort();
    } catch (RuntimeException a) {
      out.addSuppressed(a);
    }
    return out;
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("writer is " + state.name().toLowerCase(Locale.ROOT)
          + "; start a new write");
    }
  }
}
