package dev.partita.catalog;

import dev.partita.schema.Schema;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a table's schema history.
 *
 * @param version 1 for the schema the table was created with, then one more per change
 * @param schema the data columns of this version
 * @param createdAt when this version was recorded
 * @param note why it changed (for example {@code "crawl: added column delay"}); empty for none
 */
public record SchemaVersion(int version, Schema schema, Instant createdAt, String note) {

  /** Validates the components. */
  public SchemaVersion {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(note, "note");
  }
}
