package dev.partita.format.parquet;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodec;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.FormatWriter;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Apache Parquet, written without Hadoop: one file per {@link #open} call, row groups closed by size or by
 * {@link FormatWriter#flush()}, with column statistics, the page index (column and offset indexes) and optional
 * split-block bloom filters. Immutable and thread-safe; build it with {@link #builder()} or through
 * {@link dev.partita.format.FileFormats#byName} with string options (see {@link ParquetFormatProvider}).
 *
 * <p>Column types map as follows: boolean to {@code BOOLEAN}; int8, int16, int32 to {@code INT32} annotated
 * {@code INT(bits, signed)}; int64 to {@code INT64 INT(64, signed)}; float to {@code FLOAT}; double to
 * {@code DOUBLE}; string to {@code BINARY STRING}; binary to {@code BINARY}; date to {@code INT32 DATE}; time to
 * {@code INT64 TIME(MICROS, isAdjustedToUTC=false)}; timestamp to {@code INT64 TIMESTAMP(MICROS, false)};
 * timestamptz to {@code INT64 TIMESTAMP(MICROS, true)}; decimal to {@code INT32} up to precision 9, {@code INT64}
 * up to 18, otherwise to the shortest {@code FIXED_LEN_BYTE_ARRAY} that holds the precision. Nullable columns are
 * {@code OPTIONAL}, the others {@code REQUIRED}; names are kept exactly.
 */
public final class ParquetFormat implements FileFormat {

  /** Codec used when none is set: {@code snappy} (needs the {@code partita-codecs} artifact). */
  public static final String DEFAULT_CODEC = "snappy";
  /** Default target size of a row group, measured on buffered (encoded) data: 128MB. */
  public static final DataSize DEFAULT_ROW_GROUP_SIZE = DataSize.ofMegabytes(128);
  /** Default target size of a data page before compression: 1MB. */
  public static final DataSize DEFAULT_PAGE_SIZE = DataSize.ofMegabytes(1);
  /** Default maximum number of rows in one data page: 20,000. */
  public static final int DEFAULT_PAGE_ROW_COUNT_LIMIT = 20_000;
  /** Dictionary encoding is on by default. */
  public static final boolean DEFAULT_DICTIONARY = true;
  /** Default size above which a column chunk's dictionary is abandoned for plain encoding: 1MB. */
  public static final DataSize DEFAULT_DICTIONARY_PAGE_SIZE = DataSize.ofMegabytes(1);
  /** Pages are written as {@link PageVersion#V1} by default. */
  public static final PageVersion DEFAULT_PAGE_VERSION = PageVersion.V1;
  /** Default false-positive probability of bloom filters: 1%. */
  public static final double DEFAULT_BLOOM_FILTER_FPP = 0.01;
  /** Largest bloom filter written for one column chunk: 1MB. */
  public static final DataSize MAX_BLOOM_FILTER_SIZE = DataSize.ofMegabytes(1);
  /** Smallest accepted row group size: 1KB. */
  public static final DataSize MIN_ROW_GROUP_SIZE = DataSize.ofKilobytes(1);
  /** Smallest accepted page and dictionary page size: 1KB. */
  public static final DataSize MIN_PAGE_SIZE = DataSize.ofKilobytes(1);
  /** Largest accepted page and dictionary page size: 1GB (page sizes are 32-bit in the format). */
  public static final DataSize MAX_PAGE_SIZE = DataSize.ofGigabytes(1);

  private final CompressionCodec codec;
  private final DataSize rowGroupSize;
  private final DataSize pageSize;
  private final int pageRowCountLimit;
  private final boolean dictionary;
  private final DataSize dictionaryPageSize;
  private final PageVersion pageVersion;
  private final Set<String> bloomFilterColumns;
  private final double bloomFilterFpp;
  private final OptionalLong bloomFilterNdv;
  private final Map<String, String> keyValueMetadata;
  private final boolean writeStatistics;
  private final boolean pageIndex;

  private ParquetFormat(Builder b, CompressionCodec codec) {
    this.codec = codec;
    this.rowGroupSize = b.rowGroupSize;
    this.pageSize = b.pageSize;
    this.pageRowCountLimit = b.pageRowCountLimit;
    this.dictionary = b.dictionary;
    this.dictionaryPageSize = b.dictionaryPageSize;
    this.pageVersion = b.pageVersion;
    this.bloomFilterColumns = Set.copyOf(b.bloomFilterColumns);
    this.bloomFilterFpp = b.bloomFilterFpp;
    this.bloomFilterNdv = b.bloomFilterNdv;
    this.keyValueMetadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.keyValueMetadata));
    this.writeStatistics = b.writeStatistics;
    this.pageIndex = b.pageIndex;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The format with default options ({@value #DEFAULT_CODEC}, 128MB row groups, 1MB pages, dictionary on). */
  public static ParquetFormat defaults() {
    return builder().build();
  }

  /** {@code parquet}. */
  @Override
  public String name() {
    return "parquet";
  }

  /**
   * {@code .parquet} for uncompressed files, otherwise the codec's usual infix before it: {@code .snappy.parquet},
   * {@code .gz.parquet}, {@code .zstd.parquet}, {@code .lz4raw.parquet}.
   */
  @Override
  public String fileSuffix() {
    return ParquetCodecs.fileInfix(codec.name()) + ".parquet";
  }

  /**
   * Starts a Parquet file on {@code out}, writing the leading magic bytes at once. When this fails the stream is
   * closed.
   *
   * @throws IllegalArgumentException when a bloom filter column is not in {@code schema} or is boolean
   */
  @Override
  public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(out, "out");
    try {
      for (String name : bloomFilterColumns) {
        int index = schema.indexOf(name).orElseThrow(() -> new IllegalArgumentException("bloom-filter-columns "
            + "names '" + name + "', which is not a column of the schema " + schema));
        if (schema.column(index).type().kind() == DataType.Kind.BOOLEAN) {
          throw new IllegalArgumentException("bloom-filter-columns names boolean column '" + name
              + "'; bloom filters are not defined for booleans, remove it");
        }
      }
      return new ParquetFileWriter(this, schema, out);
    } catch (IOException | RuntimeException e) {
      // The stream was handed over: close it, since no writer exists to do so.
      try {
        out.close();
      } catch (IOException | RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The compression codec of every page. */
  public CompressionCodec codec() {
    return codec;
  }

  /** The buffered size at which a row group is closed. */
  public DataSize rowGroupSize() {
    return rowGroupSize;
  }

  /** The uncompressed size at which a data page is closed. */
  public DataSize pageSize() {
    return pageSize;
  }

  /** The row count at which a data page is closed. */
  public int pageRowCountLimit() {
    return pageRowCountLimit;
  }

  /** Whether columns start dictionary-encoded. */
  public boolean dictionary() {
    return dictionary;
  }

  /** The dictionary size at which a column chunk falls back to plain encoding. */
  public DataSize dictionaryPageSize() {
    return dictionaryPageSize;
  }

  /** The data page layout. */
  public PageVersion pageVersion() {
    return pageVersion;
  }

  /** Columns that get a bloom filter in every column chunk. */
  public Set<String> bloomFilterColumns() {
    return bloomFilterColumns;
  }

  /** The target false-positive probability of bloom filters. */
  public double bloomFilterFpp() {
    return bloomFilterFpp;
  }

  /**
   * The expected number of distinct values per column chunk, which sizes bloom filters; when empty the filter
   * is built at {@link #MAX_BLOOM_FILTER_SIZE} and folded, when written, to the smallest power-of-two size that meets
   * {@link #bloomFilterFpp()} for the distinct values seen.
   */
  public OptionalLong bloomFilterNdv() {
    return bloomFilterNdv;
  }

  /** Application key-value pairs stored in the footer, in insertion order. */
  public Map<String, String> keyValueMetadata() {
    return keyValueMetadata;
  }

  /** Whether column chunk statistics (min, max, null count) are written. */
  public boolean writeStatistics() {
    return writeStatistics;
  }

  /** Whether the page index (column index and offset index) is written. */
  public boolean pageIndex() {
    return pageIndex;
  }

  @Override
  public String toString() {
    return "parquet{codec=" + codec.name() + codec.level().stream().mapToObj(l -> "(" + l + ")").findFirst().orElse("")
        + ", rowGroupSize=" + rowGroupSize + ", pageSize=" + pageSize + ", pageRowCountLimit=" + pageRowCountLimit
        + ", dictionary=" + dictionary + ", dictionaryPageSize=" + dictionaryPageSize + ", pageVersion="
        + pageVersion + ", bloomFilterColumns=" + new TreeSet<>(bloomFilterColumns) + ", bloomFilterFpp="
        + bloomFilterFpp + ", statistics=" + writeStatistics + ", pageIndex=" + pageIndex + "}";
  }

  /** Collects the options of a {@link ParquetFormat}; validates them in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private CompressionCodec codec;
    private DataSize rowGroupSize = DEFAULT_ROW_GROUP_SIZE;
    private DataSize pageSize = DEFAULT_PAGE_SIZE;
    private int pageRowCountLimit = DEFAULT_PAGE_ROW_COUNT_LIMIT;
    private boolean dictionary = DEFAULT_DICTIONARY;
    private DataSize dictionaryPageSize = DEFAULT_DICTIONARY_PAGE_SIZE;
    private PageVersion pageVersion = DEFAULT_PAGE_VERSION;
    private Set<String> bloomFilterColumns = Set.of();
    private double bloomFilterFpp = DEFAULT_BLOOM_FILTER_FPP;
    private OptionalLong bloomFilterNdv = OptionalLong.empty();
    private final Map<String, String> keyValueMetadata = new LinkedHashMap<>();
    private boolean writeStatistics = true;
    private boolean pageIndex = true;

    private Builder() {}

    /**
     * The page codec: {@code none}, {@code snappy}, {@code gzip}, {@code zstd} or {@code lz4_raw} (default
     * {@value ParquetFormat#DEFAULT_CODEC}).
     */
    public Builder codec(CompressionCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** Closes a row group when its buffered data reaches this size (default 128MB, at least 1KB). */
    public Builder rowGroupSize(DataSize size) {
      this.rowGroupSize = Objects.requireNonNull(size, "rowGroupSize");
      return this;
    }

    /** Closes a data page when its uncompressed data reaches this size (default 1MB, 1KB to 1GB). */
    public Builder pageSize(DataSize size) {
      this.pageSize = Objects.requireNonNull(size, "pageSize");
      return this;
    }

    /** Closes a data page when it holds this many rows (default 20,000, at least 1). */
    public Builder pageRowCountLimit(int rows) {
      this.pageRowCountLimit = rows;
      return this;
    }

    /** Whether to dictionary-encode columns (default true). */
    public Builder dictionary(boolean enabled) {
      this.dictionary = enabled;
      return this;
    }

    /** Falls back to plain encoding when a chunk's dictionary outgrows this size (default 1MB, 1KB to 1GB). */
    public Builder dictionaryPageSize(DataSize size) {
      this.dictionaryPageSize = Objects.requireNonNull(size, "dictionaryPageSize");
      return this;
    }

    /** The data page layout (default {@link PageVersion#V1}). */
    public Builder pageVersion(PageVersion version) {
      this.pageVersion = Objects.requireNonNull(version, "pageVersion");
      return this;
    }

    /** Columns, by exact name, that get a bloom filter per column chunk (default none; booleans are refused). */
    public Builder bloomFilterColumns(Set<String> columns) {
      Objects.requireNonNull(columns, "bloomFilterColumns");
      for (String c : columns) {
        Objects.requireNonNull(c, "bloomFilterColumns element");
      }
      this.bloomFilterColumns = Set.copyOf(columns);
      return this;
    }

    /** The bloom filters' false-positive probability, in (0, 1) exclusive (default 0.01). */
    public Builder bloomFilterFpp(double fpp) {
      this.bloomFilterFpp = fpp;
      return this;
    }

    /**
     * The expected number of distinct values per column chunk, which sizes bloom filters exactly (at least 1).
     * Without it each filter picks the smallest of several candidate sizes that fits the values seen.
     */
    public Builder bloomFilterNdv(long distinctValues) {
      if (distinctValues < 1) {
        throw new IllegalArgumentException("bloom-filter-ndv must be at least 1, got " + distinctValues);
      }
      this.bloomFilterNdv = OptionalLong.of(distinctValues);
      return this;
    }

    /** Adds application key-value pairs to the footer; later values replace earlier ones of the same key. */
    public Builder keyValueMetadata(Map<String, String> metadata) {
      Objects.requireNonNull(metadata, "keyValueMetadata");
      metadata.forEach((k, v) -> keyValueMetadata.put(Objects.requireNonNull(k, "keyValueMetadata key"),
          Objects.requireNonNull(v, "keyValueMetadata value")));
      return this;
    }

    /** Whether to write column chunk statistics and page statistics (default true). */
    public Builder writeStatistics(boolean enabled) {
      this.writeStatistics = enabled;
      return this;
    }

    /** Whether to write the page index: column indexes and offset indexes (default true). */
    public Builder pageIndex(boolean enabled) {
      this.pageIndex = enabled;
      return this;
    }

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException naming the option at fault and its allowed range or values
     */
    public ParquetFormat build() {
      CompressionCodec c = codec;
      if (c == null) {
        try {
          c = CompressionCodecs.byName(DEFAULT_CODEC);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("the default Parquet codec '" + DEFAULT_CODEC + "' is not on the class "
              + "path: add the partita-codecs artifact or set codec none or gzip", e);
        }
      }
      ParquetCodecs.thriftCodec(c.name());
      if (rowGroupSize.compareTo(MIN_ROW_GROUP_SIZE) < 0) {
        throw new IllegalArgumentException("row-group-size must be at least " + MIN_ROW_GROUP_SIZE + ", got "
            + rowGroupSize);
      }
      checkPageSize("page-size", pageSize);
      checkPageSize("dictionary-page-size", dictionaryPageSize);
      if (pageRowCountLimit < 1) {
        throw new IllegalArgumentException("page-row-limit must be in 1.." + Integer.MAX_VALUE + ", got "
            + pageRowCountLimit);
      }
      if (!(bloomFilterFpp > 0.0 && bloomFilterFpp < 1.0)) {
        throw new IllegalArgumentException("bloom-filter-fpp must be in (0, 1) exclusive, got " + bloomFilterFpp);
      }
      return new ParquetFormat(this, c);
    }

    private static void checkPageSize(String option, DataSize size) {
      if (size.compareTo(MIN_PAGE_SIZE) < 0 || size.compareTo(MAX_PAGE_SIZE) > 0) {
        throw new IllegalArgumentException(option + " must be in " + MIN_PAGE_SIZE + ".." + MAX_PAGE_SIZE + ", got "
            + size);
      }
    }
  }
}
