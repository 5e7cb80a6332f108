package dev.partita.partition;

import java.util.Objects;

/**
 * One field of a {@link PartitionSpec}: the path name, the source column and the transform that turns the
 * column's value into the partition value.
 *
 * @param name the field name, used as {@code name=value} in paths; not empty
 * @param sourceColumn the name of the column the value is computed from
 * @param transform the transform applied to the column's value
 */
public record PartitionField(String name, String sourceColumn, Transform transform) {

  /** Validates the components. */
  public PartitionField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sourceColumn, "sourceColumn");
    Objects.requireNonNull(transform, "transform");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("partition field name must not be empty (source column '"
          + sourceColumn + "', transform " + transform + ")");
    }
  }

  @Override
  public String toString() {
    return name + "=" + transform + "(" + sourceColumn + ")";
  }
}
