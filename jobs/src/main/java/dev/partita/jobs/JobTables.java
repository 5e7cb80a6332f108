package dev.partita.jobs;

import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.TableDefinition;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job writes into an existing catalog table: the rows it writes (the table's data columns, then its identity
 * partition columns, whose values live only in folder names) and the partitioning, so that every run writes what
 * the first one did.
 */
public final class JobTables {
  private JobTables() {}

  /** The write schema of a catalog table: its data columns, then its identity partition columns (nullable). */
  public static Schema writeSchema(CatalogTable table) {
    List<Column> columns = new ArrayList<>(table.schema().columns());
    for (PartitionColumn p : table.definition().partitionColumns()) {
      if (p.sourceColumn().isEmpty()) {
        columns.add(Column.optional(p.name(), p.type()));
      }
    }
    return Schema.of(columns);
  }

  /**
   * The partitioning of a catalog table over {@link #writeSchema}'s schema, with its time zone.
   *
   * @throws IllegalArgumentException when the table's partition columns do not form a Partita partition spec
   */
  public static PartitionSpec partitionSpec(CatalogTable table, Schema schema) {
    PartitionSpec.Builder b = PartitionSpec.builder(schema);
    for (PartitionColumn p : table.definition().partitionColumns()) {
      if (p.sourceColumn().isEmpty()) {
        b.identity(p.name());
      } else {
        b.add(p.name(), p.transform().orElseThrow(), p.sourceColumn().get());
      }
    }
    String zone = table.definition().properties().get(TableDefinition.PARTITION_TIME_ZONE_PROPERTY);
    if (zone != null) {
      b.timeZone(ZoneId.of(zone));
    }
    return b.build();
  }
}
