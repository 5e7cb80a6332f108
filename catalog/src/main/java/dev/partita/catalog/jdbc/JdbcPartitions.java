package dev.partita.catalog.jdbc;

import dev.partita.catalog.CatalogException;
import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.ChangeResult;
import dev.partita.catalog.NoSuchTableException;
import dev.partita.catalog.PartitionChanges;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.PartitionState;
import dev.partita.catalog.Partitions;
import dev.partita.catalog.TableId;
import dev.partita.catalog.internal.PartitionValues;
import dev.partita.catalog.internal.StatValues;
import dev.partita.commit.DataFile;
import dev.partita.format.ColumnStats;
import dev.partita.partition.PartitionPaths;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Partitions and files in {@code partita_partitions}, {@code partita_files} and their value and statistics
 * tables. A change batch first locks the table's row, so batches on one table run one after another on every
 * database; statistics of a partition are then merged or recomputed inside the same transaction.
 */
final class JdbcPartitions implements Partitions {
  private static final String PARTITION_COLUMNS = "p.id, p.path, p.location, p.state, p.file_count, p.row_count,"
      + " p.byte_count, p.created_at, p.updated_at";

  private final Jdbc jdbc;
  private final JdbcCatalog.Guard guard;
  private final Clock clock;
  private final String catalog;

