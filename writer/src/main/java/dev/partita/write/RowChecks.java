package dev.partita.write;

import dev.partita.partition.InvalidPartitionException;
import dev.partita.partition.PartitionKey;
import dev.partita.partition.PartitionPaths;
import dev.partita.row.InvalidRowException;
import dev.partita.row.Row;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a row passes before it is routed: no null in a required column, and a partition whose directory
 * can be named. Immutable; shared by the threads of a parallel writer.
 */
final class RowChecks {
  private final Schema schema;
  private final int[] requiredColumns;

  RowChecks(Schema schema) {
    this.schema = schema;
    List<Integer> req = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      if (!schema.column(i).nullable()) {
        req.add(i);
      }
    }
    this.requiredColumns = req.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Throws when {@code row} (number {@code rowNumber}) holds a null in a required column. */
  void requireValues(Row row, long rowNumber) {
    for (int c : requiredColumns) {
      if (row.isNull(c)) {
        throw new InvalidRowException(schema.column(c).name(), rowNumber, "null in required column of type "
            + schema.column(c).type());
      }
    }
  }

  /** The table-relative directory of the partition {@code key}; throws when its values cannot name one. */
  static String directory(PartitionPaths paths, PartitionKey key, long rowNumber) {
    try {
      return paths.path(key);
    } catch (InvalidPartitionException e) {
      throw new InvalidRowException("(partition)", rowNumber, e.getMessage());
    }
  }
}
