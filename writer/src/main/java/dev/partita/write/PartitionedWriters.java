package dev.partita.write;

import dev.partita.commit.WriteTransaction;
import dev.partita.storage.Storage;
import java.util.Objects;

/** Creates the writer that {@link WriteOptions#routing()} asks for; used by {@link dev.partita.table.Table}. */
public final class PartitionedWriters {
  private PartitionedWriters() {}

  /** A writer that stages files in {@code transaction} and commits through it. */
  public static PartitionedWriter create(Storage storage, WriteTransaction transaction, WriteOptions options) {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(options, "options");
    return switch (options.routing()) {
      case FANOUT -> new FanoutWriter(storage, transaction, options);
      case CLUSTERED -> new ClusteredWriter(storage, transaction, options);
    };
  }
}
