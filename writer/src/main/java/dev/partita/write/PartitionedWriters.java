package dev.partita.write;

import dev.partita.commit.WriteTransaction;
import dev.partita.storage.Storage;
import java.util.Objects;

/**
 * Creates the writer that {@link WriteOptions#routing()} and {@link WriteOptions#parallelism()} ask for; used by
 * {@link dev.partita.table.Table}.
 */
public final class PartitionedWriters {
  private PartitionedWriters() {}

  /**
   * A writer that stages files in {@code transaction} and commits through it: fanout or clustered on the calling
   * thread, or, when {@code parallelism > 1}, fanout on that many worker threads (see
   * {@link WriteOptions.Builder#parallelism}).
   */
  public static PartitionedWriter create(Storage storage, WriteTransaction transaction, WriteOptions options) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(options, "options");
    if (options.parallelism() > 1) {
      return new ParallelWriter(storage, transaction, options); // FANOUT: build() refuses CLUSTERED with it
    }
    return switch (options.routing()) {
      case FANOUT -> new FanoutWriter(storage, transaction, options);
      case CLUSTERED -> new ClusteredWriter(storage, transaction, options);
    };
  }
}
