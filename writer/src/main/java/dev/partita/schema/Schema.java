package dev.partita.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An ordered, immutable list of uniquely named columns. Column positions are the indexes a
 * {@link dev.partita.row.Row} is read by.
 */
public final class Schema {
  private final List<Column> columns;
  private final Map<String, Integer> positions;

  private Schema(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.positions = new HashMap<>();
    for (int i = 0; i < this.columns.size(); i++) {
      if (positions.putIfAbsent(this.columns.get(i).name(), i) != null) {
        throw new IllegalArgumentException("duplicate column name '" + this.columns.get(i).name() + "'");
      }
    }
  }

  /** A schema of these columns, in this order. */
  public static Schema of(List<Column> columns) {
    Objects.requireNonNull(columns, "columns");
    return new Schema(columns);
  }

  /** A schema of these columns, in this order. */
  public static Schema of(Column... columns) {
    return of(List.of(columns));
  }

  /** A builder that adds columns one by one. */
  public static Builder builder() {
    return new Builder();
  }

  /** The columns in order. */
  public List<Column> columns() {
    return columns;
  }

  /** Number of columns. */
  public int size() {
    return columns.size();
  }

  /** The column at a position. */
  public Column column(int index) {
    return columns.get(index);
  }

  /** The position of a column by exact name, if present. */
  public OptionalInt indexOf(String name) {
    Integer p = positions.get(name);
    return p == null ? OptionalInt.empty() : OptionalInt.of(p);
  }

  /**
   * The position of a column by exact name.
   *
   * @throws IllegalArgumentException naming the column and listing the schema's columns
   */
  public int require(String name) {
    Integer p = positions.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no column '" + name + "' in schema " + this);
    }
    return p;
  }

  /** A schema without the named columns (used to drop partition columns from data files). */
  public Schema without(java.util.Collection<String> names) {
    List<Column> kept = new ArrayList<>();
    for (Column c : columns) {
      if (!names.contains(c.name())) {
        kept.add(c);
      }
    }
    return new Schema(kept);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && s.columns.equals(columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return columns.toString();
  }

  /** Collects columns for a {@link Schema}. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();

    private Builder() {}

    /** Adds a nullable column. */
    public Builder optional(String name, DataType type) {
      columns.add(Column.optional(name, type));
      return this;
    }

    /** Adds a required (non-null) column. */
    public Builder required(String name, DataType type) {
      columns.add(Column.required(name, type));
      return this;
    }

    /** Adds a column. */
    public Builder add(Column column) {
      columns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    /** The schema; fails on duplicate names. */
    public Schema build() {
      return new Schema(columns);
    }
  }
}
