package dev.partita.schema;

import java.util.Objects;

/**
 * One column of a {@link Schema}: a name, a type and whether nulls are allowed.
 *
 * @param name the column name, kept exactly as given (spaces and punctuation allowed)
 * @param type the column type
 * @param nullable whether the column accepts nulls; a null in a required column is rejected
 */
public record Column(String name, DataType type, boolean nullable) {

  /** Validates the components. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
  }

  /** A column that accepts nulls. */
  public static Column optional(String name, DataType type) {
    return new Column(name, type, true);
  }

  /** A column that rejects nulls. */
  public static Column required(String name, DataType type) {
    return new Column(name, type, false);
  }

  @Override
  public String toString() {
    return name + ":" + type + (nullable ? "" : " not null");
  }
}
