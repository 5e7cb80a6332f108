package dev.partita.write;

import dev.partita.commit.CommitResult;
import dev.partita.commit.DataFile;
import dev.partita.commit.WriteTransaction;
import dev.partita.format.FileFormat;
import dev.partita.partition.PartitionKey;
import dev.partita.schema.Schema;
import dev.partita.storage.Storage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every file writer of one write shares, from any number of threads: where files go, their names, the
 * open-file limit, the memory budget, the completed files, the partitions seen, the writers and the counters of
 * every writing thread. Thread-safe; nothing here is touched per row.
 *
 * <p>The open-file limit is one count for the whole write ({@link #tryOpenFile}): a writer takes a slot before it
 * opens a file and gives it back when the file closes, so the count never passes {@code maxOpenFiles}, however
 * the files are spread over the writers. The budget counts the buffered bytes files reported
 * ({@link #bufferedBytes()}). A file's growth is admitted only while the total stays within the budget
 * ({@link #tryReserve}); a writer whose growth is refused relieves its own files first (see
 * {@link BasePartitionedWriter}), so the total never passes the budget.
 */
final class WriteContext {
  final Storage storage;
  final WriteTransaction transaction;
  final FileFormat format;
  final Schema dataSchema;
  final long targetFileSize;
  final long maxRowsPerFile;
  final WriteOptions options;
  private final long budgetLimit;
  private final int writers;
  private final int maxOpenFiles;
  private final AtomicInteger openFiles = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong();
  private final List<BasePartitionedWriter> registered = new CopyOnWriteArrayList<>();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicInteger fileCounter = new AtomicInteger();
  private final List<DataFile> completed = new ArrayList<>();
  private final ConcurrentHashMap<PartitionKey, String> partitions = new ConcurrentHashMap<>();
  private final List<Counters> counters = new CopyOnWriteArrayList<>();
  private volatile boolean reliefWanted;

  private WriteContext(Storage storage, WriteTransaction transaction, WriteOptions options, Schema dataSchema) {
    this.storage = storage;
    this.transaction = transaction;
    this.options = options;
    this.format = options.format();
    this.dataSchema = dataSchema;
    this.targetFileSize = options.targetFileSize().bytes();
    this.maxRowsPerFile = options.maxRowsPerFile();
    this.budgetLimit = options.memoryBudget().bytes();
    this.writers = options.parallelism();
    this.maxOpenFiles = options.maxOpenFiles();
  }

  /**
   * The context of a new write.
   *
   * @throws IllegalArgumentException when data files would have no columns
   */
  static WriteContext create(Storage storage, WriteTransaction transaction, WriteOptions options) {
    Schema schema = options.schema();
    Schema dataSchema = options.keepPartitionColumns() ? schema : options.partitionSpec().dataSchema();
    if (dataSchema.size() == 0) {
      throw new IllegalArgumentException("every column of " + schema + " is an identity partition column, so data"
          + " files would have no columns; set keepPartitionColumns(true) or partition differently");
    }
    return new WriteContext(storage, transaction, options, dataSchema);
  }

  /** The next file name of this write: {@code part-<writeId>-<counter>.<suffix>}, unique across threads. */
  String nextFileName() {
    return String.format(Locale.ROOT, "part-%s-%05d%s", transaction.writeId(), fileCounter.incrementAndGet(),
        format.fileSuffix());
  }

  /** Counters for one more writing thread, included in {@link #metrics()} from now on. */
  Counters newCounters() {
    Counters c = new Counters();
    counters.add(c);
    return c;
  }

  /** Adds a writer of this write: it may be asked for files and memory by the others. */
  void register(BasePartitionedWriter writer) {
    registered.add(writer);
  }

  /** Every writer of this write. */
  List<BasePartitionedWriter> writers() {
    return registered;
  }

  /**
   * The next use stamp of the write, increasing across threads: a producer stamps each batch it hands over, and
   * workers order their files by it, so the least recently used file of the whole write can be found.
   */
  long tick() {
    return clock.incrementAndGet();
  }

  /** Takes one open-file slot for a file about to be opened; false, changing nothing, when all are taken. */
  boolean tryOpenFile() {
    while (true) {
      int now = openFiles.get();
      if (now >= maxOpenFiles) {
        return false;
      }
      if (openFiles.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Gives back the slot of a file that closed, was dropped or could not be opened. */
  void fileClosed() {
    openFiles.decrementAndGet();
  }

  /** Open-file slots taken: files open or being opened; never above {@link #maxOpenFiles()}. */
  int openFiles() {
    return openFiles.get();
  }

  /** The write's limit of open files, all writers together. */
  int maxOpenFiles() {
    return maxOpenFiles;
  }

  /** Records a partition; true the first time any thread of the write records it. */
  boolean addPartition(PartitionKey key, String directory) {
    return partitions.putIfAbsent(key, directory) == null;
  }

  /** Records a completed file for the commit. */
  synchronized void fileCompleted(DataFile file) {
    completed.add(file);
  }

  /**
   * Admits {@code growth} more buffered bytes if the total stays within the budget.
   *
   * @return false, changing nothing, when it would not
   */
  boolean tryReserve(long growth) {
    while (true) {
      long now = buffered.get();
      if (now + growth > budgetLimit) {
        return false;
      }
      if (buffered.compareAndSet(now, now + growth)) {
        return true;
      }
    }
  }

  /** Gives back buffered bytes (a file flushed, shrank or closed). */
  void release(long bytes) {
    buffered.addAndGet(-bytes);
  }

  /** Bytes buffered by all open files of the write, as admitted; never above the budget. */
  long bufferedBytes() {
    return buffered.get();
  }

  /**
   * Rows until a file growing {@code bytesPerRow} is read again ({@code 1..}{@link RollingFileWriter#CHECK_INTERVAL}):
   * few enough that the growth the budget has not seen yet, over as many files as may be open, stays within a
   * sixteenth of the budget (for the default 256MB and 1,000 files, 16KB per file: every 100 rows unless rows
   * grow a file by more than 160 bytes).
   */
  int checkInterval(long bytesPerRow) {
    if (bytesPerRow <= 0) {
      return RollingFileWriter.CHECK_INTERVAL;
    }
    long allowance = budgetLimit / (16L * maxOpenFiles);
    return (int) Math.max(1, Math.min(RollingFileWriter.CHECK_INTERVAL, allowance / bytesPerRow));
  }

  /** The level relief brings buffered bytes down to (hysteresis, so relief runs rarely). */
  long reliefTarget() {
    return budgetLimit - budgetLimit / 4;
  }

  /**
   * What one writing thread may keep buffered while others need memory: its even part of the relief target.
   * With one thread this is the target itself.
   */
  long reliefShare() {
    return reliefTarget() / writers;
  }

  /** Whether a thread asked the others to relieve their files (it could not free enough of its own). */
  boolean reliefWanted() {
    return reliefWanted;
  }

  /**
   * Asks the other threads to bring their buffers down to their share: the caller is within its own share but the
   * total is still above the target. Every writer sees it at its next row, or at once if it waits for rows (see
   * {@link BasePartitionedWriter#callAttention()}). Ignored with one writing thread.
   */
  void requestRelief() {
    if (writers > 1 && !reliefWanted) {
      reliefWanted = true;
      for (BasePartitionedWriter w : registered) {
        w.callAttention();
      }
    }
  }

  /** Withdraws the request once the total is back within the target. */
  void withdrawRelief() {
    if (reliefWanted && buffered.get() <= reliefTarget()) {
      reliefWanted = false;
    }
  }

  /**
   * Counters of all writing threads, summed; open files and buffered bytes as counted by the limit and the
   * budget (one atomic count each, so a reading never passes them).
   */
  WriterMetrics metrics() {
    long rows = 0;
    long rejected = 0;
    long files = 0;
    long bytes = 0;
    long flushes = 0;
    long evictions = 0;
    for (Counters c : counters) {
      rows += c.rows.getAcquire();
      rejected += c.rejectedRows.getAcquire();
      files += c.files.getAcquire();
      bytes += c.bytes.getAcquire();
      flushes += c.flushes.getAcquire();
      evictions += c.evictions.getAcquire();
    }
    return new WriterMetrics(rows, rejected, files, bytes, openFiles.get(), buffered.get(), flushes, evictions,
        partitions.mappingCount());
  }

  /** Times a writer with no open file asked another for one (the open-file limit was reached); for tests. */
  long fileAsks() {
    long asks = 0;
    for (Counters c : counters) {
      asks += c.fileAsks.getAcquire();
    }
    return asks;
  }

  /** Publishes every completed file as one commit; call once all writing threads have closed their files. */
  CommitResult commit() {
    List<DataFile> files;
    synchronized (this) {
      files = List.copyOf(completed);
    }
    return transaction.commit(files, new LinkedHashSet<>(partitions.values()), format.name(), options.schema(),
        options.partitionSpec(), options.parallelism());
  }
}
