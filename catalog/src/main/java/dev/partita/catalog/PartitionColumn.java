package dev.partita.catalog;

import dev.partita.partition.Transform;
import dev.partita.schema.DataType;
import java.util.Objects;
import java.util.Optional;

/**
 * A partition column of a catalog table: a {@code name=value} folder level of the table's directory tree. Its
 * values are not stored in the data files (Hive's convention); they are the folder names.
 *
 * @param name the column name, the key of the folder level
 * @param type the type values are compared as (pruning) and declared as (DDL)
 * @param sourceColumn for a column a Partita write derives from a data column, that column (for example
 *     {@code ts} for {@code ts_year}); empty for plain folder columns, such as crawled ones
 * @param transform for a derived column, the transform that computes it; empty for plain folder columns
 */
public record PartitionColumn(String name, DataType type, Optional<String> sourceColumn,
    Optional<Transform> transform) {

  /** Validates the components. */
  public PartitionColumn {
    Names.check("partition column name", name);
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sourceColumn, "sourceColumn");
    Objects.requireNonNull(transform, "transform");
    if (sourceColumn.isPresent() != transform.isPresent()) {
      throw new IllegalArgumentException("partition column '" + name
          + "': sourceColumn and transform must both be present or both be empty");
    }
  }

  /** A plain folder column, as a crawler finds it. */
  public static PartitionColumn of(String name, DataType type) {
    return new PartitionColumn(name, type, Optional.empty(), Optional.empty());
  }

  /** A column derived from {@code sourceColumn} by {@code transform}. */
  public static PartitionColumn derived(String name, DataType type, String sourceColumn, Transform transform) {
    return new PartitionColumn(name, type, Optional.of(sourceColumn), Optional.of(transform));
  }

  @Override
  public String toString() {
    return name + ":" + type + transform.map(t -> " = " + t + "(" + sourceColumn.orElseThrow() + ")").orElse("");
  }
}
