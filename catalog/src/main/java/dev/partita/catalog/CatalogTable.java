package dev.partita.catalog;

import dev.partita.schema.Schema;
import java.time.Instant;
import java.util.Objects;

/**
 * A table as the catalog holds it: its definition plus bookkeeping.
 *
 * @param definition location, format, schema, partition columns and properties
 * @param schemaVersion the version of {@link TableDefinition#schema()} in the table's schema history (1 at creation)
 * @param createdAt when the table was created in the catalog
 * @param updatedAt when its definition or its partitions last changed
 */
public record CatalogTable(TableDefinition definition, int schemaVersion, Instant createdAt, Instant updatedAt) {

  /** Validates the components. */
  public CatalogTable {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** The table's name. */
  public TableId id() {
    return definition.id();
  }

  /** The table's root. */
  public String location() {
    return definition.location();
  }

  /** The data columns. */
  public Schema schema() {
    return definition.schema();
  }
}
