package dev.partita.format.orc;

import dev.partita.format.ColumnStats;
import dev.partita.schema.Column;
import java.sql.Timestamp;
import java.util.Optional;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.orc.BooleanColumnStatistics;
import org.apache.orc.ColumnStatistics;
import org.apache.orc.DateColumnStatistics;
import org.apache.orc.DecimalColumnStatistics;
import org.apache.orc.DoubleColumnStatistics;
import org.apache.orc.IntegerColumnStatistics;
import org.apache.orc.StringColumnStatistics;
import org.apache.orc.TimestampColumnStatistics;

/** Turns orc-core's column statistics into Partita's {@link ColumnStats}, bounds in the Row representation. */
final class OrcStatistics {
  private OrcStatistics() {}

  /**
   * Statistics of one column. ORC counts only non-null values and keeps no null count, so the writer passes its
   * own. Bounds are left out where ORC's cannot be trusted or do not exist: binary columns (ORC keeps none),
   * strings longer than ORC's 1024-byte bound limit (only truncated bounds), and float columns that held a NaN.
   *
   * @param rows rows in the file
   * @param nulls nulls the writer counted in this column
   * @param sawNaN whether the writer copied a NaN into this column
   */
  static ColumnStats toColumnStats(Column column, ColumnStatistics s, long rows, long nulls, boolean sawNaN) {
    Optional<Object> min = Optional.empty();
    Optional<Object> max = Optional.empty();
    if (s.getNumberOfValues() > 0) {
      switch (column.type().kind()) {
        case BOOLEAN -> {
          BooleanColumnStatistics b = (BooleanColumnStatistics) s;
          min = Optional.of(b.getFalseCount() == 0);
          max = Optional.of(b.getTrueCount() > 0);
        }
        case INT32 -> {
          IntegerColumnStatistics i = (IntegerColumnStatistics) s;
          min = Optional.of(Math.toIntExact(i.getMinimum()));
          max = Optional.of(Math.toIntExact(i.getMaximum()));
        }
        case INT64, TIME -> {
          IntegerColumnStatistics i = (IntegerColumnStatistics) s;
          min = Optional.of(i.getMinimum());
          max = Optional.of(i.getMaximum());
        }
        case FLOAT32 -> {
          if (!sawNaN) {
            DoubleColumnStatistics d = (DoubleColumnStatistics) s;
            min = Optional.of((float) d.getMinimum());
            max = Optional.of((float) d.getMaximum());
          }
        }
        case FLOAT64 -> {
          if (!sawNaN) {
            DoubleColumnStatistics d = (DoubleColumnStatistics) s;
            min = Optional.of(d.getMinimum());
            max = Optional.of(d.getMaximum());
          }
        }
        case DECIMAL -> {
          DecimalColumnStatistics d = (DecimalColumnStatistics) s;
          min = decimal(d.getMinimum(), column.type().scale());
          max = decimal(d.getMaximum(), column.type().scale());
        }
        case STRING -> {
          StringColumnStatistics t = (StringColumnStatistics) s;
          // null when ORC kept only a truncated bound
          min = Optional.ofNullable(t.getMinimum());
          max = Optional.ofNullable(t.getMaximum());
        }
        case BINARY -> {
          // ORC keeps only the total length of binary columns.
        }
        case DATE -> {
          DateColumnStatistics d = (DateColumnStatistics) s;
          min = Optional.of(Math.toIntExact(d.getMinimumDayOfEpoch()));
          max = Optional.of(Math.toIntExact(d.getMaximumDayOfEpoch()));
        }
        case TIMESTAMP -> {
          TimestampColumnStatistics t = (TimestampColumnStatistics) s;
          min = micros(t.getMinimumUTC());
          max = micros(t.getMaximumUTC());
        }
      }
    }
    return new ColumnStats(column.name(), rows, nulls, min, max);
  }

  private static Optional<Object> decimal(HiveDecimal d, int scale) {
    // ORC normalizes away trailing zeros; bounds carry the column's scale like the values do.
    return d == null ? Optional.empty() : Optional.of(d.bigDecimalValue().setScale(scale));
  }

  /** Micros since the epoch of a UTC timestamp, whose {@code getTime()} includes the millis of its nanos. */
  static Optional<Object> micros(Timestamp t) {
    if (t == null) {
      return Optional.empty();
    }
    long seconds = Math.floorDiv(t.getTime(), 1000L);
    return Optional.of(seconds * 1_000_000L + t.getNanos() / 1000);
  }
}
