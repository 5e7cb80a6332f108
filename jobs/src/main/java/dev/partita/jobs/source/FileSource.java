package dev.partita.jobs.source;

import dev.partita.format.text.read.CsvOptions;
import dev.partita.schema.Schema;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.Objects;

/**
 * Files in a local directory that match a glob, read as CSV, JSON Lines ({@code .gz} files of either are
 * decompressed) or Parquet. Immutable; build with {@link #csv}, {@link #jsonLines} or {@link #parquet}.
 *
 * <p>Each run reads the files its bookmark does not hold yet, in path order; a file the bookmark holds is read
 * again only when it changed and the {@link ChangedFilePolicy} says so. Files and folders whose names start with
 * {@code .} or {@code _} are skipped (write a file under such a name and rename it when complete), and so are
 * files modified less than {@link #settleTime()} ago. Deleted files are ignored. CSV files are read as
 * {@link #csvOptions()} say; their columns are matched by header name (or by position without a header); JSON
 * Lines fields and Parquet columns by name (exact, then ignoring case); a column absent from a file is null.
 */
public final class FileSource implements Source {
  /** Default {@link Builder#glob}: every file under the directory. */
  public static final String DEFAULT_GLOB = "**";
  /** Default {@link Builder#changedFiles}. */
  public static final ChangedFilePolicy DEFAULT_CHANGED_FILES = ChangedFilePolicy.IGNORE;
  /** Default {@link Builder#settleTime}: none. */
  public static final Duration DEFAULT_SETTLE_TIME = Duration.ZERO;
  /** Default {@link Builder#maxFilesPerRun}: no limit. */
  public static final int DEFAULT_MAX_FILES_PER_RUN = Integer.MAX_VALUE;

  /** The file format. */
  public enum Format {
    /** RFC 4180 comma-separated values (delimiter and quote configurable), UTF-8. */
    CSV,
    /** One JSON object per line, UTF-8. */
    JSON_LINES,
    /**
     * Flat Parquet files, read without Hadoop by partita-parquet's reader (any codec Partita has, pages V1 and V2,
     * INT96 and legacy types). Columns the schema does not name are not read; a column of another type is
     * converted when its values fit (integers widen, decimals rescale) and through text otherwise.
     */
    PARQUET;

    /**
     * The format a file name suggests: {@code .parquet} (and {@code .parq}) Parquet; {@code .json}, {@code .jsonl},
     * {@code .ndjson} (optionally {@code .gz}) JSON Lines; anything else CSV.
     */
    public static Format ofFileName(String fileName) {
      String n = fileName.toLowerCase(java.util.Locale.ROOT);
      if (n.endsWith(".gz")) {
        n = n.substring(0, n.length() - 3);
      }
      if (n.endsWith(".parquet") || n.endsWith(".parq")) {
        return PARQUET;
      }
      return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSON_LINES : CSV;
    }
  }

  private final String name;
  private final Path directory;
  private final Schema schema;
  private final Format format;
  private final String glob;
  private final ChangedFilePolicy changedFiles;
  private final boolean contentHash;
  private final Duration settleTime;
  private final int maxFilesPerRun;
  private final CsvOptions csvOptions;

  private FileSource(Builder b, CsvOptions csvOptions) {
    this.name = b.name;
    this.directory = b.directory;
    this.schema = b.schema;
    this.format = b.format;
    this.glob = b.glob;
    this.changedFiles = b.changedFiles;
    this.contentHash = b.contentHash;
    this.settleTime = b.settleTime;
    this.maxFilesPerRun = b.maxFilesPerRun;
    this.csvOptions = csvOptions;
  }

  /** Starts a CSV source named {@code name} over {@code directory}, producing rows of {@code schema}. */
  public static Builder csv(String name, Path directory, Schema schema) {
    return new Builder(name, directory, schema, Format.CSV);
  }

  /** Starts a JSON Lines source named {@code name} over {@code directory}, producing rows of {@code schema}. */
  public static Builder jsonLines(String name, Path directory, Schema schema) {
    return new Builder(name, directory, schema, Format.JSON_LINES);
  }

  /**
   * Starts a Parquet source named {@code name} over {@code directory}, producing rows of {@code schema}; the
   * bookmark keeps the same path, size, modification time and optional hash per file as for text files.
   */
  public static Builder parquet(String name, Path directory, Schema schema) {
    return new Builder(name, directory, schema, Format.PARQUET);
  }

