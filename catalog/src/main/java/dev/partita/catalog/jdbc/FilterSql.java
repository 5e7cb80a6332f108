package dev.partita.catalog.jdbc;

import dev.partita.catalog.PartitionColumn;
import dev.partita.catalog.PartitionFilter;
import dev.partita.catalog.internal.PartitionValues;
import dev.partita.schema.DataType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a {@link PartitionFilter} to a SQL condition on the partition row {@code p}, with every literal a bound
 * parameter. Each comparison becomes a semi-join on {@code partita_partition_values}, answered from its
 * {@code (table_id, position, value)} indexes.
 */
final class FilterSql {
  private final long tableId;
  private final List<PartitionColumn> columns;
  private final ZoneId zone;
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  /** A compiled condition and its parameters in order. */
  record Compiled(String sql, List<Object> parameters) {
    /** Binds the parameters starting at index {@code first}; returns the next free index. */
    int bind(PreparedStatement p, int first) throws SQLException {
      int i = first;
      for (Object o : parameters) {
        if (o instanceof Long l) {
          p.setLong(i++, l);
        } else if (o instanceof Integer n) {
          p.setInt(i++, n);
        } else if (o instanceof Double d) {
          p.setDouble(i++, d);
        } else {
          p.setString(i++, (String) o);
        }
      }
      return i;
    }
  }

  private FilterSql(long tableId, List<PartitionColumn> columns, ZoneId zone) {
    this.tableId = tableId;
    this.columns = columns;
    this.zone = zone;
  }

  /**
   * Compiles {@code filter} for the table with row id {@code tableId}.
   *
   * @throws IllegalArgumentException naming an unknown column or a literal that does not fit its column's type
   */
  static Compiled compile(PartitionFilter filter, long tableId, List<PartitionColumn> columns, ZoneId zone) {
    FilterSql f = new FilterSql(tableId, columns, zone);
    f.append(filter);
    return new Compiled(f.sql.toString(), List.copyOf(f.parameters));
  }

  private void append(PartitionFilter filter) {
    if (filter instanceof PartitionFilter.All) {
      sql.append("1 = 1");
    } else if (filter instanceof PartitionFilter.And a) {
      junction(a.filters(), " AND ", "1 = 1");
    } else if (filter instanceof PartitionFilter.Or o) {
      junction(o.filters(), " OR ", "1 = 0");
    } else if (filter instanceof PartitionFilter.Comparison c) {
      int pos = position(c.column());
      DataType type = columns.get(pos).type();
      leaf(pos, valueColumn(type) + " " + c.operator().sql() + " ?");
      parameters.add(literal(c.column(), type, c.value()));
    } else if (filter instanceof PartitionFilter.In in) {
      int pos = position(in.column());
      if (in.values().isEmpty()) {
        sql.append("1 = 0");
        return;
      }
      DataType type = columns.get(pos).type();
      StringBuilder list = new StringBuilder(valueColumn(type)).append(" IN (");
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < in.values().size(); i++) {
        list.append(i == 0 ? "?" : ", ?");
        values.add(literal(in.column(), type, in.values().get(i)));
      }
      leaf(pos, list.append(')').toString());
      parameters.addAll(values);
    } else if (filter instanceof PartitionFilter.Between b) {
      int pos = position(b.column());
      DataType type = columns.get(pos).type();
      leaf(pos, valueColumn(type) + " BETWEEN ? AND ?");
      parameters.add(literal(b.column(), type, b.low()));
      parameters.add(literal(b.column(), type, b.high()));
    } else if (filter instanceof PartitionFilter.IsNull n) {
      leaf(position(n.column()), "v.value_text IS NULL");
    } else {
      throw new IllegalArgumentException("unsupported filter " + filter);
    }
  }

  private void junction(List<PartitionFilter> filters, String op, String empty) {
    if (filters.isEmpty()) {
      sql.append(empty);
      return;
    }
    sql.append('(');
    for (int i = 0; i < filters.size(); i++) {
      if (i > 0) {
        sql.append(op);
      }
      append(filters.get(i));
    }
    sql.append(')');
  }

  private void leaf(int position, String condition) {
    sql.append("p.id IN (SELECT v.partition_id FROM partita_partition_values v WHERE v.table_id = ?"
        + " AND v.position = ? AND ").append(condition).append(')');
    parameters.add(tableId);
    parameters.add(position);
  }

  private int position(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    throw new IllegalArgumentException("filter names '" + column + "', which is not a partition column; the"
        + " partition columns are " + names);
  }

  private Object literal(String column, DataType type, Object value) {
    try {
      return PartitionValues.fromLiteral(type, value, zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("filter on partition column '" + column + "': " + e.getMessage(), e);
    }
  }

  private static String valueColumn(DataType type) {
    return switch (PartitionValues.slot(type)) {
      case LONG -> "v.value_long";
      case DOUBLE -> "v.value_double";
      case TEXT -> "v.value_text";
    };
  }
}
