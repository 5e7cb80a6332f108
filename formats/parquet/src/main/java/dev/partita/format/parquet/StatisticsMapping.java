package dev.partita.format.parquet;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/** Converts parquet-column statistics to the footer's Thrift form and to Partita's {@link ColumnStats}. */
final class StatisticsMapping {
  private StatisticsMapping() {}

  /**
   * The footer statistics: null count, and {@code min_value}/{@code max_value} in plain encoding when the chunk has
   * a non-null value, no NaN, and bounds no longer than {@code maxBytes}. parquet-column already widens a zero
   * bound to -0.0 (min) and +0.0 (max) as the specification asks; the deprecated {@code min}/{@code max} fields
   * are not written because their sort order is ambiguous.
   */
  static org.apache.parquet.format.Statistics toThrift(Statistics<?> s, int maxBytes) {
    org.apache.parquet.format.Statistics t = new org.apache.parquet.format.Statistics();
    t.setNull_count(s.getNumNulls());
    if (hasBounds(s)) {
      byte[] min = s.getMinBytes();
      byte[] max = s.getMaxBytes();
      if (min.length <= maxBytes && max.length <= maxBytes) {
        t.setMin_value(min);
        t.setMax_value(max);
        t.setIs_min_value_exact(true);
        t.setIs_max_value_exact(true);
      }
    }
    return t;
  }

  /** Whether min and max can be stated: some non-null value and, for floats, no NaN. */
  static boolean hasBounds(Statistics<?> s) {
    return s.hasNonNullValue() && !(s.isNanCountSet() && s.getNanCount() > 0);
  }

  /**
   * The file-level statistics of {@code column} in the {@link dev.partita.row.Row} representation.
   *
   * @param stats the statistics merged over the row groups, or null when not collected
   * @param rows the file's row count, which is the column's value count
   * @param nulls the nulls counted by the writer
   */
  static ColumnStats toColumnStats(Column column, Statistics<?> stats, long rows, long nulls) {
    if (stats == null || !hasBounds(stats)) {
      return new ColumnStats(column.name(), rows, nulls, Optional.empty(), Optional.empty());
    }
    return new ColumnStats(column.name(), rows, nulls, Optional.of(value(column.type(), stats.genericGetMin())),
        Optional.of(value(column.type(), stats.genericGetMax())));
  }

  private static Object value(DataType type, Object v) {
    return switch (type.kind()) {
      case STRING -> ((Binary) v).toStringUsingUTF8();
      case BINARY -> ((Binary) v).getBytes();
      case DECIMAL -> {
        if (v instanceof Integer i) {
          yield BigDecimal.valueOf(i, type.scale());
        } else if (v instanceof Long l) {
          yield BigDecimal.valueOf(l, type.scale());
        }
        yield new BigDecimal(new BigInteger(((Binary) v).getBytes()), type.scale());
      }
      default -> v;
    };
  }
}