  /** Starts a source of the given format; see {@link #csv}, {@link #jsonLines}, {@link #parquet}. */
  public static Builder of(Format format, String name, Path directory, Schema schema) {
    return new Builder(name, directory, schema, java.util.Objects.requireNonNull(format, "format"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /** The directory searched (absolute, normalized). */
  public Path directory() {
    return directory;
  }

  /** The file format. */
  public Format format() {
    return format;
  }

  /** The glob that paths relative to {@link #directory()} must match (with {@code /} separators). */
  public String glob() {
    return glob;
  }

  /** A matcher for {@link #glob()}. */
  public PathMatcher matcher() {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }

  /** What to do with files that changed after they were read. */
  public ChangedFilePolicy changedFiles() {
    return changedFiles;
  }

  /** Whether a SHA-256 of each file's bytes is kept, so that a file touched without a content change is not read. */
  public boolean contentHash() {
    return contentHash;
  }

  /** Files modified more recently than this are left for a later run. */
  public Duration settleTime() {
    return settleTime;
  }

  /** Most files read per run (oldest paths first); the rest wait for later runs. */
  public int maxFilesPerRun() {
    return maxFilesPerRun;
  }

  /**
   * How CSV files are written: delimiter, quote, whether a header line names the columns, and the unquoted text
   * read as null. Held (and validated) for every format; only {@link Format#CSV} reads it.
   */
  public CsvOptions csvOptions() {
    return csvOptions;
  }

  @Override
  public String describe() {
    return "files " + directory + "/" + glob + " (" + format.name().toLowerCase(java.util.Locale.ROOT)
        + ", changed files: " + changedFiles.name().toLowerCase(java.util.Locale.ROOT)
        + (contentHash ? ", content hash" : "") + ")";
  }

  @Override
  public String toString() {
    return "FileSource[" + name + ": " + describe() + "]";
  }

  /** Collects a {@link FileSource}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final Path directory;
    private final Schema schema;
    private final Format format;
    private String glob = DEFAULT_GLOB;
    private ChangedFilePolicy changedFiles = DEFAULT_CHANGED_FILES;
    private boolean contentHash;
    private Duration settleTime = DEFAULT_SETTLE_TIME;
    private int maxFilesPerRun = DEFAULT_MAX_FILES_PER_RUN;
    private CsvOptions.Builder csv = CsvOptions.builder();

    private Builder(String name, Path directory, Schema schema, Format format) {
      this.name = Objects.requireNonNull(name, "name");
      this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
      this.schema = Objects.requireNonNull(schema, "schema");
      this.format = format;
    }

    /** Files to read, as a glob over paths relative to the directory, e.g. {@code *.csv} or {@code **.json}. */
    public Builder glob(String glob) {
      this.glob = Objects.requireNonNull(glob, "glob");
      return this;
    }

    /** What to do with changed files; default {@link #DEFAULT_CHANGED_FILES}. */
    public Builder changedFiles(ChangedFilePolicy policy) {
      this.changedFiles = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Keeps a SHA-256 of each file read; default off. */
    public Builder contentHash(boolean contentHash) {
      this.contentHash = contentHash;
      return this;
    }

    /** Leaves files modified less than this ago for later, 0..1 day; default none. */
    public Builder settleTime(Duration settleTime) {
      this.settleTime = Objects.requireNonNull(settleTime, "settleTime");
      return this;
    }

    /** Most files per run, at least 1; default no limit. */
    public Builder maxFilesPerRun(int maxFilesPerRun) {
      this.maxFilesPerRun = maxFilesPerRun;
      return this;
    }

    /**
     * How CSV files are written; default {@link CsvOptions#DEFAULT}. Replaces what {@link #delimiter},
     * {@link #quote}, {@link #header} and {@link #nullValue} set before; later calls to them change these options.
     */
    public Builder csvOptions(CsvOptions options) {
      this.csv = Objects.requireNonNull(options, "options").toBuilder();
      return this;
    }

    /** Sets {@link CsvOptions#delimiter()} of {@link #csvOptions}; default {@code ,}. */
    public Builder delimiter(char delimiter) {
      csv.delimiter(delimiter);
      return this;
    }

    /** Sets {@link CsvOptions#quote()} of {@link #csvOptions}; default {@code "}. */
    public Builder quote(char quote) {
      csv.quote(quote);
      return this;
    }

    /**
     * Sets {@link CsvOptions#header()} of {@link #csvOptions}; default true. Without a header line, fields map to
     * columns by position.
     */
    public Builder header(boolean header) {
      csv.header(header);
      return this;
    }

    /** Sets {@link CsvOptions#nullValue()} of {@link #csvOptions}; default the empty field. */
    public Builder nullValue(String nullValue) {
      csv.nullValue(nullValue);
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the option and its allowed range
     */
    public FileSource build() {
      if (name.isBlank()) {
        throw new IllegalArgumentException("source name must not be blank");
      }
      if (schema.size() == 0) {
        throw new IllegalArgumentException("schema of source '" + name + "' must have at least one column");
      }
      if (glob.isBlank()) {
        throw new IllegalArgumentException("glob of source '" + name + "' must not be blank");
      }
      try {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("glob of source '" + name + "' is not a valid glob: '" + glob + "' ("
            + e.getMessage() + ")", e);
      }
      if (settleTime.isNegative() || settleTime.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("settleTime must be in 0..1 day, got " + settleTime);
      }
      if (maxFilesPerRun < 1) {
        throw new IllegalArgumentException("maxFilesPerRun must be at least 1, got " + maxFilesPerRun);
      }
      CsvOptions csvOptions;
      try {
        csvOptions = csv.build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("source '" + name + "': " + e.getMessage(), e);
      }
      return new FileSource(this, csvOptions);
    }
  }
}
