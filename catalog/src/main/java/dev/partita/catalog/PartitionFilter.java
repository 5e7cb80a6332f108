package dev.partita.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A predicate on a table's partition columns, answered by the catalog without listing directories (see
 * {@link Partitions#files}). Build one with the static factories and combine with {@link #and}/{@link #or}:
 *
 * <pre>{@code
 * PartitionFilter f = PartitionFilter.eq("region", "eu-west")
 *     .and(PartitionFilter.between("day", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)));
 * }</pre>
 *
 * <p>Values are compared as the column's type: integers, booleans, dates, times and timestamps exactly, floats
 * and decimals as doubles, strings and binary (hex) by Unicode code point. A literal may be a Java value of the
 * column's type ({@code Integer}/{@code Long} for integers, {@code LocalDate} for dates, {@code LocalDateTime} or
 * {@code Instant} for timestamps, ...) or a {@code String} in the folder-name form ({@code 2024-03-05}). As in SQL,
 * the null partition matches only {@link #isNull}; every comparison with it, {@code !=} included, is false.
 */
public sealed interface PartitionFilter {

  /** Comparison operators. */
  enum Operator {
    /** Equal. */
    EQ("="),
    /** Not equal. */
    NE("<>"),
    /** Less than. */
    LT("<"),
    /** Less than or equal. */
    LE("<="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal. */
    GE(">=");

    private final String sql;

    Operator(String sql) {
      this.sql = sql;
    }

    /** The SQL operator. */
    public String sql() {
      return sql;
    }
  }

  /** Every partition. */
  record All() implements PartitionFilter {}

  /** {@code column op value}. */
  record Comparison(String column, Operator operator, Object value) implements PartitionFilter {
    /** Validates the components. */
    public Comparison {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value (use isNull for nulls)");
    }
  }

  /** {@code column IN (values)}; an empty list matches nothing. */
  record In(String column, List<Object> values) implements PartitionFilter {
    /** Copies the list (no nulls: use {@link #isNull}). */
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
    }
  }

  /** {@code column BETWEEN low AND high}, both bounds included. */
  record Between(String column, Object low, Object high) implements PartitionFilter {
    /** Validates the components. */
    public Between {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }
  }

  /** {@code column IS NULL}: the partition folder is the default partition name. */
  record IsNull(String column) implements PartitionFilter {
    /** Validates the components. */
    public IsNull {
      Objects.requireNonNull(column, "column");
    }
  }

  /** Every filter holds; no filters: true. */
  record And(List<PartitionFilter> filters) implements PartitionFilter {
    /** Copies the list. */
    public And {
      filters = List.copyOf(filters);
    }
  }

  /** Some filter holds; no filters: false. */
  record Or(List<PartitionFilter> filters) implements PartitionFilter {
    /** Copies the list. */
    public Or {
      filters = List.copyOf(filters);
    }
  }

  /** Every partition. */
  static PartitionFilter all() {
    return new All();
  }

  /** {@code column = value}. */
  static PartitionFilter eq(String column, Object value) {
    return new Comparison(column, Operator.EQ, value);
  }

  /** {@code column <> value} (false for the null partition). */
  static PartitionFilter ne(String column, Object value) {
    return new Comparison(column, Operator.NE, value);
  }

  /** {@code column < value}. */
  static PartitionFilter lt(String column, Object value) {
    return new Comparison(column, Operator.LT, value);
  }

  /** {@code column <= value}. */
  static PartitionFilter le(String column, Object value) {
    return new Comparison(column, Operator.LE, value);
  }

  /** {@code column > value}. */
  static PartitionFilter gt(String column, Object value) {
    return new Comparison(column, Operator.GT, value);
  }

  /** {@code column >= value}. */
  static PartitionFilter ge(String column, Object value) {
    return new Comparison(column, Operator.GE, value);
  }

  /** {@code column IN (values...)}. */
  static PartitionFilter in(String column, Object... values) {
    return new In(column, List.of(values));
  }

  /** {@code column IN (values)}. */
  static PartitionFilter in(String column, Collection<?> values) {
    return new In(column, new ArrayList<>(values));
  }

  /** {@code column BETWEEN low AND high}, inclusive. */
  static PartitionFilter between(String column, Object low, Object high) {
    return new Between(column, low, high);
  }

  /** {@code column IS NULL}. */
  static PartitionFilter isNull(String column) {
    return new IsNull(column);
  }

  /** All of {@code filters}. */
  static PartitionFilter and(PartitionFilter... filters) {
    return new And(List.of(filters));
  }

  /** Any of {@code filters}. */
  static PartitionFilter or(PartitionFilter... filters) {
    return new Or(List.of(filters));
  }

  /** This filter and {@code other}. */
  default PartitionFilter and(PartitionFilter other) {
    return new And(List.of(this, other));
  }

  /** This filter or {@code other}. */
  default PartitionFilter or(PartitionFilter other) {
    return new Or(List.of(this, other));
  }
}
