package dev.partita.bench.sink;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One contender of a benchmark: writes every row of a source as a (possibly partitioned) table under a directory,
 * with Hive-style {@code name=value} partition directories.
 */
public interface TableSink {

  /**
   * Writes all rows of {@code source} under {@code dir}, which does not exist yet.
   *
   * @return the rows written
   */
  long write(RowSource source, Path dir) throws IOException;
}