  JdbcPartitions(Jdbc jdbc, JdbcCatalog.Guard guard, Clock clock, String catalog) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
    this.catalog = catalog;
  }

  @Override
  public ChangeResult apply(TableId table, PartitionChanges changes) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(changes, "changes");
    guard.check();
    return jdbc.write("registering changes" + changes.writeId().map(w -> " of write " + w).orElse("")
        + " in table " + table, c -> new Batch(c, load(c, table, true), clock.millis()).apply(changes));
  }

  @Override
  public List<CatalogPartition> list(TableId table, PartitionFilter filter) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(filter, "filter");
    guard.check();
    return jdbc.read("listing partitions of " + table, c -> {
      TableRows.Loaded t = load(c, table, false);
      return partitions(c, t, FilterSql.compile(filter, t.id(), partitionColumns(t), t.zone()));
    });
  }

  @Override
  public Optional<CatalogPartition> get(TableId table, String path) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(path, "path");
    guard.check();
    return jdbc.read("reading partition " + path + " of " + table, c -> {
      TableRows.Loaded t = load(c, table, false);
      List<CatalogPartition> found = partitions(c, t, new FilterSql.Compiled("p.path = ?", List.of(path)));
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public List<CatalogFile> files(TableId table, PartitionFilter filter) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(filter, "filter");
    guard.check();
    return jdbc.read("listing files of " + table, c -> {
      TableRows.Loaded t = load(c, table, false);
      FilterSql.Compiled where = FilterSql.compile(filter, t.id(), partitionColumns(t), t.zone());
      String location = t.table().location();
      List<CatalogFile> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT f.path, p.path, f.row_count, f.byte_count, f.write_id,"
          + " f.added_at FROM partita_files f JOIN partita_partitions p ON p.id = f.partition_id"
          + " WHERE p.table_id = ? AND p.state = 'ACTIVE' AND " + where.sql() + " ORDER BY f.path")) {
        p.setLong(1, t.id());
        where.bind(p, 2);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            String path = r.getString(1);
            out.add(new CatalogFile(path, path.isEmpty() ? location : location + "/" + path, r.getString(2), r.getLong(3), r.getLong(4),
                Optional.ofNullable(r.getString(5)), Instant.ofEpochMilli(r.getLong(6))));
          }
        }
      }
      return out;
    });
  }

  private TableRows.Loaded load(Connection c, TableId table, boolean lock) throws SQLException {
    return TableRows.load(c, jdbc.dialect(), table, lock).orElseThrow(() -> new NoSuchTableException(table,
        catalog));
  }

  private static List<PartitionColumn> partitionColumns(TableRows.Loaded t) {
    return t.table().definition().partitionColumns();
  }

  /** The partitions matching a condition, with values and statistics, sorted by path. */
  private List<CatalogPartition> partitions(Connection c, TableRows.Loaded t, FilterSql.Compiled where)
      throws SQLException {
    record Row(long id, String path, String location, PartitionState state, long files, long rows, long bytes,
        long created, long updated) {}
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT " + PARTITION_COLUMNS + " FROM partita_partitions p"
        + " WHERE p.table_id = ? AND " + where.sql() + " ORDER BY p.path")) {
      p.setLong(1, t.id());
      where.bind(p, 2);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), PartitionState.valueOf(r.getString(4)),
              r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<PartitionColumn> columns = partitionColumns(t);
    Map<Long, String[]> values = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT v.partition_id, v.position, v.value_text"
        + " FROM partita_partition_values v WHERE v.table_id = ? AND v.partition_id IN"
        + " (SELECT p.id FROM partita_partitions p WHERE p.table_id = ? AND " + where.sql() + ")")) {
      p.setLong(1, t.id());
      p.setLong(2, t.id());
      where.bind(p, 3);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          int pos = r.getInt(2);
          if (pos < columns.size()) {
            values.computeIfAbsent(r.getLong(1), k -> new String[columns.size()])[pos] = r.getString(3);
          }
        }
      }
    }
    Map<String, DataType> types = statTypes(t);
    Map<Long, List<ColumnStats>> stats = new HashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT s.partition_id, s.column_name, s.value_count,"
        + " s.null_count, s.min_value, s.max_value FROM partita_partition_stats s WHERE s.partition_id IN"
        + " (SELECT p.id FROM partita_partitions p WHERE p.table_id = ? AND " + where.sql() + ")"
        + " ORDER BY s.partition_id, s.position")) {
      p.setLong(1, t.id());
      where.bind(p, 2);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          DataType type = types.get(r.getString(2));
          if (type != null) {
            stats.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(stat(r, 2, type));
          }
        }
      }
    }
    List<CatalogPartition> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Map<String, String> map = new LinkedHashMap<>();
      String[] v = values.getOrDefault(row.id, new String[columns.size()]);
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i).name(), v[i]);
      }
      out.add(new CatalogPartition(map, row.path, row.location, row.files, row.rows, row.bytes,
          stats.getOrDefault(row.id, List.of()), row.state, Instant.ofEpochMilli(row.created),
          Instant.ofEpochMilli(row.updated)));
    }
    return out;
  }

  /** The types statistics are read as: the current data columns. */
  private static Map<String, DataType> statTypes(TableRows.Loaded t) {
    Map<String, DataType> types = new LinkedHashMap<>();
    for (Column col : t.table().schema().columns()) {
      types.put(col.name(), col.type());
    }
    return types;
  }

  /** A statistics row: name, value count, null count, min, max from column {@code first} on. */
  private static ColumnStats stat(ResultSet r, int first, DataType type) throws SQLException {
    String min = r.getString(first + 3);
    String max = r.getString(first + 4);
    return new ColumnStats(r.getString(first), r.getLong(first + 1), r.getLong(first + 2),
        min == null ? Optional.empty() : Optional.of(StatValues.fromText(type, min)),
        max == null ? Optional.empty() : Optional.of(StatValues.fromText(type, max)));
  }

  /** The Hive path of a partition's values, in the table's column order. */
  static String partitionPath(List<PartitionColumn> columns, Map<String, String> values, TableId table,
      String file) {
    if (values.size() != columns.size()) {
      throw mismatch(columns, values, table, file);
    }
    StringBuilder sb = new StringBuilder();
    Iterator<Map.Entry<String, String>> it = values.entrySet().iterator();
    for (PartitionColumn col : columns) {
      Map.Entry<String, String> e = it.next();
      if (!e.getKey().equals(col.name())) {
        throw mismatch(columns, values, table, file);
      }
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(PartitionPaths.escape(col.name())).append('=').append(PartitionPaths.escape(e.getValue()));
    }
    return sb.toString();
  }

  private static CatalogException mismatch(List<PartitionColumn> columns, Map<String, String> values,
      TableId table, String file) {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    return new CatalogException("file " + file + " has partition values for " + values.keySet() + " but table "
        + table + " is partitioned by " + names + " (in that order); register it in a table with the same"
        + " partition columns");
  }

  /** One change batch inside its transaction. */
  private final class Batch {
    private final Connection c;
    private final TableRows.Loaded t;
    private final long now;
    private final Map<String, DataType> types;
    /** Partitions whose files were removed: their counts and statistics are recomputed from their files. */
    private final TreeSet<Long> recompute = new TreeSet<>();
    private int filesRemoved;
    private int partitionsDropped;
    private int partitionsDeprecated;
    private int partitionsAdded;
    private int filesAdded;

    Batch(Connection c, TableRows.Loaded t, long now) {
      this.c = c;
      this.t = t;
      this.now = now;
      this.types = statTypes(t);
    }

    ChangeResult apply(PartitionChanges changes) throws SQLException {
      if (changes.writeId().isPresent() && !recordCommit(changes.writeId().get())) {
        return ChangeResult.ALREADY_APPLIED;
      }
      for (String path : changes.removedFiles()) {
        removeFile(path);
      }
      for (String path : changes.droppedPartitions()) {
        dropPartition(path);
      }
      for (String path : changes.deprecatedPartitions()) {
        deprecate(path);
      }
      Map<String, List<DataFile>> byPartition = new TreeMap<>();
      List<PartitionColumn> columns = partitionColumns(t);
      for (DataFile f : changes.addedFiles()) {
        String path = partitionPath(columns, f.partition(), t.table().id(), f.path());
        byPartition.computeIfAbsent(path, k -> new ArrayList<>()).add(f);
      }
      for (Map.Entry<String, List<DataFile>> e : byPartition.entrySet()) {
        addFiles(e.getKey(), e.getValue(), changes.writeId().orElse(null));
      }
      for (long partition : recompute) {
        recompute(partition);
      }
      TableRows.touch(c, t.id(), now);
      return new ChangeResult(true, partitionsAdded, filesAdded, filesRemoved, partitionsDropped,
          partitionsDeprecated);
    }

    private boolean recordCommit(String writeId) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_commits (table_id, write_id,"
          + " registered_at) VALUES (?, ?, ?) ON CONFLICT (table_id, write_id) DO NOTHING")) {
        p.setLong(1, t.id());
        p.setString(2, writeId);
        p.setLong(3, now);
        return p.executeUpdate() > 0;
      }
    }

    private void removeFile(String path) throws SQLException {
      long fileId;
      long partition;
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id, partition_id FROM partita_files WHERE table_id = ? AND path = ?")) {
        p.setLong(1, t.id());
        p.setString(2, path);
        try (ResultSet r = p.executeQuery()) {
          if (!r.next()) {
            return;
          }
          fileId = r.getLong(1);
          partition = r.getLong(2);
        }
      }
      deleteFile(fileId);
      recompute.add(partition);
      filesRemoved++;
    }

    private void deleteFile(long fileId) throws SQLException {
      update("DELETE FROM partita_file_stats WHERE file_id = ?", fileId);
      update("DELETE FROM partita_files WHERE id = ?", fileId);
    }

    private void dropPartition(String path) throws SQLException {
      Optional<long[]> found = findPartition(path);
      if (found.isEmpty()) {
        return;
      }
      long id = found.get()[0];
      update("DELETE FROM partita_file_stats WHERE file_id IN (SELECT id FROM partita_files WHERE partition_id = ?)",
          id);
      update("DELETE FROM partita_files WHERE partition_id = ?", id);
      update("DELETE FROM partita_partition_stats WHERE partition_id = ?", id);
      update("DELETE FROM partita_partition_values WHERE partition_id = ?", id);
      update("DELETE FROM partita_partitions WHERE id = ?", id);
      recompute.remove(id);
      partitionsDropped++;
    }

    private void deprecate(String path) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("UPDATE partita_partitions SET state = 'DEPRECATED',"
          + " updated_at = ? WHERE table_id = ? AND path = ? AND state <> 'DEPRECATED'")) {
        p.setLong(1, now);
        p.setLong(2, t.id());
        p.setString(3, path);
        partitionsDeprecated += p.executeUpdate();
      }
    }

    /** The id and file count of a partition. */
    private Optional<long[]> findPartition(String path) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id, file_count FROM partita_partitions WHERE table_id = ? AND path = ?")) {
        p.setLong(1, t.id());
        p.setString(2, path);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(new long[] {r.getLong(1), r.getLong(2)}) : Optional.empty();
        }
      }
    }

    private void addFiles(String path, List<DataFile> files, String writeId) throws SQLException {
      Optional<long[]> existing = findPartition(path);
      long id;
      long filesBefore;
      if (existing.isPresent()) {
        id = existing.get()[0];
        filesBefore = existing.get()[1];
        update("UPDATE partita_partitions SET state = 'ACTIVE' WHERE id = ? AND state <> 'ACTIVE'", id);
      } else {
        id = insertPartition(path, files.get(0));
        filesBefore = 0;
        partitionsAdded++;
      }
      for (DataFile f : files) {
        Optional<Long> old = fileId(f.path());
        if (old.isPresent()) {
          // A file registered again (a recrawl saw it change): the new metadata replaces the old.
          deleteFile(old.get());
          recompute.add(id);
        }
        insertFile(id, f, writeId);
        filesAdded++;
      }
      if (recompute.contains(id)) {
        return;
      }
      Map<String, ColumnStats> stats = filesBefore == 0 ? null : partitionStats(id);
      long rows = 0;
      long bytes = 0;
      for (DataFile f : files) {
        stats = fold(stats, fileStats(f.columns()));
        rows += f.rows();
        bytes += f.bytes();
      }
      writePartitionStats(id, stats);
      try (PreparedStatement p = c.prepareStatement("UPDATE partita_partitions SET file_count = file_count + ?,"
          + " row_count = row_count + ?, byte_count = byte_count + ?, updated_at = ? WHERE id = ?")) {
        p.setLong(1, files.size());
        p.setLong(2, rows);
        p.setLong(3, bytes);
        p.setLong(4, now);
        p.setLong(5, id);
        p.executeUpdate();
      }
    }

    private long insertPartition(String path, DataFile first) throws SQLException {
      int slash = first.path().lastIndexOf('/');
      String location = path.isEmpty() || slash < 0 ? t.table().location()
          : t.table().location() + "/" + first.path().substring(0, slash);
      long id;
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_partitions (table_id, path, location,"
          + " state, file_count, row_count, byte_count, created_at, updated_at)"
          + " VALUES (?, ?, ?, 'ACTIVE', 0, 0, 0, ?, ?) RETURNING id")) {
        p.setLong(1, t.id());
        p.setString(2, path);
        p.setString(3, location);
        p.setLong(4, now);
        p.setLong(5, now);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          id = r.getLong(1);
        }
      }
      List<PartitionColumn> columns = partitionColumns(t);
      ZoneId zone = t.zone();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_partition_values (partition_id,"
          + " table_id, position, value_text, value_long, value_double) VALUES (?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        for (String text : first.partition().values()) {
          String value = text == null || text.isEmpty() ? null : text;
          Object typed = null;
          if (value != null) {
            try {
              typed = PartitionValues.fromText(columns.get(i).type(), value, zone);
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
              typed = null; // kept as text; comparisons on the typed value never match it
            }
          }
          p.setLong(1, id);
          p.setLong(2, t.id());
          p.setInt(3, i);
          p.setString(4, value);
          if (typed instanceof Long l) {
            p.setLong(5, l);
          } else {
            p.setNull(5, Types.BIGINT);
          }
          if (typed instanceof Double d && !d.isNaN()) {
            p.setDouble(6, d);
          } else {
            p.setNull(6, Types.DOUBLE);
          }
          p.addBatch();
          i++;
        }
        p.executeBatch();
      }
      return id;
    }

    private Optional<Long> fileId(String path) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM partita_files WHERE table_id = ? AND path = ?")) {
        p.setLong(1, t.id());
        p.setString(2, path);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
        }
      }
    }

    private void insertFile(long partition, DataFile f, String writeId) throws SQLException {
      long id;
      try (PreparedStatement p = c.prepareStatement("INSERT INTO partita_files (table_id, partition_id, path,"
          + " row_count, byte_count, write_id, added_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
        p.setLong(1, t.id());
        p.setLong(2, partition);
        p.setString(3, f.path());
        p.setLong(4, f.rows());
        p.setLong(5, f.bytes());
        p.setString(6, writeId);
        p.setLong(7, now);
        try (ResultSet r = p.executeQuery()) {
          r.next();
          id = r.getLong(1);
        }
      }
      writeStats("INSERT INTO partita_file_stats (file_id, column_name, position, value_count, null_count,"
          + " min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, ?)", id, fileStats(f.columns()));
    }

    /**
     * Statistics of the columns the table knows, by name, with bounds re-boxed as the table's type (a file of a
     * narrower type, say int32 in an int64 column, states Integer bounds); bounds that do not convert are dropped.
     */
    private Map<String, ColumnStats> fileStats(List<ColumnStats> columns) {
      Map<String, ColumnStats> out = new LinkedHashMap<>();
      for (ColumnStats s : columns) {
        DataType type = types.get(s.column());
        if (type != null) {
          Optional<Object> min = rebox(type, s.min());
          Optional<Object> max = rebox(type, s.max());
          boolean both = min.isPresent() == s.min().isPresent() && max.isPresent() == s.max().isPresent();
          out.put(s.column(), new ColumnStats(s.column(), s.valueCount(), s.nullCount(),
              both ? min : Optional.empty(), both ? max : Optional.empty()));
        }
      }
      return out;
    }

    private Optional<Object> rebox(DataType type, Optional<Object> bound) {
      if (bound.isEmpty()) {
        return bound;
      }
      try {
        Object v = bound.get();
        String text = v instanceof byte[] || v instanceof java.math.BigDecimal ? StatValues.toText(type, v)
            : v.toString();
        return Optional.of(StatValues.fromText(type, text));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }

    /**
     * Folds one file's statistics into a partition's: a column keeps statistics only while every file has them.
     * {@code acc} null means no file yet.
     */
    private Map<String, ColumnStats> fold(Map<String, ColumnStats> acc, Map<String, ColumnStats> file) {
      if (acc == null) {
        return new LinkedHashMap<>(file);
      }
      Map<String, ColumnStats> out = new LinkedHashMap<>();
      for (Map.Entry<String, ColumnStats> e : acc.entrySet()) {
        ColumnStats other = file.get(e.getKey());
        if (other != null) {
          try {
            out.put(e.getKey(), StatValues.merge(types.get(e.getKey()), e.getValue(), other));
          } catch (ClassCastException ex) {
            // bounds of different box types (a column whose type changed): counts only
            out.put(e.getKey(), new ColumnStats(e.getKey(), e.getValue().valueCount() + other.valueCount(),
                e.getValue().nullCount() + other.nullCount(), Optional.empty(), Optional.empty()));
          }
        }
      }
      return out;
    }

    private Map<String, ColumnStats> partitionStats(long partition) throws SQLException {
      Map<String, ColumnStats> out = new LinkedHashMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT column_name, value_count, null_count, min_value,"
          + " max_value FROM partita_partition_stats WHERE partition_id = ? ORDER BY position")) {
        p.setLong(1, partition);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            DataType type = types.get(r.getString(1));
            if (type != null) {
              out.put(r.getString(1), stat(r, 1, type));
            }
          }
        }
      }
      return out;
    }

    private void writePartitionStats(long partition, Map<String, ColumnStats> stats) throws SQLException {
      update("DELETE FROM partita_partition_stats WHERE partition_id = ?", partition);
      if (stats != null) {
        writeStats("INSERT INTO partita_partition_stats (partition_id, column_name, position, value_count,"
            + " null_count, min_value, max_value) VALUES (?, ?, ?, ?, ?, ?, ?)", partition, stats);
      }
    }

    private void writeStats(String sql, long owner, Map<String, ColumnStats> stats) throws SQLException {
      if (stats.isEmpty()) {
        return;
      }
      List<String> order = new ArrayList<>(types.keySet());
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (ColumnStats s : stats.values()) {
          DataType type = types.get(s.column());
          p.setLong(1, owner);
          p.setString(2, s.column());
          p.setInt(3, order.indexOf(s.column()));
          p.setLong(4, s.valueCount());
          p.setLong(5, s.nullCount());
          p.setString(6, s.min().map(v -> StatValues.toText(type, v)).orElse(null));
          p.setString(7, s.max().map(v -> StatValues.toText(type, v)).orElse(null));
          p.addBatch();
        }
        p.executeBatch();
      }
    }

    /**
     * Recomputes a partition's counts and statistics from its files; a partition whose last file was removed is
     * dropped (its folder no longer holds data).
     */
    private void recompute(long partition) throws SQLException {
      Map<Long, Map<String, ColumnStats>> perFile = new TreeMap<>();
      try (PreparedStatement p = c.prepareStatement("SELECT id FROM partita_files WHERE partition_id = ?")) {
        p.setLong(1, partition);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            perFile.put(r.getLong(1), new LinkedHashMap<>());
          }
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT s.file_id, s.column_name, s.value_count, s.null_count,"
          + " s.min_value, s.max_value FROM partita_file_stats s JOIN partita_files f ON f.id = s.file_id"
          + " WHERE f.partition_id = ? ORDER BY s.file_id, s.position")) {
        p.setLong(1, partition);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            DataType type = types.get(r.getString(2));
            if (type != null) {
              perFile.get(r.getLong(1)).put(r.getString(2), stat(r, 2, type));
            }
          }
        }
      }
      Map<String, ColumnStats> stats = null;
      for (Map<String, ColumnStats> file : perFile.values()) {
        stats = fold(stats, file);
      }
      writePartitionStats(partition, stats);
      try (PreparedStatement p = c.prepareStatement("UPDATE partita_partitions SET"
          + " file_count = (SELECT COUNT(*) FROM partita_files f WHERE f.partition_id = ?),"
          + " row_count = (SELECT COALESCE(SUM(f.row_count), 0) FROM partita_files f WHERE f.partition_id = ?),"
          + " byte_count = (SELECT COALESCE(SUM(f.byte_count), 0) FROM partita_files f WHERE f.partition_id = ?),"
          + " updated_at = ? WHERE id = ?")) {
        p.setLong(1, partition);
        p.setLong(2, partition);
        p.setLong(3, partition);
        p.setLong(4, now);
        p.setLong(5, partition);
        p.executeUpdate();
      }
      if (perFile.isEmpty()) {
        update("DELETE FROM partita_partition_stats WHERE partition_id = ?", partition);
        update("DELETE FROM partita_partition_values WHERE partition_id = ?", partition);
        update("DELETE FROM partita_partitions WHERE id = ?", partition);
        partitionsDropped++;
      }
    }

    private void update(String sql, long id) throws SQLException {
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setLong(1, id);
        p.executeUpdate();
      }
    }
  }
}
