package dev.partita.write;

import dev.partita.DataSize;
import dev.partita.commit.CommitListener;
import dev.partita.format.FileFormat;
import dev.partita.partition.PartitionPaths;
import dev.partita.partition.PartitionSpec;
import dev.partita.schema.Schema;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable options of one partitioned write. Build with {@link #builder(Schema, FileFormat)}; every option has
 * a {@code DEFAULT_*} value.
 */
public final class WriteOptions {
  /**
   * Default {@link Builder#maxOpenFiles}: a thousand partitions stay open without reopening files; memory is
   * bounded by the memory budget whatever this limit is, this one bounds file handles.
   */
  public static final int DEFAULT_MAX_OPEN_FILES = 1_000;
  /** Default {@link Builder#memoryBudget}. */
  public static final DataSize DEFAULT_MEMORY_BUDGET = DataSize.ofMegabytes(256);
  /** Default {@link Builder#targetFileSize}. */
  public static final DataSize DEFAULT_TARGET_FILE_SIZE = DataSize.ofMegabytes(128);
  /** Default {@link Builder#maxRowsPerFile}: no limit. */
  public static final long DEFAULT_MAX_ROWS_PER_FILE = Long.MAX_VALUE;
  /** Default {@link Builder#mode}. */
  public static final WriteMode DEFAULT_MODE = WriteMode.ERROR_IF_EXISTS;
  /** Default {@link Builder#routing}. */
  public static final Routing DEFAULT_ROUTING = Routing.FANOUT;
  /** Default {@link Builder#parallelism}: 1, the calling thread writes every file (no threads are started). */
  public static final int DEFAULT_PARALLELISM = 1;
  /** Largest {@link Builder#parallelism}. */
  public static final int MAX_PARALLELISM = 256;

  private final Schema schema;
  private final FileFormat format;
  private final PartitionSpec partitionSpec;
  private final WriteMode mode;
  private final Routing routing;
  private final int parallelism;
  private final int maxOpenFiles;
  private final DataSize memoryBudget;
  private final DataSize targetFileSize;
  private final long maxRowsPerFile;
  private final boolean keepPartitionColumns;
  private final String defaultPartitionName;
  private final Optional<String> writeId;
  private final Clock clock;
  private final CommitListener commitListener;

  private WriteOptions(Builder b) {
    this.schema = b.schema;
    this.format = b.format;
    this.partitionSpec = b.partitionSpec == null ? PartitionSpec.unpartitioned(b.schema) : b.partitionSpec;
    this.mode = b.mode;
    this.routing = b.routing;
    this.parallelism = b.parallelism;
    this.maxOpenFiles = b.maxOpenFiles;
    this.memoryBudget = b.memoryBudget;
    this.targetFileSize = b.targetFileSize;
    this.maxRowsPerFile = b.maxRowsPerFile;
    this.keepPartitionColumns = b.keepPartitionColumns;
    this.defaultPartitionName = b.defaultPartitionName;
    this.writeId = Optional.ofNullable(b.writeId);
    this.clock = b.clock;
    this.commitListener = b.commitListener;
  }

  /** Starts options for rows shaped as {@code schema}, written as {@code format}. */
  public static Builder builder(Schema schema, FileFormat format) {
    return new Builder(schema, format);
  }

  /** The schema of the rows given to {@code write}. */
  public Schema schema() {
    return schema;
  }

  /** The file format (with its codec and options). */
  public FileFormat format() {
    return format;
  }

  /** How rows map to partitions; unpartitioned by default. */
  public PartitionSpec partitionSpec() {
    return partitionSpec;
  }

  /** What the commit does to existing data. */
  public WriteMode mode() {
    return mode;
  }

  /** Fanout or clustered routing. */
  public Routing routing() {
    return routing;
  }

  /** Worker threads that encode and write files; 1 means the thread calling {@code write} does it. */
  public int parallelism() {
    return parallelism;
  }

  /** Most files open at once (fanout), across all workers. */
  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  /** Most bytes buffered by all open files together. */
  public DataSize memoryBudget() {
    return memoryBudget;
  }

  /** Size at which a file is closed and the partition continues in a new one. */
  public DataSize targetFileSize() {
    return targetFileSize;
  }

  /** Rows at which a file is closed and the partition continues in a new one. */
  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  /** Whether identity partition columns are also written inside data files (Hive convention: no). */
  public boolean keepPartitionColumns() {
    return keepPartitionColumns;
  }

  /** Directory value for null and empty partition values. */
  public String defaultPartitionName() {
    return defaultPartitionName;
  }

  /** The write id given by the caller; a unique one is generated when absent. */
  public Optional<String> writeId() {
    return writeId;
  }

  /** The clock for commit times and generated write ids. */
  public Clock clock() {
    return clock;
  }

  /** Observer of commit steps. */
  public CommitListener commitListener() {
    return commitListener;
  }

  /** Collects {@link WriteOptions}; {@link #build()} validates. */
  public static final class Builder {
    private final Schema schema;
    private final FileFormat format;
    private PartitionSpec partitionSpec;
    private WriteMode mode = DEFAULT_MODE;
    private Routing routing = DEFAULT_ROUTING;
    private int parallelism = DEFAULT_PARALLELISM;
    private int maxOpenFiles = DEFAULT_MAX_OPEN_FILES;
    private DataSize memoryBudget = DEFAULT_MEMORY_BUDGET;
    private DataSize targetFileSize = DEFAULT_TARGET_FILE_SIZE;
    private long maxRowsPerFile = DEFAULT_MAX_ROWS_PER_FILE;
    private boolean keepPartitionColumns;
    private String defaultPartitionName = PartitionPaths.DEFAULT_PARTITION_NAME;
    private String writeId;
    private Clock clock = Clock.systemUTC();
    private CommitListener commitListener = CommitListener.NONE;

    private Builder(Schema schema, FileFormat format) {
      this.schema = Objects.requireNonNull(schema, "schema");
      this.format = Objects.requireNonNull(format, "format");
    }

    /** Partitions rows by {@code spec}, which must be built on the same schema. */
    public Builder partitionBy(PartitionSpec spec) {
      this.partitionSpec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** What the commit does to existing data; default {@link #DEFAULT_MODE}. */
    public Builder mode(WriteMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Fanout or clustered; default {@link #DEFAULT_ROUTING}. */
    public Builder routing(Routing routing) {
      this.routing = Objects.requireNonNull(routing, "routing");
      return this;
    }

    /**
     * Worker threads that encode, compress and write files, 1..{@link #MAX_PARALLELISM}; default
     * {@link #DEFAULT_PARALLELISM}.
     *
     * <p>With 1 the thread calling {@code write} does all the work and the writer is single-threaded. With more,
     * the writer starts that many worker threads (closed with the writer) and {@code write} may be called from
     * several threads at once: each row is copied into a batch of the worker that owns its partition, so every
     * file has exactly one writing thread, and a partition that takes a large share of the recent rows is spread
     * over several workers, each writing its own files. Requires {@link Routing#FANOUT}; {@code maxOpenFiles} and
     * the memory budget are limits of the whole write, shared by the workers by need ({@code maxOpenFiles} must be
     * at least the parallelism, so that every worker can keep a file open). Rows waiting in hand-off queues (up to
     * 16 batches of 512 rows per worker, plus one per worker for each producer thread) are not counted in the
     * budget. Differences from 1: {@code InvalidRowException} row numbers count the rows of the calling thread,
     * and a row that passes the writer's checks but that the format refuses fails the whole write (its producer
     * has already returned, so it cannot be told).
     *
     * <p>The default is 1, not the number of processors: a library that silently starts threads inside its
     * caller (a Kafka consumer, a servlet) surprises, so callers opt in; the CLI and the benchmarks pass it
     * explicitly.
     */
    public Builder parallelism(int parallelism) {
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Most files open at once, all worker threads together, at least 1 (and at least {@code parallelism}); default
     * {@link #DEFAULT_MAX_OPEN_FILES}. Beyond it the least recently used file is closed, and its partition gets a
     * new file if more rows arrive.
     */
    public Builder maxOpenFiles(int maxOpenFiles) {
      this.maxOpenFiles = maxOpenFiles;
      return this;
    }

    /** Most bytes all open files may buffer together, at least 1MB; default {@link #DEFAULT_MEMORY_BUDGET}. */
    public Builder memoryBudget(DataSize budget) {
      this.memoryBudget = Objects.requireNonNull(budget, "budget");
      return this;
    }

    /** File size that starts a new file, at least 1KB; default {@link #DEFAULT_TARGET_FILE_SIZE}. */
    public Builder targetFileSize(DataSize size) {
      this.targetFileSize = Objects.requireNonNull(size, "size");
      return this;
    }

    /** Row count that starts a new file, at least 1; default unlimited. */
    public Builder maxRowsPerFile(long rows) {
      this.maxRowsPerFile = rows;
      return this;
    }

    /** Also writes identity partition columns inside the data files; default false (Hive convention). */
    public Builder keepPartitionColumns(boolean keep) {
      this.keepPartitionColumns = keep;
      return this;
    }

    /** Directory value for null and empty partition values; default {@code __HIVE_DEFAULT_PARTITION__}. */
    public Builder defaultPartitionName(String name) {
      this.defaultPartitionName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * A caller-chosen write id (letters, digits, {@code -} and {@code _}), which names files and the commit
     * manifest; it must be unique in the table. Default: generated from the clock and a random part.
     */
    public Builder writeId(String writeId) {
      this.writeId = Objects.requireNonNull(writeId, "writeId");
      return this;
    }

    /** The clock for commit times and generated write ids; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Observer of commit steps; default none. */
    public Builder commitListener(CommitListener listener) {
      this.commitListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and its allowed range
     */
    public WriteOptions build() {
      if (maxOpenFiles < 1) {
        throw new IllegalArgumentException("maxOpenFiles must be at least 1, got " + maxOpenFiles);
      }
      if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
        throw new IllegalArgumentException("parallelism must be in 1.." + MAX_PARALLELISM + ", got " + parallelism);
      }
      if (parallelism > 1 && routing != Routing.FANOUT) {
        throw new IllegalArgumentException("parallelism " + parallelism + " requires FANOUT routing, got "
            + routing + ": clustered routing writes one partition at a time, which one thread does; set"
            + " routing(FANOUT) or parallelism(1)");
      }
      if (maxOpenFiles < parallelism) {
        throw new IllegalArgumentException("maxOpenFiles must be at least parallelism (" + parallelism
            + "), so that every worker can keep a file open; got " + maxOpenFiles);
      }
      if (memoryBudget.bytes() < DataSize.ofMegabytes(1).bytes()) {
        throw new IllegalArgumentException("memoryBudget must be at least 1MB, got " + memoryBudget);
      }
      if (targetFileSize.bytes() < 1024) {
        throw new IllegalArgumentException("targetFileSize must be at least 1KB, got " + targetFileSize);
      }
      if (maxRowsPerFile < 1) {
        throw new IllegalArgumentException("maxRowsPerFile must be at least 1, got " + maxRowsPerFile);
      }
      if (partitionSpec != null && !partitionSpec.schema().equals(schema)) {
        throw new IllegalArgumentException("partitionSpec was built on schema " + partitionSpec.schema()
            + " but the write's schema is " + schema + "; build the spec with the same schema");
      }
      if (writeId != null && !writeId.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("writeId must be 1-64 letters, digits, '-' or '_', got '" + writeId + "'");
      }
      if (defaultPartitionName.isEmpty() || defaultPartitionName.contains("/")
          || defaultPartitionName.equals(".") || defaultPartitionName.equals("..")) {
        throw new IllegalArgumentException("defaultPartitionName must be a non-empty path segment, got '"
            + defaultPartitionName + "'");
      }
      return new WriteOptions(this);
    }
  }
}
