package dev.partita.catalog.commit;

import dev.partita.catalog.Catalog;
import dev.partita.catalog.CatalogException;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.ChangeResult;
import dev.partita.catalog.PartitionChanges;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.SchemaEvolution;
import dev.partita.catalog.TableChange;
import dev.partita.catalog.TableDefinition;
import dev.partita.catalog.TableExistsException;
import dev.partita.catalog.TableId;
import dev.partita.commit.CommitHook;
import dev.partita.commit.TableLayout;
import dev.partita.partition.PartitionField;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.Storage;
import dev.partita.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Registers every commit of a Partita table in a catalog table: the commit's new files and partitions, and the
 * removal of the files it replaced, in one catalog transaction keyed by the write id. The core runs this hook
 * after the commit's files and manifest are published and before its journal is removed, and recovery runs it
 * again for every journal it completes; since the catalog applies a write id at most once, a crash anywhere
 * between publishing and the catalog transaction is repaired by the next open of the table, and no file is
 * registered twice.
 *
 * <pre>{@code
 * Table table = CatalogCommitHook.openTable(catalog, TableId.of("sales"), Path.of("/data/sales"));
 * try (PartitionedWriter w = table.newWriter(options)) { ...; w.commit(); }  // now in the catalog
 * }</pre>
 *
 * <p>The first commit creates the catalog table when it is missing: data columns are the write's schema without
 * the identity-partitioned columns, partition columns are the spec's fields typed by their transforms. Later
 * commits must use the same partition fields and location; their schema is merged by {@link SchemaEvolution}
 * (a widened type or a new column updates the table, recording a schema version). A conflicting schema fails the
 * hook: the commit's data is published, its journal stays, and the next open of the table retries the
 * registration once the catalog table is fixed.
 */
public final class CatalogCommitHook implements CommitHook {
  private final Catalog catalog;
  private final TableId table;
  private final Storage storage;

  private CatalogCommitHook(Catalog catalog, TableId table, Storage storage) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.table = Objects.requireNonNull(table, "table");
    this.storage = Objects.requireNonNull(storage, "storage");
  }

  /** A hook registering commits of a table on {@code storage} (where manifests are read) in {@code table}. */
  public static CatalogCommitHook of(Catalog catalog, TableId table, Storage storage) {
    return new CatalogCommitHook(catalog, table, storage);
  }

  /** A hook for a table on the local file system. */
  public static CatalogCommitHook of(Catalog catalog, TableId table) {
    return of(catalog, table, LocalStorage.instance());
  }

  /**
   * Opens the local table at {@code root} with its commits registered in {@code table}; the open's recovery
   * registers commits an earlier crash left unregistered.
   */
  public static Table openTable(Catalog catalog, TableId table, Path root) {
    Objects.requireNonNull(root, "root");
    return Table.open(LocalStorage.instance(), root.toAbsolutePath().normalize().toString(),
        of(catalog, table));
  }

  /** The catalog table commits are registered in. */
  public TableId table() {
    return table;
  }

  /**
   * Registers the commit {@code writeId} described by the manifest at {@code manifest}.
   *
   * @throws IOException when the manifest cannot be read
   * @throws CatalogException when the catalog table does not fit the write (location, partition fields, schema)
   *     or the catalog is unreachable
   */
  @Override
  public void committed(String writeId, String manifest) throws IOException {
    Manifest m;
    try (InputStream in = storage.open(manifest)) {
      m = Manifest.read(in, manifest);
    }
    register(writeId, m, tableRoot(manifest));
  }

  private ChangeResult register(String writeId, Manifest m, String location) {
    CatalogTable existing = ensureTable(m, location);
    checkCompatible(existing, m, location, writeId);
    PartitionChanges.Builder changes = PartitionChanges.builder().writeId(writeId).addFiles(m.files());
    m.deleted().forEach(changes::removeFile);
    return catalog.partitions().apply(table, changes.build());
  }

  private CatalogTable ensureTable(Manifest m, String location) {
    var found = catalog.tables().find(table);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      return catalog.tables().create(definition(m, location));
    } catch (TableExistsException e) {
      // Another process's first commit created it meanwhile.
      return catalog.tables().find(table).orElseThrow(() -> e);
    }
  }

  private void checkCompatible(CatalogTable t, Manifest m, String location, String writeId) {
    if (!t.location().equals(location)) {
      throw new CatalogException("catalog table " + table + " is at " + t.location() + " but write " + writeId
          + " went to " + location + "; register each location as its own table");
    }
    List<String> expected = new ArrayList<>();
    t.definition().partitionColumns().forEach(c -> expected.add(c.name()));
    List<String> actual = new ArrayList<>();
    m.spec().forEach(f -> actual.add(f.name()));
    if (!expected.equals(actual)) {
      throw new CatalogException("catalog table " + table + " is partitioned by " + expected + " but write "
          + writeId + " by " + actual + "; write with the table's partition fields or register another table");
    }
    SchemaEvolution.Result merged = SchemaEvolution.merge(t.schema(), dataSchema(m));
    if (!merged.conflicts().isEmpty()) {
      throw new CatalogException("write " + writeId + " does not fit the schema of catalog table " + table + ": "
          + String.join("; ", merged.conflicts()) + "; alter the catalog table (Tables.alter) and reopen the table"
          + " to register the commit");
    }
    if (merged.changed()) {
      catalog.tables().alter(table, List.of(TableChange.setSchema(merged.schema(),
          "write " + writeId + ": " + String.join(", ", merged.changes()))));
    }
  }

  private TableDefinition definition(Manifest m, String location) {
    TableDefinition.Builder b = TableDefinition.builder(table).location(location).format(m.format())
        .schema(dataSchema(m));
    for (PartitionField f : m.spec()) {
      DataType source = m.schema().column(m.schema().require(f.sourceColumn())).type();
      DataType type = f.transform().resultType(source);
      b.partitionColumn(f.transform().isIdentity() && f.name().equals(f.sourceColumn())
          ? PartitionColumn.of(f.name(), type)
          : PartitionColumn.derived(f.name(), type, f.sourceColumn(), f.transform()));
    }
    if (!m.timeZone().normalized().equals(ZoneOffset.UTC)) {
      b.property(TableDefinition.PARTITION_TIME_ZONE_PROPERTY, m.timeZone().getId());
    }
    return b.build();
  }

  /** The columns stored in the files: the write's schema without identity sources and partition field names. */
  private static Schema dataSchema(Manifest m) {
    Set<String> drop = new HashSet<>();
    for (PartitionField f : m.spec()) {
      drop.add(f.name());
      if (f.transform().isIdentity()) {
        drop.add(f.sourceColumn());
      }
    }
    return m.schema().without(drop);
  }

  /** The table root of a manifest at {@code <root>/_partita/commits/<file>}. */
  private static String tableRoot(String manifest) {
    String marker = "/" + TableLayout.METADATA_DIR + "/commits/";
    int at = manifest.lastIndexOf(marker);
    if (at < 0) {
      throw new IllegalArgumentException("manifest " + manifest + " is not under <table>/" + marker);
    }
    return manifest.substring(0, at);
  }

  @Override
  public String toString() {
    return "CatalogCommitHook[" + table + " in " + catalog.describe() + "]";
  }
}
