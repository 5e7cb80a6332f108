package dev.partita.write;

import dev.partita.PartitaException;
import dev.partita.commit.CommitResult;
import dev.partita.commit.WriteTransaction;
import dev.partita.partition.InvalidPartitionException;
import dev.partita.partition.PartitionKey;
import dev.partita.partition.PartitionPaths;
import dev.partita.partition.PartitionSpec;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import dev.partita.storage.Storage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What fanout and clustered writers share: row checks, partition lookup, the open-file set in least recently
 * used order, the memory budget, and the commit/abort lifecycle. Subclasses decide only when a partition's file
 * may stay open ({@link #beforeRoute}).
 */
abstract class BasePartitionedWriter implements PartitionedWriter {
  private enum State { OPEN, COMMITTED, ABORTED, FAILED }

  final WriteOptions options;
  final WriteContext ctx;
  private final PartitionSpec spec;
  private final PartitionPaths paths;
  private final PartitionKey key;
  private final Map<PartitionKey, Partition> partitions = new HashMap<>();
  /** Partitions with an open file, least recently used first. */
  final LinkedHashMap<Partition, Partition> open = new LinkedHashMap<>(16, 0.75f, true);
  private final ProjectedRow projection;
  private final int[] requiredColumns;
  private final String[] requiredNames;
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

  BasePartitionedWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    this.options = options;
    this.spec = options.partitionSpec();
    this.paths = PartitionPaths.of(spec).withDefaultPartitionName(options.defaultPartitionName());
    this.key = spec.newKey();
    Schema schema = options.schema();
    Schema dataSchema = options.keepPartitionColumns() ? schema : spec.dataSchema();
    if (dataSchema.size() == 0) {
      throw new IllegalArgumentException("every column of " + schema + " is an identity partition column, so data"
          + " files would have no columns; set keepPartitionColumns(true) or partition differently");
    }
    this.ctx = new WriteContext(storage, tx, options, dataSchema);
    if (dataSchema.size() == schema.size()) {
      this.projection = null;
    } else {
      int[] mapping = new int[dataSchema.size()];
      for (int i = 0; i < mapping.length; i++) {
        mapping[i] = schema.require(dataSchema.column(i).name());
      }
      this.projection = new ProjectedRow(mapping);
    }
    List<Integer> req = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      if (!schema.column(i).nullable()) {
        req.add(i);
      }
    }
    this.requiredColumns = req.stream().mapToInt(Integer::intValue).toArray();
    this.requiredNames = req.stream().map(i -> schema.column(i).name()).toArray(String[]::new);
  }

  @Override
  public final void write(Row row) {
    checkOpen();
    long n = rowNumber + 1;
    for (int i = 0; i < requiredColumns.length; i++) {
      if (row.isNull(requiredColumns[i])) {
        Counters.add(ctx.counters.rejectedRows, 1);
        rowNumber = n;
        throw new InvalidRowException(requiredNames[i], n, "null in required column of type "
            + options.schema().column(requiredColumns[i]).type());
      }
    }
    key.set(row);
    Partition p = partitions.get(key);
    if (p == null) {
      p = newPartition(n);
    }
    rowNumber = n;
    try {
      beforeRoute(p, n);
      if (!p.writer.isOpen()) {
        makeRoomForFile();
      }
      open.put(p, p);
      p.writer.write(projection == null ? row : projection.wrap(row));
      if (ctx.overBudget()) {
        relieveMemory();
      }
    } catch (InvalidRowException e) {
      // The format refused the row before writing any of it (FormatWriter contract): the write goes on.
      Counters.add(ctx.counters.rejectedRows, 1);
      throw e;
    } catch (IOException | RuntimeException e) {
      throw fail(e, "writing row " + n + " to partition '" + p.directory + "'");
    }
    Counters.add(ctx.counters.rows, 1);
  }

  private Partition newPartition(long n) {
    String dir;
    try {
      dir = paths.path(key);
    } catch (InvalidPartitionException e) {
      Counters.add(ctx.counters.rejectedRows, 1);
      rowNumber = n;
      throw new InvalidRowException("(partition)", n, e.getMessage());
    }
    PartitionKey k = key.copy();
    Partition p = new Partition(dir, new RollingFileWriter(ctx, dir, paths.values(k)));
    partitions.put(k, p);
    Counters.add(ctx.counters.partitions, 1);
    return p;
  }

  /**
   * Called before a row goes to {@code p}: the routing policy (clustered closes the previous partition and
   * refuses returns).
   */
  abstract void beforeRoute(Partition p, long rowNumber) throws IOException;

  /** Closes least recently used files while the open-file limit is reached. */
  private void makeRoomForFile() throws IOException {
    Iterator<Partition> it = open.keySet().iterator();
    while (ctx.counters.openFiles.getPlain() >= options.maxOpenFiles() && it.hasNext()) {
      Partition victim = it.next();
      it.remove();
      if (victim.writer.isOpen()) {
        victim.writer.closeFile();
        Counters.add(ctx.counters.evictions, 1);
      }
    }
  }

  /**
   * Brings buffered bytes down to the relief target (below the budget, so relief runs rarely): flushes the
   * largest buffers first; when flushing stops releasing memory (what is left is per-file overhead), closes
   * least recently used files.
   */
  private void relieveMemory() throws IOException {
    long target = ctx.reliefTarget();
    List<Partition> bySize = new ArrayList<>(open.keySet());
    bySize.sort((a, b) -> Long.compare(b.writer.bufferedBytes(), a.writer.bufferedBytes()));
    for (Partition p : bySize) {
      if (ctx.bufferedBytes() <= target) {
        return;
      }
      long before = p.writer.bufferedBytes();
      p.writer.flush();
      Counters.add(ctx.counters.flushes, 1);
      if (p.writer.bufferedBytes() > before / 2) {
        break; // this and every smaller buffer is mostly fixed overhead
      }
    }
    Iterator<Partition> lru = open.keySet().iterator();
    while (ctx.bufferedBytes() > target && lru.hasNext()) {
      Partition victim = lru.next();
      lru.remove();
      victim.writer.closeFile();
      Counters.add(ctx.counters.evictions, 1);
    }
  }

  @Override
  public final WriterMetrics metrics() {
    return ctx.counters.snapshot();
  }

  @Override
  public final CommitResult commit() {
    checkOpen();
    try {
      closeAll();
    } catch (IOException | RuntimeException e) {
      throw fail(e, "closing files before the commit");
    }
    Set<String> dirs = new LinkedHashSet<>();
    for (Partition p : partitions.values()) {
      dirs.add(p.directory);
    }
    state = State.COMMITTED;
    return ctx.transaction.commit(ctx.completed, dirs, options.format().name(), options.schema(), spec);
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
    state = State.ABORTED;
    for (Partition p : partitions.values()) {
      p.writer.abort();
    }
    open.clear();
    ctx.transaction.abort();
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
            + e.getMessage() + "; nothing of it is visible", e);
    try {
      abort();
    } catch (RuntimeException a) {
      out.addSuppressed(a);
    }
    return out;
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException("writer is " + state.name().toLowerCase(java.util.Locale.ROOT)
          + "; start a new write");
    }
  }

  /** Rows accepted so far, plus rejected ones: the number of the last row seen. */
  final long rowNumber() {
    return rowNumber;
  }
}
