package dev.partita.catalog.ddl;

import dev.partita.catalog.CatalogFile;
import dev.partita.catalog.CatalogPartition;
import dev.partita.catalog.CatalogTable;
import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionState;
import dev.partita.partition.PartitionPaths;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Exports a catalog table for other engines: Hive DDL (also Athena's), Trino statements for its Hive connector,
 * and a DuckDB view. Pure text generation from the catalog's metadata; identifiers are quoted and literals
 * escaped for each dialect, so names and values with quotes, {@code ;} or non-ASCII characters stay intact.
 *
 * <p>Types map as: boolean, tinyint, smallint, int, bigint, float/real, double, decimal(p,s), string/varchar,
 * binary/varbinary, date, timestamp (both timestamp kinds; Hive and Athena have no instant type), and time as
 * bigint microseconds of the day (Hive has no time type).
 */
public final class TableDdl {
  private TableDdl() {}

  /**
   * Hive/Athena: {@code CREATE EXTERNAL TABLE ... PARTITIONED BY ... STORED AS PARQUET LOCATION ...;} and one
   * {@code ALTER TABLE ... ADD IF NOT EXISTS PARTITION ... LOCATION ...;} listing the active partitions. Absolute
   * local paths become {@code file://} URIs.
   */
  public static String hive(CatalogTable table, List<CatalogPartition> partitions) {
    Objects.requireNonNull(table, "table");
    String name = hiveId(table.id().namespace()) + "." + hiveId(table.id().name());
    StringBuilder sb = new StringBuilder("CREATE EXTERNAL TABLE IF NOT EXISTS ").append(name).append(" (\n");
    List<Column> columns = table.schema().columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      sb.append("  ").append(hiveId(c.name())).append(' ').append(hiveType(c.type()))
          .append(c.type().kind() == DataType.Kind.TIME ? " COMMENT 'time: microseconds of the day'" : "")
          .append(i + 1 < columns.size() ? ",\n" : "\n");
    }
    sb.append(")\n");
    List<PartitionColumn> pcs = table.definition().partitionColumns();
    if (!pcs.isEmpty()) {
      sb.append("PARTITIONED BY (");
      for (int i = 0; i < pcs.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(hiveId(pcs.get(i).name())).append(' ')
            .append(hiveType(pcs.get(i).type()));
      }
      sb.append(")\n");
    }
    sb.append("STORED AS ").append(storedAs(table)).append('\n');
    sb.append("LOCATION ").append(hiveString(uri(table.location()))).append(";\n");
    List<CatalogPartition> active = active(partitions);
    if (!pcs.isEmpty() && !active.isEmpty()) {
      sb.append("ALTER TABLE ").append(name).append(" ADD IF NOT EXISTS");
      for (CatalogPartition p : active) {
        sb.append("\n  PARTITION (");
        int i = 0;
        for (Map.Entry<String, String> e : p.values().entrySet()) {
          sb.append(i++ == 0 ? "" : ", ").append(hiveId(e.getKey())).append(" = ")
              .append(hiveString(e.getValue() == null ? PartitionPaths.DEFAULT_PARTITION_NAME : e.getValue()));
        }
        sb.append(") LOCATION ").append(hiveString(uri(p.location())));
      }
      sb.append(";\n");
    }
    return sb.toString();
  }

  /**
   * Trino's Hive connector: {@code CREATE TABLE catalog.schema.table (...) WITH (format, partitioned_by,
   * external_location)} (partition columns last, as Trino requires) and a
   * {@code CALL system.register_partition(...)} per active partition.
   *
   * @param trinoCatalog the Trino catalog of the Hive connector, for example {@code hive}
   */
  public static String trino(CatalogTable table, List<CatalogPartition> partitions, String trinoCatalog) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(trinoCatalog, "trinoCatalog");
    String schema = table.id().namespace();
    String name = sqlId(trinoCatalog) + "." + sqlId(schema) + "." + sqlId(table.id().name());
    StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(name).append(" (\n");
    List<String> defs = new ArrayList<>();
    for (Column c : table.schema().columns()) {
      defs.add("  " + sqlId(c.name()) + " " + trinoType(c.type()));
    }
    List<PartitionColumn> pcs = table.definition().partitionColumns();
    for (PartitionColumn p : pcs) {
      defs.add("  " + sqlId(p.name()) + " " + trinoType(p.type()));
    }
    sb.append(String.join(",\n", defs)).append("\n)\nWITH (\n  format = ").append(sqlString(storedAs(table)));
    if (!pcs.isEmpty()) {
      List<String> names = new ArrayList<>();
      pcs.forEach(p -> names.add(sqlString(p.name())));
      sb.append(",\n  partitioned_by = ARRAY[").append(String.join(", ", names)).append(']');
    }
    sb.append(",\n  external_location = ").append(sqlString(uri(table.location()))).append("\n);\n");
    for (CatalogPartition p : active(partitions)) {
      if (pcs.isEmpty()) {
        break;
      }
      List<String> cols = new ArrayList<>();
      List<String> vals = new ArrayList<>();
      p.values().forEach((k, v) -> {
        cols.add(sqlString(k));
        vals.add(sqlString(v == null ? PartitionPaths.DEFAULT_PARTITION_NAME : v));
      });
      sb.append("CALL ").append(sqlId(trinoCatalog)).append(".system.register_partition(")
          .append(sqlString(schema)).append(", ").append(sqlString(table.id().name())).append(", ARRAY[")
          .append(String.join(", ", cols)).append("], ARRAY[").append(String.join(", ", vals)).append("], ")
          .append(sqlString(uri(p.location()))).append(");\n");
    }
    return sb.toString();
  }

  /**
   * A DuckDB view reading exactly the catalog's files (no directory listing) with
   * {@code read_parquet([...], hive_partitioning = true, hive_types = {...})}, partition columns typed as in the
   * catalog.
   *
   * @param viewName the view's name
   * @param files the files to read, usually {@code Partitions.files(table, PartitionFilter.all())}
   * @throws IllegalArgumentException for a table that is not Parquet (DuckDB reads no ORC) or has no files
   */
  public static String duckDbView(CatalogTable table, List<CatalogFile> files, String viewName) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(viewName, "viewName");
    if (!table.definition().format().equals("parquet")) {
      throw new IllegalArgumentException("table " + table.id() + " is " + table.definition().format()
          + "; a DuckDB view is made over read_parquet, for Parquet tables only");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("table " + table.id() + " has no files; DuckDB cannot make a view over"
          + " an empty file list");
    }
    StringBuilder sb = new StringBuilder("CREATE OR REPLACE VIEW ").append(sqlId(viewName))
        .append(" AS SELECT * FROM read_parquet([");
    for (int i = 0; i < files.size(); i++) {
      sb.append(i == 0 ? "\n  " : ",\n  ").append(sqlString(files.get(i).location()));
    }
    sb.append("\n]");
    List<PartitionColumn> pcs = table.definition().partitionColumns();
    if (!pcs.isEmpty()) {
      sb.append(", hive_partitioning = true, hive_types = {");
      for (int i = 0; i < pcs.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(sqlString(pcs.get(i).name())).append(": ")
            .append(sqlString(duckType(pcs.get(i).type())));
      }
      sb.append('}');
    } else {
      sb.append(", hive_partitioning = false");
    }
    sb.append(", union_by_name = true);\n");
    return sb.toString();
  }

  private static List<CatalogPartition> active(List<CatalogPartition> partitions) {
    return partitions.stream().filter(p -> p.state() == PartitionState.ACTIVE).toList();
  }

  private static String storedAs(CatalogTable t) {
    return switch (t.definition().format()) {
      case "parquet" -> "PARQUET";
      case "orc" -> "ORC";
      default -> t.definition().format().toUpperCase(Locale.ROOT);
    };
  }

  static String uri(String location) {
    return location.startsWith("/") ? java.nio.file.Path.of(location).toUri().toString() : location;
  }

  /** A Hive identifier: back-quoted, back quotes doubled. */
  static String hiveId(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A Hive string literal: single-quoted, backslash and quote escaped with a backslash. */
  static String hiveString(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case ';' -> sb.append("\\073"); // the Hive CLI splits statements at ';', even inside quotes
        default -> sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** A standard SQL identifier: double-quoted, quotes doubled. */
  static String sqlId(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A standard SQL string literal: single-quoted, quotes doubled. */
  static String sqlString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String hiveType(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> t.bitWidth() == 8 ? "TINYINT" : t.bitWidth() == 16 ? "SMALLINT" : "INT";
      case INT64, TIME -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "STRING";
      case BINARY -> "BINARY";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  static String trinoType(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> t.bitWidth() == 8 ? "TINYINT" : t.bitWidth() == 16 ? "SMALLINT" : "INTEGER";
      case INT64, TIME -> "BIGINT";
      case FLOAT32 -> "REAL";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "VARCHAR";
      case BINARY -> "VARBINARY";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP(6)";
    };
  }

  static String duckType(DataType t) {
    return switch (t.kind()) {
      case BOOLEAN -> "BOOLEAN";
      case INT32 -> t.bitWidth() == 8 ? "TINYINT" : t.bitWidth() == 16 ? "SMALLINT" : "INTEGER";
      case INT64 -> "BIGINT";
      case TIME -> "TIME";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + t.precision() + "," + t.scale() + ")";
      case STRING -> "VARCHAR";
      case BINARY -> "BLOB";
      case DATE -> "DATE";
      case TIMESTAMP -> t.isAdjustedToUtc() ? "TIMESTAMPTZ" : "TIMESTAMP";
    };
  }
}
