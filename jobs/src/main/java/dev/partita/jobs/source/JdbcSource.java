package dev.partita.jobs.source;

import dev.partita.catalog.Catalogs;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A table or query in any database with a JDBC driver on the class path, read incrementally by bookmark keys, like
 * Glue's {@code jobBookmarkKeys}. Immutable; build with {@link #table} or {@link #query}.
 *
 * <p>Each run reads, in one read-only transaction (a repeatable-read snapshot where the database offers one),
 * the rows whose keys are above the largest key the bookmark holds, ordered by the keys, and remembers the last
 * one. Several keys compare as a tuple, left to right. <b>Keys must increase</b>: a row committed later with a key
 * at or below the remembered maximum is never read. Runs check this: the bookmark also remembers how many rows
 * had keys at or below its maximum, and a run that finds more reports them as late rows ({@link LateRowPolicy}).
 * Rows whose keys are null are never read and are reported too. Good keys: an identity column, an insertion
 * timestamp set by the database at commit, or (timestamp, id).
 *
 * <p>Result columns map to the schema by name (case-insensitive); every schema column must be in the result.
 */
public final class JdbcSource implements Source {
  /** Default {@link Builder#fetchSize}. */
  public static final int DEFAULT_FETCH_SIZE = 1000;
  /** Default {@link Builder#maxRowsPerRun}: no limit. */
  public static final long DEFAULT_MAX_ROWS_PER_RUN = Long.MAX_VALUE;
  /** Default {@link Builder#lateRows}. */
  public static final LateRowPolicy DEFAULT_LATE_ROWS = LateRowPolicy.REPORT;

  private final String name;
  private final String url;
  private final Properties properties;
  private final String query;
  private final String description;
  private final Schema schema;
  private final List<String> bookmarkKeys;
  private final int fetchSize;
  private final long maxRowsPerRun;
  private final LateRowPolicy lateRows;

  private JdbcSource(Builder b) {
    this.name = b.name;
    this.url = b.url;
    this.properties = new Properties();
    this.properties.putAll(b.properties);
    this.query = b.query;
    this.description = b.description;
    this.schema = b.schema;
    this.bookmarkKeys = List.copyOf(b.bookmarkKeys);
    this.fetchSize = b.fetchSize;
    this.maxRowsPerRun = b.maxRowsPerRun;
    this.lateRows = b.lateRows;
  }

  /**
   * Starts a source reading all columns of {@code table} (a name as the database accepts it in {@code FROM},
   * possibly schema-qualified or quoted).
   */
  public static Builder table(String name, String url, String table, Schema schema) {
    Objects.requireNonNull(table, "table");
    return new Builder(name, url, "SELECT * FROM " + table, "table " + table, schema);
  }

