package dev.partita.format;

import java.util.Objects;
import java.util.Optional;

/**
 * Statistics of one column in one file. Bounds use the {@link dev.partita.row.Row} representation boxed:
 * Boolean, Integer (int8-32, date days), Long (int64, time and timestamp micros), Float, Double, BigDecimal,
 * String, byte[]. Bounds are absent when the column has only nulls, or when a format cannot state them (for
 * example a float column holding NaN).
 *
 * @param column the column name
 * @param valueCount values including nulls
 * @param nullCount nulls
 * @param min the smallest value, if known
 * @param max the largest value, if known
 */
public record ColumnStats(String column, long valueCount, long nullCount, Optional<Object> min,
    Optional<Object> max) {

  /** Validates the components. */
  public ColumnStats {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
  }
}
