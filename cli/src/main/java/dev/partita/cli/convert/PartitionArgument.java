package dev.partita.cli.convert;

import dev.partita.partition.PartitionSpec;
import dev.partita.partition.Transform;
import dev.partita.schema.Schema;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code --partition-by 'SPEC,...'}: each SPEC is a column name (identity), {@code year(col)},
 * {@code month(col)}, {@code day(col)}, {@code hour(col)}, {@code date(col)}, {@code bucket(N,col)} or
 * {@code truncate(W,col)}, optionally named as {@code name=spec} (default names: the column for identity,
 * {@code col_year}, {@code col_bucket}, ...). A column name holding a comma or parenthesis may be double-quoted.
 */
public final class PartitionArgument {
  private PartitionArgument() {}

  /**
   * The spec over {@code schema}.
   *
   * @throws IllegalArgumentException naming {@code --partition-by}, the entry and the problem (an unknown column
   *     lists the schema's columns)
   */
  public static PartitionSpec parse(String text, Schema schema, ZoneId zone) {
    PartitionSpec.Builder b = PartitionSpec.builder(schema).timeZone(zone);
    List<String> entries = Lists.splitTopLevel(text);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("--partition-by is empty; give columns or transforms such as state or"
          + " y=year(ts)");
    }
    for (String entry : entries) {
      add(b, entry, schema);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--partition-by: " + e.getMessage(), e);
    }
  }

  private static void add(PartitionSpec.Builder b, String entry, Schema schema) {
    String name = null;
    String spec = entry;
    if (schema.indexOf(Lists.unquote(entry)).isEmpty()) {
      int eq = entry.indexOf('=');
      int paren = entry.indexOf('(');
      if (eq > 0 && (paren < 0 || eq < paren) && !entry.startsWith("\"")) {
        name = Lists.unquote(entry.substring(0, eq));
        spec = entry.substring(eq + 1).strip();
      }
    }
    String column;
    Transform transform;
    int open = spec.indexOf('(');
    if (open > 0 && spec.endsWith(")") && !spec.startsWith("\"")
        && schema.indexOf(Lists.unquote(spec)).isEmpty()) {
      String fn = spec.substring(0, open).strip().toLowerCase(Locale.ROOT);
      List<String> args = Lists.splitTopLevel(spec.substring(open + 1, spec.length() - 1));
      switch (fn) {
        case "identity", "year", "month", "day", "hour", "date" -> {
          if (args.size() != 1) {
            throw bad(entry, fn + "() takes one column, as in " + fn + "(ts)");
          }
          transform = Transform.parse(fn);
          column = Lists.unquote(args.get(0));
        }
        case "bucket", "truncate" -> {
          if (args.size() != 2) {
            throw bad(entry, fn + "() takes a number and a column, as in " + fn + "(16,col)");
          }
          try {
            transform = Transform.parse(fn + "(" + args.get(0) + ")");
          } catch (IllegalArgumentException e) {
            throw bad(entry, e.getMessage());
          }
          column = Lists.unquote(args.get(1));
        }
        default -> throw bad(entry, "unknown transform '" + fn + "'; use a column name or year(col), month(col),"
            + " day(col), hour(col), date(col), bucket(N,col), truncate(W,col)");
      }
    } else {
      transform = Transform.identity();
      column = Lists.unquote(spec);
    }
    if (schema.indexOf(column).isEmpty()) {
      List<String> names = schema.columns().stream().map(c -> c.name()).toList();
      throw bad(entry, "no column '" + column + "'; the columns are " + names);
    }
    if (name == null) {
      name = transform.isIdentity() ? column : column + "_" + transform.name();
    }
    if (name.isEmpty()) {
      throw bad(entry, "the field name before '=' is empty");
    }
    b.add(name, transform, column);
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException("--partition-by '" + entry + "': " + why);
  }
}