  /** Starts a source reading the rows of {@code query} (a SELECT usable as a subquery: no ORDER BY or LIMIT). */
  public static Builder query(String name, String url, String query, Schema schema) {
    Objects.requireNonNull(query, "query");
    return new Builder(name, url, query, "query " + query.strip(), schema);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** The JDBC URL. */
  public String url() {
    return url;
  }

  /** Connection properties (user, password, ...), a copy. */
  public Properties properties() {
    Properties p = new Properties();
    p.putAll(properties);
    return p;
  }

  /** The SELECT the source reads from (wrapped by each run in a keyed, ordered query). */
  public String query() {
    return query;
  }

  /** The bookmark key columns, most significant first. */
  public List<String> bookmarkKeys() {
    return bookmarkKeys;
  }

  /** Rows fetched per round trip. */
  public int fetchSize() {
    return fetchSize;
  }

  /**
   * Most rows read per run; a run stops after this many rows at the next change of key, so rows sharing a key are
   * never split between runs.
   */
  public long maxRowsPerRun() {
    return maxRowsPerRun;
  }

  /** What to do about late rows. */
  public LateRowPolicy lateRows() {
    return lateRows;
  }

  @Override
  public String describe() {
    return "jdbc " + Catalogs.redact(url) + " " + description + " by " + bookmarkKeys;
  }

  @Override
  public String toString() {
    return "JdbcSource[" + name + ": " + describe() + "]";
  }

  /** Collects a {@link JdbcSource}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final String url;
    private final String query;
    private final String description;
    private final Schema schema;
    private final Properties properties = new Properties();
    private final List<String> bookmarkKeys = new ArrayList<>();
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private long maxRowsPerRun = DEFAULT_MAX_ROWS_PER_RUN;
    private LateRowPolicy lateRows = DEFAULT_LATE_ROWS;

    private Builder(String name, String url, String query, String description, Schema schema) {
      this.name = Objects.requireNonNull(name, "name");
      this.url = Objects.requireNonNull(url, "url");
      this.query = query;
      this.description = description;
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** The bookmark key columns (required), most significant first; each must be a column of the schema. */
    public Builder bookmarkKeys(String... columns) {
      bookmarkKeys.clear();
      for (String c : columns) {
        bookmarkKeys.add(Objects.requireNonNull(c, "column"));
      }
      return this;
    }

    /** A connection property, such as {@code user} or {@code password}. */
    public Builder property(String key, String value) {
      properties.setProperty(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Rows per round trip, 1..100000; default {@link #DEFAULT_FETCH_SIZE}. */
    public Builder fetchSize(int fetchSize) {
      this.fetchSize = fetchSize;
      return this;
    }

    /** Most rows per run, at least 1; default no limit. */
    public Builder maxRowsPerRun(long maxRowsPerRun) {
      this.maxRowsPerRun = maxRowsPerRun;
      return this;
    }

    /** What to do about late rows; default {@link #DEFAULT_LATE_ROWS}. */
    public Builder lateRows(LateRowPolicy policy) {
      this.lateRows = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and its allowed range
     */
    public JdbcSource build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("source name must not be blank");
      }
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("url of source '" + name + "' must be a JDBC URL (jdbc:...), got '"
            + Catalogs.redact(url) + "'");
      }
      if (query.isBlank() || query.strip().endsWith(";")) {
        throw new IllegalArgumentException("query of source '" + name + "' must be one SELECT without a trailing"
            + " ';', got '" + query + "'");
      }
      if (bookmarkKeys.isEmpty()) {
        throw new IllegalArgumentException("bookmarkKeys of source '" + name + "' must name at least one column"
            + " whose values increase with every new row");
      }
      for (String k : bookmarkKeys) {
        if (schema.indexOf(k).isEmpty()) {
          throw new IllegalArgumentException("bookmark key '" + k + "' of source '" + name
              + "' is not a column of its schema " + schema);
        }
        DataType.Kind kind = schema.column(schema.require(k)).type().kind();
        if (kind == DataType.Kind.BOOLEAN || kind == DataType.Kind.BINARY || kind == DataType.Kind.FLOAT32
            || kind == DataType.Kind.FLOAT64) {
          throw new IllegalArgumentException("bookmark key '" + k + "' of source '" + name + "' has type "
              + schema.column(schema.require(k)).type() + "; keys must be integers, decimals, strings, dates,"
              + " times or timestamps");
        }
      }
      if (bookmarkKeys.stream().distinct().count() != bookmarkKeys.size()) {
        throw new IllegalArgumentException("bookmarkKeys of source '" + name + "' repeat a column: " + bookmarkKeys);
      }
      if (fetchSize < 1 || fetchSize > 100_000) {
        throw new IllegalArgumentException("fetchSize must be in 1..100000, got " + fetchSize);
      }
      if (maxRowsPerRun < 1) {
        throw new IllegalArgumentException("maxRowsPerRun must be at least 1, got " + maxRowsPerRun);
      }
      return new JdbcSource(this);
    }
  }
}
