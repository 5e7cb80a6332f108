package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.TableDefinition;
import dev.partita.catalog.TableId;
import dev.partita.partition.Transform;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and writes the rows that make up a table's definition. */
final class TableRows {
  static final String TIME_ZONE_PROPERTY = TableDefinition.PARTITION_TIME_ZONE_PROPERTY;

  private TableRows() {}

  /** A loaded table and its row id. */
  record Loaded(long id, CatalogTable table) {
    ZoneId zone() {
      String z = table.definition().properties().get(TIME_ZONE_PROPERTY);
      try {
        return z == null ? ZoneOffset.UTC : ZoneId.of(z);
      } catch (java.time.DateTimeException e) {
        return ZoneOffset.UTC;
      }
    }
  }

  /** Loads a table; with {@code lock}, its row is locked until the transaction ends (PostgreSQL). */
  static Optional<Loaded> load(Connection c, Dialect dialect, TableId id, boolean lock) throws SQLException {
    long tableId;
    String location;
    String format;
    int version;
    long created;
    long updated;
    try (PreparedStatement p = c.prepareStatement("SELECT t.id, t.location, t.format, t.schema_version,"
        + " t.created_at, t.updated_at FROM partita_tables t WHERE t.name = ? AND t.namespace_id ="
        + " (SELECT n.id FROM partita_namespaces n WHERE n.name = ?)" + (lock ? dialect.forUpdate() : ""))) {
      p.setString(1, id.name());
      p.setString(2, id.namespace());
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        tableId = r.getLong(1);
        location = r.getString(2);
        format = r.getString(3);
        version = r.getInt(4);
        created = r.getLong(5);
        updated = r.getLong(6);
      }
    }
    TableDefinition.Builder b = TableDefinition.builder(id).location(location).format(format)
        .schema(schema(c, tableId, version)).partitionColumns(partitionColumns(c, tableId));
    try (PreparedStatement p = c.prepareStatement(
        "SELECT key, value FROM partita_table_properties WHERE table_id = ?")) {
      p.setLong(1, tableId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          b.property(r.getString(1), r.getString(2));
        }
      }
    }
    return Optional.of(new Loaded(tableId, new CatalogTable(b.build(), version, Instant.ofEpochMilli(created),
        Instant.ofEpochMilli(updated))));
  }

  /** The columns of one schema version. */
  static Schema schema(Connection c, long tableId, int version) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT name, type, nullable FROM partita_schema_columns"
        + " WHERE table_id = ? AND version = ? ORDER BY position")) {
      p.setLong(1, tableId);
      p.setInt(2, version);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          columns.add(new Column(r.getString(1), DataType.parse(r.getString(2)), r.getBoolean(3)));
        }
      }
    }
    return Schema.of(columns);
  }

  static List<PartitionColumn> partitionColumns(Connection c, long tableId) throws SQLException {
    List<PartitionColumn> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT name, type, source_column, transform"
        + " FROM partita_partition_columns WHERE table_id = ? ORDER BY position")) {
      p.setLong(1, tableId);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          DataType type = DataType.parse(r.getString(2));
          String source = r.getString(3);
          out.add(source == null ? PartitionColumn.of(r.getString(1), type)
              : PartitionColumn.derived(r.getString(1), type, source, Transform.parse(r.getString(4))));
        }
      }
    }
    return out;
  }

  /** Records a schema version and its columns. */
  static void insertSchema(Connection c, long tableId, int version, Schema schema, String note, long now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_schema_versions"
        + " (table_id, version, created_at, note) VALUES (?, ?, ?, ?)")) {
      p.setLong(1, tableId);
      p.setInt(2, version);
      p.setLong(3, now);
      p.setString(4, note);
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_schema_columns"
        + " (table_id, version, position, name, type, nullable) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < schema.size(); i++) {
        Column col = schema.column(i);
        p.setLong(1, tableId);
        p.setInt(2, version);
        p.setInt(3, i);
        p.setString(4, col.name());
        p.setString(5, col.type().toString());
        p.setBoolean(6, col.nullable());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** Sets properties (insert or replace). */
  static void putProperties(Connection c, long tableId, Map<String, String> properties) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_table_properties (table_id, key, value)"
        + " VALUES (?, ?, ?) ON CONFLICT (table_id, key) DO UPDATE SET value = excluded.value")) {
      for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
        p.setLong(1, tableId);
        p.setString(2, e.getKey());
        p.setString(3, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static void touch(Connection c, long tableId, long now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE partita_tables SET updated_at = ? WHERE id = ?")) {
      p.setLong(1, now);
      p.setLong(2, tableId);
      p.executeUpdate();
    }
  }
}
