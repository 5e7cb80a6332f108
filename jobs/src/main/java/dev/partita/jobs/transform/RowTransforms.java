package dev.partita.jobs.transform;

import dev.partita.row.Row;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Factories of common {@link RowTransform}s: filter, derived columns, projection, and their composition. Values
 * are copied with typed getters and setters (no boxing).
 *
 * <pre>{@code
 * RowTransform t = RowTransforms.chain(
 *     RowTransforms.filter(source, r -> !r.isNull(2)),
 *     RowTransforms.derive(source, Column.required("temp_range", DataType.float64()),
 *         (in, out, i) -> out.setDouble(i, in.getDouble(2) - in.getDouble(3))));
 * }</pre>
 */
public final class RowTransforms {
  private RowTransforms() {}

  /** Computes one derived value into {@code out} at {@code index} with a typed setter (or sets it null). */
  @FunctionalInterface
  public interface Deriver {
    /**
     * @param in the input row
     * @param out the output row, whose columns before {@code index} are already filled
     * @param index the derived column's position in {@code out}
     */
    void derive(Row in, RowBuffer out, int index);
  }

  /** Passes rows through unchanged. */
  public static RowTransform identity(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    return new Copy(schema, (Predicate<Row>) null);
  }

  /** Keeps the rows {@code keep} accepts, unchanged. */
  public static RowTransform filter(Schema schema, Predicate<Row> keep) {
    Objects.requireNonNull(schema, "schema");
    return new Copy(schema, Objects.requireNonNull(keep, "keep"));
  }

  /**
   * Keeps the named columns, in the given order.
   *
   * @throws IllegalArgumentException when a name is not a column of {@code schema}
   */
  public static RowTransform select(Schema schema, String... columns) {
    Objects.requireNonNull(schema, "schema");
    List<Column> out = new ArrayList<>();
    int[] from = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      from[i] = schema.require(columns[i]);
      out.add(schema.column(from[i]));
    }
    Schema output = Schema.of(out);
    return new RowTransform() {
      @Override
      public Schema outputSchema() {
        return output;
      }

      @Override
      public boolean apply(Row in, RowBuffer buffer) {
        for (int i = 0; i < from.length; i++) {
          buffer.copy(in, from[i], i);
        }
        return true;
      }
    };
  }

  /**
   * Appends a column computed from each row: the output is {@code schema} plus {@code column} at the end.
   *
   * @throws IllegalArgumentException when {@code schema} already has a column of that name
   */
  public static RowTransform derive(Schema schema, Column column, Deriver deriver) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(deriver, "deriver");
    if (schema.indexOf(column.name()).isPresent()) {
      throw new IllegalArgumentException("derived column '" + column.name() + "' already exists in " + schema);
    }
    List<Column> cols = new ArrayList<>(schema.columns());
    cols.add(column);
    Schema output = Schema.of(cols);
    int n = schema.size();
    return new RowTransform() {
      @Override
      public Schema outputSchema() {
        return output;
      }

      @Override
      public boolean apply(Row in, RowBuffer out) {
        for (int i = 0; i < n; i++) {
          out.copy(in, i, i);
        }
        deriver.derive(in, out, n);
        return true;
      }
    };
  }

  /**
   * Runs {@code first}, then {@code second} on its output (so {@code second} must read rows shaped as
   * {@code first.outputSchema()}); a row either drops is dropped. The chain keeps one intermediate buffer, so like
   * every transform it serves one run at a time.
   */
  public static RowTransform chain(RowTransform first, RowTransform second) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    RowBuffer middle = new RowBuffer(first.outputSchema());
    return new RowTransform() {
      @Override
      public Schema outputSchema() {
        return second.outputSchema();
      }

      @Override
      public boolean apply(Row in, RowBuffer out) {
        middle.clear();
        return first.apply(in, middle) && second.apply(middle, out);
      }
    };
  }

  /** Copies every column, keeping the rows a predicate accepts (all when none). */
  private static final class Copy implements RowTransform {
    private final Schema schema;
    private final Predicate<Row> keep;

    Copy(Schema schema, Predicate<Row> keep) {
      this.schema = schema;
      this.keep = keep;
    }

    @Override
    public Schema outputSchema() {
      return schema;
    }

    @Override
    public boolean apply(Row in, RowBuffer out) {
      if (keep != null && !keep.test(in)) {
        return false;
      }
      for (int i = 0; i < schema.size(); i++) {
        out.copy(in, i, i);
      }
      return true;
    }
  }
}
