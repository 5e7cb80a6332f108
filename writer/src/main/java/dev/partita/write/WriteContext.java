package dev.partita.write;

import dev.partita.commit.DataFile;
import dev.partita.commit.WriteTransaction;
import dev.partita.format.FileFormat;
import dev.partita.schema.Schema;
import dev.partita.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What every file writer of one write shares: where files go, their names, the budget and the counters. */
final class WriteContext {
  final Storage storage;
  final WriteTransaction transaction;
  final FileFormat format;
  final Schema dataSchema;
  final long targetFileSize;
  final long maxRowsPerFile;
  final Counters counters = new Counters();
  final List<DataFile> completed = new ArrayList<>();
  private final long budgetLimit;
  private long buffered;
  private int fileCounter;

  WriteContext(Storage storage, WriteTransaction transaction, WriteOptions options, Schema dataSchema) {
    this.storage = storage;
    this.transaction = transaction;
    this.format = options.format();
    this.dataSchema = dataSchema;
    this.targetFileSize = options.targetFileSize().bytes();
    this.maxRowsPerFile = options.maxRowsPerFile();
    this.budgetLimit = options.memoryBudget().bytes();
  }

  /** The next file name of this write: {@code part-<writeId>-<counter>.<suffix>}. */
  String nextFileName() {
    fileCounter++;
    return String.format(Locale.ROOT, "part-%s-%05d%s", transaction.writeId(), fileCounter, format.fileSuffix());
  }

  /** Records a change of one file's buffered bytes. */
  void buffered(long delta) {
    buffered += delta;
    Counters.add(counters.bufferedBytes, delta);
  }

  /** Bytes buffered by all open files, as last reported. */
  long bufferedBytes() {
    return buffered;
  }

  /** Whether buffered bytes passed the budget. */
  boolean overBudget() {
    return buffered > budgetLimit;
  }

  /** The level relief brings buffered bytes down to (hysteresis, so relief runs rarely). */
  long reliefTarget() {
    return budgetLimit - budgetLimit / 4;
  }
}
