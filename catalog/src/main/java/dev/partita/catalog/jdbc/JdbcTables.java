package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogException;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.NoSuchTableException;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.SchemaVersion;
import dev.partita.catalog.TableChange;
import dev.partita.catalog.TableDefinition;
import dev.partita.catalog.TableExistsException;
import dev.partita.catalog.TableId;
import dev.partita.catalog.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Tables in {@code partita_tables} and the rows that hang off it. */
final class JdbcTables implements Tables {
  /** Child tables of a table, deleted before it, leaves first. */
  private static final String[] DROP_STATEMENTS = {
      "DELETE FROM partita_file_stats WHERE file_id IN (SELECT id FROM partita_files WHERE table_id = ?)",
      "DELETE FROM partita_files WHERE table_id = ?",
      "DELETE FROM partita_partition_stats WHERE partition_id IN"
          + " (SELECT id FROM partita_partitions WHERE table_id = ?)",
      "DELETE FROM partita_partition_values WHERE table_id = ?",
      "DELETE FROM partita_partitions WHERE table_id = ?",
      "DELETE FROM partita_commits WHERE table_id = ?",
      "DELETE FROM partita_partition_columns WHERE table_id = ?",
      "DELETE FROM partita_schema_columns WHERE table_id = ?",
      "DELETE FROM partita_schema_versions WHERE table_id = ?",
      "DELETE FROM partita_table_properties WHERE table_id = ?",
      "DELETE FROM partita_tables WHERE id = ?",
  };

  private final Jdbc jdbc;
  private final JdbcCatalog.Guard guard;
  private final Clock clock;
  private final String catalog;

