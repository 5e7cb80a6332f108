package dev.partita.cli.convert;

import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code --schema 'name:type,...'}: types as {@link DataType#parse} reads them ({@code boolean}, {@code int32},
 * {@code int64}, {@code float}, {@code double}, {@code decimal(p,s)}, {@code string}, {@code binary}, {@code date},
 * {@code time}, {@code timestamp}, {@code timestamptz}, ...), an optional {@code not null} after the type; a name
 * holding a comma or colon may be double-quoted.
 */
public final class SchemaArgument {
  private SchemaArgument() {}

  /**
   * The schema written in {@code text}.
   *
   * @throws IllegalArgumentException naming {@code --schema} and the entry at fault
   */
  public static Schema parse(String text) {
    List<Column> columns = new ArrayList<>();
    List<String> entries = Lists.splitTopLevel(text);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("--schema is empty; write it as 'name:type,name:type,...'");
    }
    for (String e : entries) {
      int colon = e.lastIndexOf(':');
      if (colon <= 0 || colon == e.length() - 1) {
        throw new IllegalArgumentException("--schema entry '" + e + "' is not name:type");
      }
      String name = Lists.unquote(e.substring(0, colon));
      String type = e.substring(colon + 1).strip();
      boolean required = false;
      if (type.toLowerCase(Locale.ROOT).endsWith("not null")) {
        required = true;
        type = type.substring(0, type.length() - "not null".length()).strip();
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException("--schema entry '" + e + "' has an empty column name");
      }
      DataType t;
      try {
        t = DataType.parse(type);
      } catch (IllegalArgumentException x) {
        throw new IllegalArgumentException("--schema column '" + name + "': " + x.getMessage(), x);
      }
      columns.add(new Column(name, t, !required));
    }
    try {
      return Schema.of(columns);
    } catch (IllegalArgumentException x) {
      throw new IllegalArgumentException("--schema: " + x.getMessage(), x);
    }
  }
}
