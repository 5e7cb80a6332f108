package dev.partita.write;

import dev.partita.commit.WriteTransaction;
import dev.partita.storage.Storage;
import java.io.IOException;

/**
 * Input grouped by partition: one file open at a time. When the partition changes the previous one is finished;
 * a row for a finished partition fails the write with an error that says to cluster the input or use fanout.
 */
final class ClusteredWriter extends BasePartitionedWriter {
  private Partition current;

  ClusteredWriter(Storage storage, WriteTransaction tx, WriteOptions options) {
    super(storage, tx, options);
  }

  @Override
  void beforeRoute(Partition p, long rowNumber) throws IOException {
    if (p == current) {
      return;
    }
    if (p.finished) {
      throw new ClusteringException("row " + rowNumber + " belongs to partition '" + p.directory
          + "', which this clustered write already finished: the input is not grouped by partition. Either cluster"
          + " (sort) the incoming rows by the partition columns or switch to fanout routing");
    }
    if (current != null) {
      current.finished = true;
      unlist(current);
      current.writer.closeFile();
    }
    current = p;
  }
}
