package dev.partita.catalog;

import dev.partita.schema.Schema;
import java.util.Objects;

/**
 * One change to a table's definition, applied by {@link Tables#alter}. Partition columns and the location do
 * not change: drop and recreate the table (metadata only) for that.
 */
public sealed interface TableChange {

  /** Replaces the data columns, recording a new schema version with a note. */
  record SetSchema(Schema schema, String note) implements TableChange {
    /** Validates the components. */
    public SetSchema {
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(note, "note");
    }
  }

  /** Sets a property. */
  record SetProperty(String key, String value) implements TableChange {
    /** Validates the components. */
    public SetProperty {
      Names.check("property key", key);
      Objects.requireNonNull(value, "value");
    }
  }

  /** Removes a property; nothing happens when it is absent. */
  record RemoveProperty(String key) implements TableChange {
    /** Validates the components. */
    public RemoveProperty {
      Names.check("property key", key);
    }
  }

  /** Replaces the data columns. */
  static TableChange setSchema(Schema schema, String note) {
    return new SetSchema(schema, note);
  }

  /** Sets a property. */
  static TableChange setProperty(String key, String value) {
    return new SetProperty(key, value);
  }

  /** Removes a property. */
  static TableChange removeProperty(String key) {
    return new RemoveProperty(key);
  }
}
