package dev.partita.catalog;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.DataType.Kind;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules by which a table's schema follows the files written to it, shared by writes that register
 * themselves and by crawls: a column keeps its place; a type may widen (int8 &lt; int16 &lt; int32 &lt; int64,
 * float &lt; double, decimal(p,s) to a decimal with at least as many integer and fraction digits); a new column is
 * appended as nullable; a column missing from newer files becomes nullable. Anything else (say string vs int64)
 * is a conflict, reported and not applied.
 */
public final class SchemaEvolution {
  private SchemaEvolution() {}

  /**
   * The outcome of merging.
   *
   * @param schema the merged schema (the current one where a column conflicts)
   * @param changes what changed, one line per column ({@code "widened delay int32 -> int64"}); empty when none
   * @param conflicts incompatible columns, one line each; empty when none
   */
  public record Result(Schema schema, List<String> changes, List<String> conflicts) {
    /** Copies the lists. */
    public Result {
      Objects.requireNonNull(schema, "schema");
      changes = List.copyOf(changes);
      conflicts = List.copyOf(conflicts);
    }

    /** Whether the schema changed. */
    public boolean changed() {
      return !changes.isEmpty();
    }
  }

  /** Merges the schema of newer files into the current one. */
  public static Result merge(Schema current, Schema incoming) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(incoming, "incoming");
    Map<String, Column> in = new LinkedHashMap<>();
    incoming.columns().forEach(c -> in.put(c.name(), c));
    List<Column> out = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (Column c : current.columns()) {
      Column n = in.remove(c.name());
      if (n == null) {
        if (!c.nullable()) {
          changes.add("column " + c.name() + " is missing from newer files: now nullable");
        }
        out.add(Column.optional(c.name(), c.type()));
        continue;
      }
      Optional<DataType> common = common(c.type(), n.type());
      if (common.isEmpty()) {
        conflicts.add("column " + c.name() + ": " + c.type() + " in the catalog, " + n.type() + " in the files");
        out.add(c);
        continue;
      }
      DataType type = common.get();
      if (!type.equals(c.type())) {
        changes.add("widened " + c.name() + " " + c.type() + " -> " + type);
      }
      boolean nullable = c.nullable() || n.nullable();
      if (nullable && !c.nullable()) {
        changes.add("column " + c.name() + " now nullable");
      }
      out.add(new Column(c.name(), type, nullable));
    }
    for (Column n : in.values()) {
      changes.add("added column " + n.name() + " " + n.type());
      out.add(Column.optional(n.name(), n.type()));
    }
    return new Result(Schema.of(out), changes, conflicts);
  }

  /** The narrowest type both types widen to, if any. */
  public static Optional<DataType> common(DataType a, DataType b) {
    if (a.equals(b)) {
      return Optional.of(a);
    }
    Kind ka = a.kind();
    Kind kb = b.kind();
    if (isInteger(ka) && isInteger(kb)) {
      return Optional.of(a.bitWidth() >= b.bitWidth() ? a : b);
    }
    if (isFloat(ka) && isFloat(kb)) {
      return Optional.of(DataType.float64());
    }
    if (ka == Kind.DECIMAL && kb == Kind.DECIMAL) {
      int integer = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
      int scale = Math.max(a.scale(), b.scale());
      return integer + scale <= DataType.MAX_DECIMAL_PRECISION
          ? Optional.of(DataType.decimal(integer + scale, scale)) : Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean isInteger(Kind k) {
    return k == Kind.INT32 || k == Kind.INT64;
  }

  private static boolean isFloat(Kind k) {
    return k == Kind.FLOAT32 || k == Kind.FLOAT64;
  }
}
