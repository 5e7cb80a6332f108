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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What fanout and clustered writers share: row checks, partition lookup, the open-file set in least recently
 * used order, the memory budget, and the commit/abort lifecycle. Subclasses decide only when a partition's file
 * may stay open ({@link #beforeRoute}). Single-threaded.
 *
 * <p>A writer either stands alone (it creates the write's {@link WriteContext} and commits or aborts the
 * transaction) or is one worker of a {@link ParallelWriter}: it then shares the context with the other workers,
 * keeps at most its share of the open files, and leaves the transaction to its owner, which calls
 * {@link #finishFiles()} or {@link #abortFiles()} instead of {@code commit} or {@code abort}.
 */
abstract class BasePartitionedWriter implements PartitionedWriter {
  private enum State { OPEN, COMMITTED, ABORTED, FAILED }

  final WriteOptions options;
  final WriteContext ctx;
  final Counters counters;
  private final boolean ownsTransaction;
  private final int maxOpenFiles;
  private final PartitionPaths paths;
  private final PartitionKey key;
  private final RowChecks checks;
  private final Map<PartitionKey, Partition> partitions = new HashMap<>();
  /** Partitions with an open file, least recently used first. */
  final LinkedHashMap<Partition, Partition> open = new LinkedHashMap<>(16, 0.75f, true);
  private final ProjectedRow projection;
  private State state = State.OPEN;
  private long rowNumber;

  /** One partition of this write. */
  static final class Partition {
    final String directory;
    final RollingFileWriter writer;
    boolean finished;

    Partition(String directory, RollingFileWriter writer) {
      this.directory = directory;
      this.writer = writer;
    }
  }

  /** A writer on its own: creates the write's context and commits or aborts {@code tx} itself. */
  BasePartitionedWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    this(WriteContext.create(storage, tx, options), options.maxOpenFiles(), true);
  }

  /**
   * A writer over a shared context.
   *
   * @param maxOpenFiles the most files this writer keeps open (its share of the write's limit)
   * @param ownsTransaction whether {@code commit} and {@code abort} act on the transaction; a worker's writer
   *     does not: its owner calls {@link #finishFiles()} or {@link #abortFiles()}
   */
  BasePartitionedWriter(WriteContext ctx, int maxOpenFiles, boolean ownsTransaction) {
    this.ctx = ctx;
    this.options = ctx.options;
    this.counters = ctx.newCounters();
    this.ownsTransaction = ownsTransaction;
    this.maxOpenFiles = maxOpenFiles;
    this.paths = PartitionPaths.of(options.partitionSpec()).withDefaultPartitionName(options.defaultPartitionName());
    this.key = options.partitionSpec().newKey();
    this.checks = new RowChecks(options.schema());
    Schema schema = options.schema();
    Schema dataSchema = ctx.dataSchema;
    if (dataSchema.size() == schema.size()) {
      this.projection = null;
    } else {
      int[] mapping = new int[dataSchema.size()];
      for (int i = 0; i < mapping.length; i++) {
        mapping[i] = schema.require(dataSchema.column(i).name());
      }
      this.projection = new ProjectedRow(mapping);
    }
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
      p = newPartition(n);
    }
    try {
      beforeRoute(p, n);
      if (!p.writer.isOpen()) {
        makeRoomForFile();
      }
      open.put(p, p);
      p.writer.write(projection == null ? row : projection.wrap(row));
      if (p.writer.pendingGrowth() > 0 || ctx.reliefWanted()) {
        relieveMemory(p);
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

  private Partition newPartition(long n) {
    String dir;
    try {
      dir = RowChecks.directory(paths, key, n);
    } catch (InvalidRowException e) {
      Counters.add(counters.rejectedRows, 1);
      throw e;
    }
    PartitionKey k = key.copy();
    Partition p = new Partition(dir, new RollingFileWriter(ctx, counters, dir, paths.values(k)));
    partitions.put(k, p);
    ctx.addPartition(k, dir);
    return p;
  }

  /**
   * Called before a row goes to {@code p}: the routing policy (clustered closes the previous partition and
   * refuses returns).
   */
  abstract void beforeRoute(Partition p, long rowNumber) throws IOException;

  /** Closes least recently used files while this writer's open-file limit is reached. */
  private void makeRoomForFile() throws IOException {
    Iterator<Partition> it = open.keySet().iterator();
    while (counters.openFiles.getPlain() >= maxOpenFiles && it.hasNext()) {
      Partition victim = it.next();
      it.remove();
      if (victim.writer.isOpen()) {
        victim.writer.closeFile();
        Counters.add(counters.evictions, 1);
      }
    }
  }

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
      List<Partition> bySize = new ArrayList<>(open.keySet());
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
      Iterator<Partition> lru = open.keySet().iterator();
      while (!relieved(trigger) && lru.hasNext()) {
        Partition victim = lru.next();
        lru.remove();
        if (victim.writer.isOpen()) {
          victim.writer.closeFile();
          Counters.add(counters.evictions, 1);
        }
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
        trigger.writer.closeFile();
        open.remove(trigger);
        Counters.add(counters.evictions, 1);
      }
    }
  }

  /** Whether relief may stop: the budget has room down to the target, or this writer holds only its share. */
  private boolean relieved(Partition trigger) {
    long pending = trigger == null ? 0 : trigger.writer.pendingGrowth();
    return ctx.bufferedBytes() + pending <= ctx.reliefTarget()
        || counters.bufferedBytes.getPlain() <= ctx.reliefShare();
  }

  /** Relieves this writer's files if another thread asked for memory; for a worker waiting for rows. */
  final void relieveIfWanted() {
    if (state == State.OPEN && ctx.reliefWanted()) {
      try {
        relieveMemory(null);
      } catch (IOException | RuntimeException e) {
        throw fail(e, "flushing files for the memory budget");
      }
    }
  }

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
    for (Partition p : new ArrayList<>(open.keySet())) {
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
    open.clear();
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
      p.writer.abort();
    }
    open.clear();
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
