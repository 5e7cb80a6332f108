package dev.partita.write;

import dev.partita.commit.WriteTransaction;
import dev.partita.storage.Storage;

/**
 * Rows in any order, one open file per active partition, at most {@code maxOpenFiles} at once (the least
 * recently used is closed beyond it; its partition gets a new file if rows arrive later).
 */
final class FanoutWriter extends BasePartitionedWriter {

  FanoutWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    super(storage, tx, options);
  }

  /**
   * A worker's writer for {@link ParallelWriter}: shares {@code ctx} (its open-file limit and memory budget) with
   * the other workers and leaves commit and abort of the transaction to its owner.
   */
  FanoutWriter(WriteContext ctx) {
    super(ctx, false);
  }

  @Override
  void beforeRoute(Partition p, long rowNumber) {
    // Any partition may receive rows at any time.
  }
}
