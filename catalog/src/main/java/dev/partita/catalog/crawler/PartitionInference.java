package dev.partita.catalog.crawler;

import dev.partita.catalog.internal.PartitionValues;
import dev.partita.schema.DataType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * The type of a partition column from its folder values, as Glue's crawler infers it: int32 when every value is
 * a canonical integer in its range, int64 when they are integers beyond it, date for ISO dates
 * ({@code 2024-03-05}), timestamp for date-times ({@code 2024-03-05 10:15:00}), otherwise string. Integers with
 * leading zeros or a plus sign stay strings, so that {@code 007} keeps its text. Null values do not count; a
 * column of nulls only is a string.
 */
final class PartitionInference {
  private PartitionInference() {}

  static DataType infer(Collection<String> values) {
    boolean any = false;
    boolean ints = true;
    boolean fitsInt = true;
    boolean dates = true;
    boolean timestamps = true;
    for (String v : values) {
      if (v == null) {
        continue;
      }
      any = true;
      if (ints) {
        try {
          long l = Long.parseLong(v);
          if (!Long.toString(l).equals(v)) {
            ints = false;
          } else if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            fitsInt = false;
          }
        } catch (NumberFormatException e) {
          ints = false;
        }
      }
      if (dates) {
        try {
          dates = v.length() == 10 && LocalDate.parse(v) != null;
        } catch (DateTimeParseException e) {
          dates = false;
        }
      }
      if (timestamps) {
        timestamps = v.length() > 10 && PartitionValues.isTimestamp(v);
      }
    }
    if (!any) {
      return DataType.string();
    }
    if (ints) {
      return fitsInt ? DataType.int32() : DataType.int64();
    }
    if (dates) {
      return DataType.date();
    }
    return timestamps ? DataType.timestamp() : DataType.string();
  }
}
