package dev.partita.jobs;

import dev.partita.catalog.TableId;
import dev.partita.jobs.source.Source;
import dev.partita.jobs.transform.RowTransform;
import dev.partita.schema.Schema;
import dev.partita.storage.LocalStorage;
import dev.partita.storage.Storage;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named, incremental load: read what is new in its sources, optionally transform each row, and append the rows
 * to a catalog table through the partitioned writer. Immutable; build with {@link #builder}; run with a
 * {@link JobRunner}. The name identifies the job's bookmark, lease and run history in the catalog, so keep it
 * stable between runs.
 *
 * <pre>{@code
 * IngestJob job = IngestJob.builder("weather-load", TableId.of("weather"), Path.of("/tables/weather"))
 *     .source(FileSource.csv("landing", Path.of("/landing/weather"), schema).glob("*.csv").build())
 *     .writeOptions(WriteOptions.builder(schema, parquet).partitionBy(spec).build())
 *     .build();
 * }</pre>
 */
public final class IngestJob {
  /** Default {@link Builder#maxBadRows}: none allowed. */
  public static final long DEFAULT_MAX_BAD_ROWS = 0;
  /** Most characters of a job name. */
  public static final int MAX_NAME_LENGTH = 200;

  private final String name;
  private final TableId table;
  private final Storage storage;
  private final String location;
  private final List<Source> sources;
  private final Optional<RowTransform> transform;
  private final WriteOptions writeOptions;
  private final long maxBadRows;

  private IngestJob(Builder b) {
    this.name = b.name;
    this.table = b.table;
    this.storage = b.storage;
    this.location = b.location;
    this.sources = List.copyOf(b.sources);
    this.transform = Optional.ofNullable(b.transform);
    this.writeOptions = b.writeOptions;
    this.maxBadRows = b.maxBadRows;
  }

  /** Starts a job writing into the catalog table {@code table}, whose files live in the local {@code location}. */
  public static Builder builder(String name, TableId table, Path location) {
    Objects.requireNonNull(location, "location");
    return new Builder(name, table, LocalStorage.instance(), location.toAbsolutePath().normalize().toString());
  }

  /** Starts a job writing into the catalog table {@code table} at {@code location} on {@code storage}. */
  public static Builder builder(String name, TableId table, Storage storage, String location) {
    return new Builder(name, table, storage, location);
  }

  /** The job's name. */
  public String name() {
    return name;
  }

  /** The catalog table it writes. */
  public TableId table() {
    return table;
  }

  /** The storage of the table's files. */
  public Storage storage() {
    return storage;
  }

  /** The table's root on {@link #storage()}. */
  public String location() {
    return location;
  }

  /** The sources, read in this order. */
  public List<Source> sources() {
    return sources;
  }

  /** The schema the sources produce. */
  public Schema sourceSchema() {
    return sources.get(0).schema();
  }

  /** The transform between sources and table; empty when rows are written as read. */
  public Optional<RowTransform> transform() {
    return transform;
  }

  /**
   * How rows are written (format, partitioning, file sizes, routing). Each run writes with mode
   * {@link dev.partita.write.WriteMode#APPEND} and its own write id, whatever these options say.
   */
  public WriteOptions writeOptions() {
    return writeOptions;
  }

  /** Most bad records a run accepts; one more fails it. */
  public long maxBadRows() {
    return maxBadRows;
  }

  /** A description of sources and table, stored with the job in the catalog. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Source s : sources) {
      sb.append(s.name()).append(": ").append(s.describe()).append("; ");
    }
    sb.append("into ").append(table).append(" at ").append(location).append(" as ")
        .append(writeOptions.format().name());
    if (!writeOptions.partitionSpec().isUnpartitioned()) {
      sb.append(" partitioned by ").append(writeOptions.partitionSpec());
    }
    transform.ifPresent(t -> sb.append(" with a transform"));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "IngestJob[" + name + ": " + describe() + "]";
  }

  /** Collects an {@link IngestJob}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final TableId table;
    private final Storage storage;
    private final String location;
    private final List<Source> sources = new ArrayList<>();
    private RowTransform transform;
    private WriteOptions writeOptions;
    private long maxBadRows = DEFAULT_MAX_BAD_ROWS;

    private Builder(String name, TableId table, Storage storage, String location) {
      this.name = Objects.requireNonNull(name, "name");
      this.table = Objects.requireNonNull(table, "table");
      this.storage = Objects.requireNonNull(storage, "storage");
      this.location = Objects.requireNonNull(location, "location");
    }

    /** Adds a source; sources are read in the order added and must produce the same schema. */
    public Builder source(Source source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    /** Transforms each source row into a table row; default none. */
    public Builder transform(RowTransform transform) {
      this.transform = Objects.requireNonNull(transform, "transform");
      return this;
    }

    /** How rows are written (required), built for the schema the transform (or the sources) produce. */
    public Builder writeOptions(WriteOptions options) {
      this.writeOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Most bad records per run, at least 0; default {@link #DEFAULT_MAX_BAD_ROWS}. */
    public Builder maxBadRows(long maxBadRows) {
      this.maxBadRows = maxBadRows;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and what it must be
     */
    public IngestJob build() {
      if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("job name must be 1.." + MAX_NAME_LENGTH + " characters, not blank and"
            + " without NUL, got '" + name.replace("\0", "\\0") + "'");
      }
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("job '" + name + "' needs at least one source");
      }
      Set<String> names = new HashSet<>();
      Schema schema = sources.get(0).schema();
      for (Source s : sources) {
        if (!names.add(s.name())) {
          throw new IllegalArgumentException("job '" + name + "' has two sources named '" + s.name() + "'");
        }
        if (!s.schema().equals(schema)) {
          throw new IllegalArgumentException("source '" + s.name() + "' of job '" + name + "' produces " + s.schema()
              + " but source '" + sources.get(0).name() + "' produces " + schema + "; sources must agree");
        }
      }
      if (writeOptions == null) {
        throw new IllegalArgumentException("writeOptions of job '" + name + "' must be set (format, partitioning)");
      }
      Schema out = transform == null ? schema : transform.outputSchema();
      if (!writeOptions.schema().equals(out)) {
        throw new IllegalArgumentException("writeOptions of job '" + name + "' are built for " + writeOptions.schema()
            + " but the job produces " + out + (transform == null ? " (its sources' schema)" : " (its transform's"
            + " output schema)") + "; build the options with that schema");
      }
      if (maxBadRows < 0) {
        throw new IllegalArgumentException("maxBadRows must be at least 0, got " + maxBadRows);
      }
      return new IngestJob(this);
    }
  }
}
