package dev.partita.row;

import dev.partita.schema.Schema;
import java.util.Map;
import java.util.Objects;

/**
 * A reusable {@link Row} over a {@code Map<String, ?>} keyed by column name. A missing key is a null. Keys that
 * are not columns are ignored. Value types are those of {@link ObjectArrayRow#wrap}.
 */
public final class MapRow extends ValueRow {
  private final String[] names;
  private final Object[] buffer;

  /** An adapter for maps keyed by the names of {@code schema}. */
  public MapRow(Schema schema) {
    super(schema);
    this.names = new String[schema.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = schema.column(i).name();
    }
    this.buffer = new Object[names.length];
  }

  /**
   * Points this row at {@code map}'s values.
   *
   * @return this row
   * @throws InvalidRowException naming the column, row number and value type when a value does not fit
   */
  public MapRow wrap(Map<String, ?> map) {
    Objects.requireNonNull(map, "map");
    for (int i = 0; i < names.length; i++) {
      buffer[i] = map.get(names[i]);
    }
    install(buffer);
    return this;
  }
}
