package dev.partita.catalog;

import dev.partita.schema.Column;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a catalog table is: where its files are, in which format, the columns stored in the files, the partition
 * columns taken from {@code name=value} folders, and free-form properties. Immutable; build with
 * {@link #builder(TableId)}.
 *
 * <p>As in Hive and Glue, data columns and partition columns are disjoint: a partition column's values live only
 * in folder names.
 */
public final class TableDefinition {
  /** Default {@link Builder#format}. */
  public static final String DEFAULT_FORMAT = "parquet";
  /**
   * Property naming the time zone of timestamp-with-time-zone partition values written without an offset (the
   * zone of the Partita partition spec); UTC when absent.
   */
  public static final String PARTITION_TIME_ZONE_PROPERTY = "partita.partition.time-zone";

  private final TableId id;
  private final String location;
  private final String format;
  private final Schema schema;
  private final List<PartitionColumn> partitionColumns;
  private final Map<String, String> properties;

  private TableDefinition(Builder b) {
    this.id = b.id;
    this.location = b.location;
    this.format = b.format;
    this.schema = b.schema;
    this.partitionColumns = List.copyOf(b.partitionColumns);
    this.properties = Collections.unmodifiableMap(new TreeMap<>(b.properties));
  }

  /** Starts a definition of the table {@code id}. */
  public static Builder builder(TableId id) {
    return new Builder(id);
  }

  /** A builder holding this definition's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id).location(location).format(format).schema(schema)
        .partitionColumns(partitionColumns);
    b.properties.putAll(properties);
    return b;
  }

  /** The table's name. */
  public TableId id() {
    return id;
  }

  /** The table's root directory (a path or URI), without a trailing slash. */
  public String location() {
    return location;
  }

  /** The data files' format name, lower case: {@code parquet}, {@code orc}, {@code csv}, ... */
  public String format() {
    return format;
  }

  /** The columns stored in the data files. */
  public Schema schema() {
    return schema;
  }

  /** The partition columns, outermost folder level first; empty for an unpartitioned table. */
  public List<PartitionColumn> partitionColumns() {
    return partitionColumns;
  }

  /** Free-form properties, sorted by key. */
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableDefinition d && d.id.equals(id) && d.location.equals(location)
        && d.format.equals(format) && d.schema.equals(schema) && d.partitionColumns.equals(partitionColumns)
        && d.properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, location, format, schema, partitionColumns, properties);
  }

  @Override
  public String toString() {
    return id + " " + format + " at " + location + " " + schema + " partitioned by " + partitionColumns;
  }

  /** Collects a {@link TableDefinition}; {@link #build()} validates. */
  public static final class Builder {
    private final TableId id;
    private String location;
    private String format = DEFAULT_FORMAT;
    private Schema schema = Schema.of();
    private List<PartitionColumn> partitionColumns = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(TableId id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** The table root (required); a trailing slash is removed. */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /** The format name; default {@link #DEFAULT_FORMAT}. */
    public Builder format(String format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** The data columns; default none. */
    public Builder schema(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /** The partition columns in folder order, replacing earlier ones. */
    public Builder partitionColumns(List<PartitionColumn> columns) {
      this.partitionColumns = new ArrayList<>(Objects.requireNonNull(columns, "columns"));
      return this;
    }

    /** Adds a partition column as the next folder level. */
    public Builder partitionColumn(PartitionColumn column) {
      this.partitionColumns.add(Objects.requireNonNull(column, "column"));
      return this;
    }

    /** Sets a property. */
    public Builder property(String key, String value) {
      properties.put(Names.check("property key", key), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets properties. */
    public Builder properties(Map<String, String> properties) {
      properties.forEach(this::property);
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException when the location is missing or empty, the format is empty, or a partition
     *     column repeats a name or shares it with a data column
     */
    public TableDefinition build() {
      if (location == null || location.isBlank()) {
        throw new IllegalArgumentException("location of table " + id + " must be set (the table root directory)");
      }
      while (location.length() > 1 && location.endsWith("/")) {
        location = location.substring(0, location.length() - 1);
      }
      Names.check("location", location);
      format = Names.check("format", format.trim().toLowerCase(java.util.Locale.ROOT));
      Set<String> names = new HashSet<>();
      for (Column c : schema.columns()) {
        Names.check("column name", c.name());
        names.add(c.name());
      }
      Set<String> seen = new HashSet<>();
      for (PartitionColumn p : partitionColumns) {
        if (!seen.add(p.name())) {
          throw new IllegalArgumentException("partition column '" + p.name() + "' of table " + id
              + " is listed twice");
        }
        if (names.contains(p.name())) {
          throw new IllegalArgumentException("partition column '" + p.name() + "' of table " + id
              + " is also a data column; Hive, Athena and Trino need distinct names: drop it from the schema");
        }
      }
      return new TableDefinition(this);
    }
  }
}
