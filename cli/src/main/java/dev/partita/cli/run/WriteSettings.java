package dev.partita.cli.run;

import dev.partita.DataSize;
import dev.partita.cli.input.InputFormat;
import dev.partita.format.text.read.CsvOptions;
import dev.partita.write.WriteMode;
import dev.partita.write.WriteOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code partita write} does, as checked values. Build with {@link #builder(List, Path)}; every
 * setting has a {@code DEFAULT_*}.
 */
public final class WriteSettings {
  /** Default {@link Builder#sampleRows}. */
  public static final int DEFAULT_SAMPLE_ROWS = 10_000;
  /** Default {@link Builder#format}. */
  public static final String DEFAULT_FORMAT = "parquet";
  /** Default codec of Parquet and ORC output. */
  public static final String DEFAULT_BINARY_CODEC = "snappy";
  /** Default codec of CSV and JSON output (snappy output would not be readable text). */
  public static final String DEFAULT_TEXT_CODEC = "none";
  /** Default {@link Builder#threads}. */
  public static final int DEFAULT_THREADS = 1;

  private final List<Path> inputs;
  private final Path output;
  private final Optional<InputFormat> inputFormat;
  private final CsvOptions csv;
  private final Optional<String> schema;
  private final int sampleRows;
  private final boolean normalizeNames;
  private final Optional<String> partitionBy;
  private final ZoneId timeZone;
  private final String format;
  private final Optional<String> codec;
  private final Optional<Integer> level;
  private final Map<String, String> formatOptions;
  private final WriteMode mode;
  private final DataSize targetFileSize;
  private final long maxRowsPerFile;
  private final int maxOpenFiles;
  private final DataSize memory;
  private final int threads;
  private final BadRecordPolicy badRecords;
  private final boolean sync;

  private WriteSettings(Builder b) {
    inputs = List.copyOf(b.inputs);
    output = b.output;
    inputFormat = Optional.ofNullable(b.inputFormat);
    csv = b.csv;
    schema = Optional.ofNullable(b.schema);
    sampleRows = b.sampleRows;
    normalizeNames = b.normalizeNames;
    partitionBy = Optional.ofNullable(b.partitionBy);
    timeZone = b.timeZone;
    format = b.format;
    codec = Optional.ofNullable(b.codec);
    level = Optional.ofNullable(b.level);
    formatOptions = Map.copyOf(b.formatOptions);
    mode = b.mode;
    targetFileSize = b.targetFileSize;
    maxRowsPerFile = b.maxRowsPerFile;
    maxOpenFiles = b.maxOpenFiles;
    memory = b.memory;
    threads = b.threads;
    badRecords = b.badRecords;
    sync = b.sync;
  }

  /** Settings that read {@code inputs} and write the table at {@code output}. */
  public static Builder builder(List<Path> inputs, Path output) {
    return new Builder(inputs, output);
  }

  /** Input files or directories, in order. */
  public List<Path> inputs() {
    return inputs;
  }

  /** The table directory. */
  public Path output() {
    return output;
  }

  /** The input format for every file, when not told by file names. */
  public Optional<InputFormat> inputFormat() {
    return inputFormat;
  }

  /** How CSV input is written. */
  public CsvOptions csv() {
    return csv;
  }

  /** The {@code --schema} text, when given. */
  public Optional<String> schema() {
    return schema;
  }

  /** Records read to infer the schema. */
  public int sampleRows() {
    return sampleRows;
  }

  /** Whether column names become snake_case. */
  public boolean normalizeNames() {
    return normalizeNames;
  }

  /** The {@code --partition-by} text, when given. */
  public Optional<String> partitionBy() {
    return partitionBy;
  }

  /** Zone of temporal partition transforms of instants, and of timestamptz input without an offset. */
  public ZoneId timeZone() {
    return timeZone;
  }

  /** Output format name. */
  public String format() {
    return format;
  }

  /** The codec, when given. */
  public Optional<String> codec() {
    return codec;
  }

  /** The codec level, when given. */
  public Optional<Integer> level() {
    return level;
  }

  /** Further options of the output format ({@code --format-option key=value}). */
  public Map<String, String> formatOptions() {
    return formatOptions;
  }

  /** What happens to data already in the table. */
  public WriteMode mode() {
    return mode;
  }

  /** Size at which a file is rolled. */
  public DataSize targetFileSize() {
    return targetFileSize;
  }

  /** Rows at which a file is rolled. */
  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  /** Most files open at once. */
  public int maxOpenFiles() {
    return maxOpenFiles;
  }

  /** Memory budget of the writer's buffers. */
  public DataSize memory() {
    return memory;
  }

  /** Writer threads asked for. */
  public int threads() {
    return threads;
  }

  /** What to do with bad records. */
  public BadRecordPolicy badRecords() {
    return badRecords;
  }

  /** Whether files and directories are forced to disk before the commit completes. */
  public boolean sync() {
    return sync;
  }

  /** The codec to use: the given one, or the format's default. */
  public String effectiveCodec() {
    return codec.orElse(format.equals("csv") || format.equals("json") ? DEFAULT_TEXT_CODEC : DEFAULT_BINARY_CODEC);
  }

  /** Collects {@link WriteSettings}; {@link #build()} validates with messages that name the option. */
  public static final class Builder {
    private final List<Path> inputs;
    private final Path output;
    private InputFormat inputFormat;
    private CsvOptions csv = CsvOptions.DEFAULT;
    private String schema;
    private int sampleRows = DEFAULT_SAMPLE_ROWS;
    private boolean normalizeNames;
    private String partitionBy;
    private ZoneId timeZone = ZoneOffset.UTC;
    private String format = DEFAULT_FORMAT;
    private String codec;
    private Integer level;
    private Map<String, String> formatOptions = Map.of();
    private WriteMode mode = WriteOptions.DEFAULT_MODE;
    private DataSize targetFileSize = WriteOptions.DEFAULT_TARGET_FILE_SIZE;
    private long maxRowsPerFile = WriteOptions.DEFAULT_MAX_ROWS_PER_FILE;
    private int maxOpenFiles = WriteOptions.DEFAULT_MAX_OPEN_FILES;
    private DataSize memory = WriteOptions.DEFAULT_MEMORY_BUDGET;
    private int threads = DEFAULT_THREADS;
    private BadRecordPolicy badRecords = BadRecordPolicy.FAIL;
    private boolean sync = true;

    private Builder(List<Path> inputs, Path output) {
      this.inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
      this.output = Objects.requireNonNull(output, "output");
    }

    /** Reads every input as {@code f}; default: from each file name. */
    public Builder inputFormat(InputFormat f) {
      this.inputFormat = f;
      return this;
    }

    /** CSV dialect; default {@link CsvOptions#DEFAULT}. */
    public Builder csv(CsvOptions c) {
      this.csv = Objects.requireNonNull(c, "csv");
      return this;
    }

    /** The {@code --schema} text; default: inferred. */
    public Builder schema(String s) {
      this.schema = s;
      return this;
    }

    /** Records sampled for inference, at least 1; default {@link #DEFAULT_SAMPLE_ROWS}. */
    public Builder sampleRows(int n) {
      this.sampleRows = n;
      return this;
    }

    /** snake_case column names; default false. */
    public Builder normalizeNames(boolean b) {
      this.normalizeNames = b;
      return this;
    }

    /** The {@code --partition-by} text; default unpartitioned. */
    public Builder partitionBy(String p) {
      this.partitionBy = p;
      return this;
    }

    /** Time zone; default UTC. */
    public Builder timeZone(ZoneId z) {
      this.timeZone = Objects.requireNonNull(z, "timeZone");
      return this;
    }

    /** Output format; default {@link #DEFAULT_FORMAT}. */
    public Builder format(String f) {
      this.format = Objects.requireNonNull(f, "format").trim().toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /** Codec; default snappy for Parquet and ORC, none for CSV and JSON. */
    public Builder codec(String c) {
      this.codec = c == null ? null : c.trim().toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /** Codec level; default the codec's. */
    public Builder level(Integer l) {
      this.level = l;
      return this;
    }

    /** Further format options. */
    public Builder formatOptions(Map<String, String> o) {
      this.formatOptions = Objects.requireNonNull(o, "formatOptions");
      return this;
    }

    /** Write mode; default {@link WriteOptions#DEFAULT_MODE}. */
    public Builder mode(WriteMode m) {
      this.mode = Objects.requireNonNull(m, "mode");
      return this;
    }

    /** Target file size. */
    public Builder targetFileSize(DataSize s) {
      this.targetFileSize = Objects.requireNonNull(s, "targetFileSize");
      return this;
    }

    /** Rows per file. */
    public Builder maxRowsPerFile(long n) {
      this.maxRowsPerFile = n;
      return this;
    }

    /** Open files. */
    public Builder maxOpenFiles(int n) {
      this.maxOpenFiles = n;
      return this;
    }

    /** Memory budget. */
    public Builder memory(DataSize m) {
      this.memory = Objects.requireNonNull(m, "memory");
      return this;
    }

    /** Threads asked for, 1..256. */
    public Builder threads(int n) {
      this.threads = n;
      return this;
    }

    /** Bad-record policy; default {@link BadRecordPolicy#FAIL}. */
    public Builder badRecords(BadRecordPolicy p) {
      this.badRecords = Objects.requireNonNull(p, "badRecords");
      return this;
    }

    /**
     * Whether files and directories are forced to disk (fsync) so that a commit survives a power cut; default
     * true. Without it a write is as safe against crashes of the process, not of the machine.
     */
    public Builder sync(boolean s) {
      this.sync = s;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws UsageException naming the option and its allowed range
     */
    public WriteSettings build() {
      if (inputs.isEmpty()) {
        throw new UsageException("--input is required: give one or more files or directories");
      }
      if (sampleRows < 1) {
        throw new UsageException("--sample-rows must be at least 1, got " + sampleRows);
      }
      if (threads < 1 || threads > 256) {
        throw new UsageException("--threads must be in 1..256, got " + threads);
      }
      if (maxOpenFiles < 1) {
        throw new UsageException("--max-open-files must be at least 1, got " + maxOpenFiles);
      }
      if (maxRowsPerFile < 1) {
        throw new UsageException("--max-rows-per-file must be at least 1, got " + maxRowsPerFile);
      }
      if (memory.bytes() < DataSize.ofMegabytes(1).bytes()) {
        throw new UsageException("--memory must be at least 1MB, got " + memory);
      }
      if (targetFileSize.bytes() < 1024) {
        throw new UsageException("--target-file-size must be at least 1KB, got " + targetFileSize);
      }
      return new WriteSettings(this);
    }
  }
}