  JdbcTables(Jdbc jdbc, JdbcCatalog.Guard guard, Clock clock, String catalog) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
    this.catalog = catalog;
  }

  @Override
  public CatalogTable create(TableDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    guard.check();
    return jdbc.write("creating table " + definition.id(), c -> {
      long now = clock.millis();
      if (!insert(c, definition, now)) {
        throw new TableExistsException(definition.id(), catalog);
      }
      return TableRows.load(c, jdbc.dialect(), definition.id(), false).orElseThrow().table();
    });
  }

  /**
   * Inserts a table unless one of its name exists (its namespace is created if needed).
   *
   * @return false when it existed (nothing changed)
   */
  static boolean insert(Connection c, TableDefinition d, long now) throws SQLException {
    long namespace = JdbcNamespaces.ensure(c, d.id().namespace(), now);
    long id;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_tables (namespace_id, name, location,"
        + " format, schema_version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)"
        + " ON CONFLICT (namespace_id, name) DO NOTHING RETURNING id")) {
      p.setLong(1, namespace);
      p.setString(2, d.id().name());
      p.setString(3, d.location());
      p.setString(4, d.format());
      p.setLong(5, now);
      p.setLong(6, now);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return false;
        }
        id = r.getLong(1);
      }
    }
    TableRows.insertSchema(c, id, 1, d.schema(), "created", now);
    TableRows.putProperties(c, id, d.properties());
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_partition_columns"
        + " (table_id, position, name, type, source_column, transform) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < d.partitionColumns().size(); i++) {
        PartitionColumn col = d.partitionColumns().get(i);
        p.setLong(1, id);
        p.setInt(2, i);
        p.setString(3, col.name());
        p.setString(4, col.type().toString());
        p.setString(5, col.sourceColumn().orElse(null));
        p.setString(6, col.transform().map(Object::toString).orElse(null));
        p.addBatch();
      }
      p.executeBatch();
    }
    return true;
  }

  @Override
  public Optional<CatalogTable> find(TableId id) {
    Objects.requireNonNull(id, "id");
    guard.check();
    return jdbc.read("reading table " + id,
        c -> TableRows.load(c, jdbc.dialect(), id, false).map(TableRows.Loaded::table));
  }

  @Override
  public List<TableId> list(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    guard.check();
    return jdbc.read("listing tables of " + namespace, c -> {
      List<TableId> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT t.name FROM partita_tables t JOIN partita_namespaces n"
          + " ON n.id = t.namespace_id WHERE n.name = ? ORDER BY t.name")) {
        p.setString(1, namespace);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(TableId.of(namespace, r.getString(1)));
          }
        }
      }
      return out;
    });
  }

  @Override
  public CatalogTable alter(TableId id, List<TableChange> changes) {
    Objects.requireNonNull(id, "id");
    List<TableChange> list = List.copyOf(changes);
    guard.check();
    return jdbc.write("altering table " + id, c -> {
      TableRows.Loaded t = TableRows.load(c, jdbc.dialect(), id, true)
          .orElseThrow(() -> new NoSuchTableException(id, catalog));
      long now = clock.millis();
      int version = t.table().schemaVersion();
      dev.partita.schema.Schema schema = t.table().schema();
      for (TableChange change : list) {
        if (change instanceof TableChange.SetSchema s) {
          if (!s.schema().equals(schema)) {
            // Validates the new columns against the partition columns before anything is written.
            t.table().definition().toBuilder().schema(s.schema()).build();
            version++;
            schema = s.schema();
            TableRows.insertSchema(c, t.id(), version, schema, s.note(), now);
          }
        } else if (change instanceof TableChange.SetProperty s) {
          TableRows.putProperties(c, t.id(), Map.of(s.key(), s.value()));
        } else if (change instanceof TableChange.RemoveProperty r) {
          try (PreparedStatement p = c.prepareStatement(
              "DELETE FROM partita_table_properties WHERE table_id = ? AND key = ?")) {
            p.setLong(1, t.id());
            p.setString(2, r.key());
            p.executeUpdate();
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE partita_tables SET schema_version = ?, updated_at = ? WHERE id = ?")) {
        p.setInt(1, version);
        p.setLong(2, now);
        p.setLong(3, t.id());
        p.executeUpdate();
      }
      return TableRows.load(c, jdbc.dialect(), id, false).orElseThrow().table();
    });
  }

  @Override
  public boolean drop(TableId id, boolean deleteFiles) {
    Objects.requireNonNull(id, "id");
    guard.check();
    List<String> files = new ArrayList<>();
    boolean dropped = jdbc.write("dropping table " + id, c -> {
      files.clear();
      OptionalLong tableId = tableId(c, id);
      if (tableId.isEmpty()) {
        return false;
      }
      if (deleteFiles) {
        String location = TableRows.load(c, jdbc.dialect(), id, true).orElseThrow().table().location();
        try (PreparedStatement p = c.prepareStatement("SELECT path FROM partita_files WHERE table_id = ?")) {
          p.setLong(1, tableId.getAsLong());
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              files.add(r.getString(1).isEmpty() ? location : location + "/" + r.getString(1));
            }
          }
        }
      }
      for (String sql : DROP_STATEMENTS) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setLong(1, tableId.getAsLong());
          p.executeUpdate();
        }
      }
      return true;
    });
    List<String> failed = new ArrayList<>();
    for (String f : files) {
      try {
        Files.deleteIfExists(localPath(f));
      } catch (IOException | RuntimeException e) {
        failed.add(f + " (" + e.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new CatalogException("table " + id + " was dropped from the catalog, but " + failed.size()
          + " of its " + files.size() + " files could not be deleted, for example " + failed.get(0));
    }
    return dropped;
  }

  private static Path localPath(String location) {
    return location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
  }

  @Override
  public List<SchemaVersion> schemaHistory(TableId id) {
    Objects.requireNonNull(id, "id");
    guard.check();
    return jdbc.read("reading the schema history of " + id, c -> {
      long tableId = tableId(c, id).orElseThrow(() -> new NoSuchTableException(id, catalog));
      List<SchemaVersion> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT version, created_at, note FROM partita_schema_versions"
          + " WHERE table_id = ? ORDER BY version")) {
        p.setLong(1, tableId);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new SchemaVersion(r.getInt(1), dev.partita.schema.Schema.of(),
                Instant.ofEpochMilli(r.getLong(2)), r.getString(3)));
          }
        }
      }
      List<SchemaVersion> filled = new ArrayList<>();
      for (SchemaVersion v : out) {
        filled.add(new SchemaVersion(v.version(), TableRows.schema(c, tableId, v.version()), v.createdAt(),
            v.note()));
      }
      return filled;
    });
  }

  static OptionalLong tableId(Connection c, TableId id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT t.id FROM partita_tables t JOIN partita_namespaces n"
        + " ON n.id = t.namespace_id WHERE n.name = ? AND t.name = ?")) {
      p.setString(1, id.namespace());
      p.setString(2, id.name());
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
      }
    }
  }
}
