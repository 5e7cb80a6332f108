package dev.partita.jobs.internal;

import dev.partita.PartitaException;
import dev.partita.catalog.Catalogs;
import dev.partita.jobs.KeyMark;
import dev.partita.jobs.source.JdbcSource;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run's read of a {@link JdbcSource}, inside one read-only transaction (a repeatable-read snapshot where the
 * database has one): counts rows at or below the bookmark (late rows) and with null keys, reads the rows above
 * it ordered by the keys, and counts the rows covered by the new maximum.
 *
 * <p>Each key column is read and bound by its result type: text columns (and every temporal column in SQLite,
 * which keeps them as text) as the database's text, numbers and other temporal columns as typed values.
 */
public final class JdbcInput implements AutoCloseable {
  private final JdbcSource source;
  private final Optional<KeyMark> mark;
  private final Connection connection;
  private final String quote;
  private final boolean sqlite;
  /** Result column (1-based) per schema column. */
  private final int[] resultColumn;
  /** Whether each schema column is read as text from the result. */
  private final boolean[] text;
  private final String[] keyLabels;
  private final int[] keyIndex;
  private final String base;
  /** Reads the values of text columns. */
  private final TextColumns texts;

  private JdbcInput(JdbcSource source, Optional<KeyMark> mark, Connection connection) throws SQLException {
    this.source = source;
    this.mark = mark;
    this.connection = connection;
    this.texts = new TextColumns(source.schema());
    String q = connection.getMetaData().getIdentifierQuoteString();
    this.quote = q == null || q.isBlank() ? "" : q.strip();
    this.sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
    this.base = "SELECT * FROM (" + source.query() + ") partita_src";
    Schema schema = source.schema();
    this.resultColumn = new int[schema.size()];
    this.text = new boolean[schema.size()];
    Map<String, Integer> labels = new HashMap<>();
    String[] labelOf = new String[schema.size()];
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(base + " WHERE 1 = 0")) {
      ResultSetMetaData md = r.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.putIfAbsent(md.getColumnLabel(i), i);
        labels.putIfAbsent(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
      }
      List<String> missing = new ArrayList<>();
      for (int c = 0; c < schema.size(); c++) {
        String name = schema.column(c).name();
        Integer col = labels.get(name);
        if (col == null) {
          col = labels.get(name.toLowerCase(Locale.ROOT));
        }
        if (col == null) {
          missing.add(name);
          continue;
        }
        resultColumn[c] = col;
        labelOf[c] = md.getColumnLabel(col);
        text[c] = isText(md.getColumnType(col)) || (sqlite && isTemporal(schema.column(c).type()));
      }
      if (!missing.isEmpty()) {
        throw new PartitaException("source '" + source.name() + "' (" + source.describe() + ") returns no column "
            + missing + "; its schema needs them. Columns returned: " + describeColumns(md));
      }
    }
    List<String> keys = source.bookmarkKeys();
    this.keyLabels = new String[keys.size()];
    this.keyIndex = new int[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      keyIndex[k] = schema.require(keys.get(k));
      String label = labelOf[keyIndex[k]];
      keyLabels[k] = quote.isEmpty() ? label : quote + label.replace(quote, quote + quote) + quote;
    }
    if (mark.isPresent() && !mark.get().columns().equals(keys)) {
      throw new PartitaException("source '" + source.name() + "' has bookmark keys " + keys + " but its bookmark"
          + " holds a position by " + mark.get().columns() + "; reset the job's bookmark after changing the keys");
    }
  }

  /**
   * Connects and starts the read transaction.
   *
   * @throws SQLException when the database cannot be reached or the query fails
   */
  public static JdbcInput open(JdbcSource source, Optional<KeyMark> mark) throws SQLException {
    Connection c = DriverManager.getConnection(source.url(), source.properties());
    try {
      c.setAutoCommit(false);
      if (c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      try {
        c.setReadOnly(true);
      } catch (SQLException e) {
        // some drivers fix read-only at connect time; the queries only read anyway
      }
      return new JdbcInput(source, mark, c);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException s) {
        e.addSuppressed(s);
      }
      throw e;
    }
  }

  /** The query a run sends, for dry runs and messages. */
  public String describeQuery() {
    return base + where(mark.map(KeyMark::values).orElse(null)) + " ORDER BY " + String.join(", ", keyLabels)
        + mark.map(m -> " -- keys " + source.bookmarkKeys() + " > " + m.values()).orElse("");
  }

  /** Rows now at or below the bookmark's key, minus those there when it was recorded: rows that arrived late. */
  public long lateRows() throws SQLException {
    if (mark.isEmpty()) {
      return 0;
    }
    return Math.max(0, countNotAbove(mark.get().values()) - mark.get().rowsCovered());
  }

  /** Rows whose bookmark key has a null part: never read. */
  public long nullKeyRows() throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (").append(source.query()).append(") partita_src WHERE ");
    for (int k = 0; k < keyLabels.length; k++) {
      sql.append(k == 0 ? "" : " OR ").append(keyLabels[k]).append(" IS NULL");
    }
    try (PreparedStatement p = connection.prepareStatement(sql.toString()); ResultSet r = p.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Rows above the bookmark (what a run would read, without its per-run limit). */
  public long rowsAbove() throws SQLException {
    String sql = "SELECT COUNT(*) FROM (" + source.query() + ") partita_src" + where(mark.map(KeyMark::values)
        .orElse(null));
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      bind(p, 1, mark.map(KeyMark::values).orElse(null));
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private long countNotAbove(List<String> values) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (").append(source.query()).append(") partita_src WHERE ");
    for (String k : keyLabels) {
      sql.append(k).append(" IS NOT NULL AND ");
    }
    sql.append("NOT (").append(above()).append(')');
    try (PreparedStatement p = connection.prepareStatement(sql.toString())) {
      bind(p, 1, values);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** {@code WHERE} keys above {@code values}, or all keys non-null when there is no bookmark yet. */
  private String where(List<String> values) {
    if (values == null) {
      StringBuilder sb = new StringBuilder(" WHERE ");
      for (int k = 0; k < keyLabels.length; k++) {
        sb.append(k == 0 ? "" : " AND ").append(keyLabels[k]).append(" IS NOT NULL");
      }
      return sb.toString();
    }
    return " WHERE " + above();
  }

  /** {@code k1 > ? OR (k1 = ? AND k2 > ?) OR ...}: the tuple of keys above the bound tuple. */
  private String above() {
    StringBuilder sb = new StringBuilder("(");
    for (int k = 0; k < keyLabels.length; k++) {
      sb.append(k == 0 ? "(" : " OR (");
      for (int e = 0; e < k; e++) {
        sb.append(keyLabels[e]).append(" = ? AND ");
      }
      sb.append(keyLabels[k]).append(" > ?)");
    }
    return sb.append(')').toString();
  }

  /** Binds the parameters of {@link #above()} from position {@code first}; nothing when {@code values} is null. */
  private void bind(PreparedStatement p, int first, List<String> values) throws SQLException {
    if (values == null) {
      return;
    }
    int at = first;
    for (int k = 0; k < keyLabels.length; k++) {
      for (int e = 0; e <= k; e++) {
        bindKey(p, at++, e, values.get(e));
      }
    }
  }

  private void bindKey(PreparedStatement p, int at, int key, String value) throws SQLException {
    int col = keyIndex[key];
    DataType type = source.schema().column(col).type();
    if (text[col]) {
      p.setString(at, value);
      return;
    }
    try {
      switch (type.kind()) {
        case INT32, INT64 -> p.setLong(at, Long.parseLong(value));
        case DECIMAL -> p.setBigDecimal(at, new BigDecimal(value));
        case STRING -> p.setString(at, value);
        case DATE -> p.setObject(at, LocalDate.parse(value));
        case TIME -> p.setObject(at, LocalTime.parse(value));
        case TIMESTAMP -> {
          long micros = TextColumns.timestampMicros(value, type.isAdjustedToUtc());
          Instant i = FileInputs.micros(micros);
          if (type.isAdjustedToUtc()) {
            p.setObject(at, OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
          } else {
            p.setObject(at, LocalDateTime.ofInstant(i, ZoneOffset.UTC));
          }
        }
        default -> throw new IllegalStateException("bookmark key of type " + type);
      }
    } catch (RuntimeException e) {
      throw new PartitaException("the bookmark of source '" + source.name() + "' holds '" + value + "' for key '"
          + source.bookmarkKeys().get(key) + "', which is not a " + type + "; reset the bookmark", e);
    }
  }

  /**
   * Starts reading the rows above the bookmark, ordered by the keys, stopping after the source's row limit at the
   * next change of key.
   */
  public Rows rows() throws SQLException {
    List<String> values = mark.map(KeyMark::values).orElse(null);
    PreparedStatement p = connection.prepareStatement(base + where(values) + " ORDER BY "
        + String.join(", ", keyLabels), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    try {
      p.setFetchSize(source.fetchSize());
      bind(p, 1, values);
      return new Rows(p, p.executeQuery());
    } catch (SQLException | RuntimeException e) {
      p.close();
      throw e;
    }
  }

  /** The rows of one run, as a {@link RecordReader}; {@link #last()} is the largest key read. */
  public final class Rows implements RecordReader {
    private final PreparedStatement statement;
    private final ResultSet result;
    private final String[] current;
    private String[] last;
    private long count;

    private Rows(PreparedStatement statement, ResultSet result) {
      this.statement = statement;
      this.result = result;
      this.current = new String[keyIndex.length];
    }

    @Override
    public boolean next(RowBuffer out) throws IOException {
      try {
        if (!result.next()) {
          return false;
        }
        for (int k = 0; k < keyIndex.length; k++) {
          current[k] = keyText(result, keyIndex[k]);
        }
        if (count >= source.maxRowsPerRun() && !Arrays.equals(current, last)) {
          return false;
        }
        count++;
        if (last == null) {
          last = new String[current.length];
        }
        System.arraycopy(current, 0, last, 0, current.length);
        out.clear();
        for (int c = 0; c < resultColumn.length; c++) {
          read(result, out, c, count);
        }
        out.checkRequired(count);
        return true;
      } catch (SQLException e) {
        throw new IOException("reading source '" + source.name() + "' (" + Catalogs.redact(source.url())
            + ") failed at row " + (count + 1) + ": " + e.getMessage(), e);
      }
    }

    /** The largest key read, as text per key column; empty when no row was read. */
    public Optional<List<String>> last() {
      return last == null ? Optional.empty() : Optional.of(List.of(last));
    }

    /** Rows read. */
    public long count() {
      return count;
    }

    @Override
    public void close() throws IOException {
      try {
        try {
          result.close();
        } finally {
          statement.close();
        }
      } catch (SQLException e) {
        throw new IOException("closing the query of source '" + source.name() + "'", e);
      }
    }
  }

  /** Rows with keys at or below the key {@code values} now (in this run's snapshot). */
  public long rowsCovered(List<String> values) throws SQLException {
    return countNotAbove(values);
  }

  private String keyText(ResultSet currentResult, int col) throws SQLException {
    int rc = resultColumn[col];
    DataType type = source.schema().column(col).type();
    if (text[col]) {
      return currentResult.getString(rc);
    }
    return switch (type.kind()) {
      case INT32, INT64 -> {
        long v = currentResult.getLong(rc);
        yield currentResult.wasNull() ? null : Long.toString(v);
      }
      case DECIMAL -> {
        BigDecimal d = currentResult.getBigDecimal(rc);
        yield d == null ? null : d.toPlainString();
      }
      case STRING -> currentResult.getString(rc);
      case DATE -> {
        LocalDate d = currentResult.getObject(rc, LocalDate.class);
        yield d == null ? null : d.toString();
      }
      case TIME -> {
        LocalTime t = currentResult.getObject(rc, LocalTime.class);
        yield t == null ? null : t.toString();
      }
      case TIMESTAMP -> {
        if (type.isAdjustedToUtc()) {
          OffsetDateTime o = currentResult.getObject(rc, OffsetDateTime.class);
          yield o == null ? null : o.toInstant().toString();
        }
        LocalDateTime l = currentResult.getObject(rc, LocalDateTime.class);
        yield l == null ? null : l.toString();
      }
      default -> throw new IllegalStateException("bookmark key of type " + type);
    };
  }

  /** Reads schema column {@code c} of the current result row into {@code out}. */
  private void read(ResultSet r, RowBuffer out, int c, long row) throws SQLException {
    int rc = resultColumn[c];
    DataType type = source.schema().column(c).type();
    if (text[c] && type.kind() != DataType.Kind.STRING) {
      String s = r.getString(rc);
      if (s != null) {
        texts.parse(s, out, c, row);
      }
      return;
    }
    switch (type.kind()) {
      case BOOLEAN -> {
        boolean v = r.getBoolean(rc);
        if (!r.wasNull()) {
          out.setBoolean(c, v);
        }
      }
      case INT32 -> {
        long v = r.getLong(rc);
        if (!r.wasNull()) {
          int bits = type.bitWidth();
          if (v < -(1L << (bits - 1)) || v >= (1L << (bits - 1))) {
            throw new InvalidRowException(source.schema().column(c).name(), row, v + " is out of the range of " + type);
          }
          out.setInt(c, (int) v);
        }
      }
      case INT64 -> {
        long v = r.getLong(rc);
        if (!r.wasNull()) {
          out.setLong(c, v);
        }
      }
      case FLOAT32 -> {
        float v = r.getFloat(rc);
        if (!r.wasNull()) {
          out.setFloat(c, v);
        }
      }
      case FLOAT64 -> {
        double v = r.getDouble(rc);
        if (!r.wasNull()) {
          out.setDouble(c, v);
        }
      }
      case DECIMAL -> {
        BigDecimal v = r.getBigDecimal(rc);
        if (v != null) {
          try {
            out.setDecimal(c, TextColumns.decimal(v, type));
          } catch (NumberFormatException e) {
            throw new InvalidRowException(source.schema().column(c).name(), row, v + " does not fit " + type + ": "
                + e.getMessage());
          }
        }
      }
      case STRING -> {
        String v = r.getString(rc);
        if (v != null) {
          out.setString(c, v);
        }
      }
      case BINARY -> {
        byte[] v = r.getBytes(rc);
        if (v != null) {
          out.setBinary(c, v);
        }
      }
      case DATE -> {
        LocalDate v = r.getObject(rc, LocalDate.class);
        if (v != null) {
          out.setInt(c, Math.toIntExact(v.toEpochDay()));
        }
      }
      case TIME -> {
        LocalTime v = r.getObject(rc, LocalTime.class);
        if (v != null) {
          out.setLong(c, v.toNanoOfDay() / 1000);
        }
      }
      case TIMESTAMP -> {
        Instant i;
        if (type.isAdjustedToUtc()) {
          OffsetDateTime v = r.getObject(rc, OffsetDateTime.class);
          i = v == null ? null : v.toInstant();
        } else {
          LocalDateTime v = r.getObject(rc, LocalDateTime.class);
          i = v == null ? null : v.toInstant(ZoneOffset.UTC);
        }
        if (i != null) {
          out.setLong(c, Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000));
        }
      }
      default -> throw new IllegalStateException("unknown kind " + type.kind());
    }
  }

  private static boolean isText(int sqlType) {
    return switch (sqlType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> true;
      default -> false;
    };
  }

  private static boolean isTemporal(DataType type) {
    return type.kind() == DataType.Kind.DATE || type.kind() == DataType.Kind.TIME
        || type.kind() == DataType.Kind.TIMESTAMP;
  }

  private static String describeColumns(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnLabel(i));
    }
    return out.toString();
  }

  /** Ends the read transaction and closes the connection. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
