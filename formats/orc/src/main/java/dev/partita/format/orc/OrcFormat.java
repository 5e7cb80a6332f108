package dev.partita.format.orc;

import dev.partita.DataSize;
import dev.partita.format.FileFormat;
import dev.partita.format.FormatWriter;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The ORC file format, written with Apache orc-core. Hadoop stays inside this module: the bytes go to the
 * {@link PositionOutputStream} given to {@link #open} (no Hadoop {@code FileSystem}, no {@code .crc} files, no
 * background threads), and no Hadoop or ORC type appears in this API.
 *
 * <p>Types map as follows: boolean to {@code boolean}; int8, int16, int32 and int64 to {@code tinyint},
 * {@code smallint}, {@code int} and {@code bigint}; float and double to {@code float} and {@code double};
 * {@code decimal(p,s)} to {@code decimal(p,s)}; string and binary to {@code string} and {@code binary}; date to
 * {@code date}; timestamp to {@code timestamp} (written in UTC, so the local date-time is stored as given);
 * timestamptz to {@code timestamp with local time zone}. ORC has no time-of-day type: a {@code time} column is
 * stored as {@code bigint} microseconds since midnight, and the names of such columns are listed in the file's
 * user metadata under {@link #TIME_COLUMNS_KEY} as a JSON array of strings. Dates and timestamps are written in
 * the proleptic Gregorian calendar, as {@code java.time} counts them. ORC has no required columns: a required
 * column is one whose statistics never report nulls. Column names are kept exactly as given. Timestamps from
 * 1969-12-31T23:59:59.001 to .999999 are rejected with an {@link dev.partita.row.InvalidRowException}: ORC stores
 * them with zero seconds and every reader returns them one second late (ORC-763).
 *
 * <p>Codecs are ORC's own, chosen by name: {@code none}, {@code zlib}, {@code snappy}, {@code zstd} (the only one
 * with a level, 1-22) and {@code lz4}. Instances are immutable and thread-safe; build them with {@link #builder()}
 * or by name with {@link dev.partita.format.FileFormats#byName(String, Map)} and {@link OrcFormatProvider}'s
 * string options.
 */
public final class OrcFormat implements FileFormat {

  /** The format name. */
  public static final String NAME = "orc";
  /** User-metadata key listing the columns of type {@code time} (stored as bigint micros of day). */
  public static final String TIME_COLUMNS_KEY = "partita.time.columns";

  /** The default codec, {@code zstd}. */
  public static final String DEFAULT_CODEC = "zstd";
  /** The default stripe size: rows are buffered until their encoded size reaches it, then written as a stripe. */
  public static final DataSize DEFAULT_STRIPE_SIZE = DataSize.ofMegabytes(64);
  /** Smallest stripe size accepted. */
  public static final DataSize MIN_STRIPE_SIZE = DataSize.ofKilobytes(64);
  /** The default number of rows per row-index entry. */
  public static final int DEFAULT_ROW_INDEX_STRIDE = 10_000;
  /** Smallest row index stride accepted other than 0, which turns the row index off. */
  public static final int MIN_ROW_INDEX_STRIDE = 1_000;
  /** The default compression block size, an upper bound that ORC lowers for wide schemas or small stripes. */
  public static final DataSize DEFAULT_COMPRESSION_BLOCK_SIZE = DataSize.ofKilobytes(256);
  /** Smallest compression block size accepted. */
  public static final DataSize MIN_COMPRESSION_BLOCK_SIZE = DataSize.ofKilobytes(1);
  /** Largest compression block size accepted: ORC's chunk header holds 23 bits of length. */
  public static final DataSize MAX_COMPRESSION_BLOCK_SIZE = DataSize.ofBytes((1 << 23) - 1);
  /** The default false-positive probability of bloom filters. */
  public static final double DEFAULT_BLOOM_FILTER_FPP = 0.01;
  /**
   * The default dictionary threshold: a string column keeps dictionary encoding while its distinct values are at
   * most this fraction of its non-null values.
   */
  public static final double DEFAULT_DICTIONARY_KEY_SIZE_THRESHOLD = 0.8;
  /** The default number of rows gathered in a column batch before it is handed to the ORC writer. */
  public static final int DEFAULT_BATCH_SIZE = 1024;
  /** Largest batch size accepted. */
  public static final int MAX_BATCH_SIZE = 65_536;
  /** Lowest zstd level. */
  public static final int MIN_ZSTD_LEVEL = 1;
  /** Highest zstd level. */
  public static final int MAX_ZSTD_LEVEL = 22;

  private final String codec;
  private final OptionalInt level;
  private final DataSize stripeSize;
  private final int rowIndexStride;
  private final DataSize compressionBlockSize;
  private final List<String> bloomFilterColumns;
  private final double bloomFilterFpp;
  private final double dictionaryKeySizeThreshold;
  private final Map<String, String> userMetadata;
  private final int batchSize;

  private OrcFormat(Builder b) {
    this.codec = b.codec;
    this.level = b.level;
    this.stripeSize = b.stripeSize;
    this.rowIndexStride = b.rowIndexStride;
    this.compressionBlockSize = b.compressionBlockSize;
    this.bloomFilterColumns = List.copyOf(b.bloomFilterColumns);
    this.bloomFilterFpp = b.bloomFilterFpp;
    this.dictionaryKeySizeThreshold = b.dictionaryKeySizeThreshold;
    this.userMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.userMetadata));
    this.batchSize = b.batchSize;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** ORC with every option at its default ({@value #DEFAULT_CODEC}, 64MB stripes, ...). */
  public static OrcFormat defaults() {
    return builder().build();
  }

  /** The codec names ORC accepts here, in the order they are documented. */
  public static List<String> supportedCodecs() {
    return OrcCodecs.names();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code .orc} without compression, otherwise {@code .<codec>.orc}, for example {@code .zstd.orc}. */
  @Override
  public String fileSuffix() {
    return codec.equals("none") ? ".orc" : "." + codec + ".orc";
  }

  /**
   * Starts an ORC file on {@code out}, writing its 3-byte header. Fails, before writing anything, when a bloom
   * filter column is not in {@code schema} or ORC's case-insensitive column lookup would pick another column; on
   * any failure {@code out} is closed.
   */
  @Override
  public FormatWriter open(Schema schema, PositionOutputStream out) throws IOException {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(out, "out");
    return OrcFileWriter.open(this, schema, out);
  }

  /** The codec name, lower case. */
  public String codec() {
    return codec;
  }

  /** The zstd level, when one was set; ORC's default for zstd is 3. */
  public OptionalInt level() {
    return level;
  }

  /** The target size of a stripe's encoded data. */
  public DataSize stripeSize() {
    return stripeSize;
  }

  /** Rows per row-index entry; 0 when the row index (and with it bloom filters) is off. */
  public int rowIndexStride() {
    return rowIndexStride;
  }

  /** The largest compression block; ORC may choose a smaller one for wide schemas or small stripes. */
  public DataSize compressionBlockSize() {
    return compressionBlockSize;
  }

  /** Columns that get a bloom filter, by exact name. */
  public List<String> bloomFilterColumns() {
    return bloomFilterColumns;
  }

  /** The false-positive probability of bloom filters. */
  public double bloomFilterFpp() {
    return bloomFilterFpp;
  }

  /** The distinct-to-total ratio above which a string column switches from dictionary to direct encoding. */
  public double dictionaryKeySizeThreshold() {
    return dictionaryKeySizeThreshold;
  }

  /** Key-value pairs written into every file's user metadata, as UTF-8. */
  public Map<String, String> userMetadata() {
    return userMetadata;
  }

  /** Rows gathered per column batch. */
  public int batchSize() {
    return batchSize;
  }

  @Override
  public String toString() {
    return "OrcFormat{codec=" + codec + (level.isPresent() ? ", level=" + level.getAsInt() : "")
        + ", stripeSize=" + stripeSize + ", rowIndexStride=" + rowIndexStride + ", compressionBlockSize="
        + compressionBlockSize + ", bloomFilterColumns=" + bloomFilterColumns + ", bloomFilterFpp="
        + bloomFilterFpp + ", dictionaryKeySizeThreshold=" + dictionaryKeySizeThreshold + ", batchSize="
        + batchSize + ", userMetadata=" + userMetadata.keySet() + "}";
  }

  /** Collects the options of an {@link OrcFormat}; {@link #build()} validates them. */
  public static final class Builder {
    private String codec = DEFAULT_CODEC;
    private OptionalInt level = OptionalInt.empty();
    private DataSize stripeSize = DEFAULT_STRIPE_SIZE;
    private int rowIndexStride = DEFAULT_ROW_INDEX_STRIDE;
    private DataSize compressionBlockSize = DEFAULT_COMPRESSION_BLOCK_SIZE;
    private final Set<String> bloomFilterColumns = new LinkedHashSet<>();
    private double bloomFilterFpp = DEFAULT_BLOOM_FILTER_FPP;
    private double dictionaryKeySizeThreshold = DEFAULT_DICTIONARY_KEY_SIZE_THRESHOLD;
    private final Map<String, String> userMetadata = new LinkedHashMap<>();
    private int batchSize = DEFAULT_BATCH_SIZE;

    private Builder() {}

    /**
     * The codec by name: {@code none}, {@code zlib}, {@code snappy}, {@code zstd} or {@code lz4}
     * (case-insensitive). Checked in {@link #build()}.
     */
    public Builder codec(String name) {
      this.codec = Objects.requireNonNull(name, "codec");
      return this;
    }

    /** The codec and its level (zstd only, 1-22). */
    public Builder codec(String name, int level) {
      return codec(name).level(level);
    }

    /** The compression level; only zstd has one in ORC (1-22, default 3). */
    public Builder level(int level) {
      this.level = OptionalInt.of(level);
      return this;
    }

    /** Uses the codec's default level. */
    public Builder defaultLevel() {
      this.level = OptionalInt.empty();
      return this;
    }

    /** The target stripe size, at least {@link #MIN_STRIPE_SIZE}. */
    public Builder stripeSize(DataSize size) {
      this.stripeSize = Objects.requireNonNull(size, "stripeSize");
      return this;
    }

    /** Rows per row-index entry: 0 turns the row index off, otherwise at least {@value #MIN_ROW_INDEX_STRIDE}. */
    public Builder rowIndexStride(int rows) {
      this.rowIndexStride = rows;
      return this;
    }

    /** The largest compression block, from 1KB to 8MB minus one byte. */
    public Builder compressionBlockSize(DataSize size) {
      this.compressionBlockSize = Objects.requireNonNull(size, "compressionBlockSize");
      return this;
    }

    /** Adds columns that get a bloom filter (needs the row index); names are checked against the schema. */
    public Builder bloomFilterColumns(Collection<String> columns) {
      for (String c : Objects.requireNonNull(columns, "bloomFilterColumns")) {
        bloomFilterColumns.add(Objects.requireNonNull(c, "bloom filter column"));
      }
      return this;
    }

    /** Adds columns that get a bloom filter. */
    public Builder bloomFilterColumns(String... columns) {
      return bloomFilterColumns(List.of(columns));
    }

    /** The bloom filters' false-positive probability, strictly between 0 and 1. */
    public Builder bloomFilterFpp(double fpp) {
      this.bloomFilterFpp = fpp;
      return this;
    }

    /** The dictionary threshold in 0..1: 0 writes every string column directly, 1 always tries a dictionary. */
    public Builder dictionaryKeySizeThreshold(double threshold) {
      this.dictionaryKeySizeThreshold = threshold;
      return this;
    }

    /** Adds a key-value pair to the files' user metadata; {@value #TIME_COLUMNS_KEY} is reserved. */
    public Builder userMetadata(String key, String value) {
      userMetadata.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
      return this;
    }

    /** Adds key-value pairs to the files' user metadata. */
    public Builder userMetadata(Map<String, String> metadata) {
      Objects.requireNonNull(metadata, "userMetadata").forEach(this::userMetadata);
      return this;
    }

    /** Rows gathered per column batch, 1..{@value #MAX_BATCH_SIZE}. */
    public Builder batchSize(int rows) {
      this.batchSize = rows;
      return this;
    }

    /**
     * The format.
     *
     * @throws IllegalArgumentException naming the option at fault and its allowed values
     */
    public OrcFormat build() {
      codec = OrcCodecs.normalize(codec);
      if (level.isPresent()) {
        if (!codec.equals("zstd")) {
          throw new IllegalArgumentException("level: ORC's " + codec + " codec has no level; only zstd takes one ("
              + MIN_ZSTD_LEVEL + ".." + MAX_ZSTD_LEVEL + ")");
        }
        int l = level.getAsInt();
        if (l < MIN_ZSTD_LEVEL || l > MAX_ZSTD_LEVEL) {
          throw new IllegalArgumentException("level must be in " + MIN_ZSTD_LEVEL + ".." + MAX_ZSTD_LEVEL
              + " for zstd, got " + l);
        }
      }
      if (stripeSize.compareTo(MIN_STRIPE_SIZE) < 0) {
        throw new IllegalArgumentException("stripeSize must be at least " + MIN_STRIPE_SIZE + ", got " + stripeSize);
      }
      if (rowIndexStride != 0 && rowIndexStride < MIN_ROW_INDEX_STRIDE) {
        throw new IllegalArgumentException("rowIndexStride must be 0 (no row index) or at least "
            + MIN_ROW_INDEX_STRIDE + ", got " + rowIndexStride);
      }
      if (compressionBlockSize.compareTo(MIN_COMPRESSION_BLOCK_SIZE) < 0
          || compressionBlockSize.compareTo(MAX_COMPRESSION_BLOCK_SIZE) > 0) {
        throw new IllegalArgumentException("compressionBlockSize must be in " + MIN_COMPRESSION_BLOCK_SIZE + ".."
            + MAX_COMPRESSION_BLOCK_SIZE.bytes() + " bytes, got " + compressionBlockSize);
      }
      if (!(bloomFilterFpp > 0 && bloomFilterFpp < 1)) {
        throw new IllegalArgumentException("bloomFilterFpp must be strictly between 0 and 1, got " + bloomFilterFpp);
      }
      if (!bloomFilterColumns.isEmpty() && rowIndexStride == 0) {
        throw new IllegalArgumentException("bloomFilterColumns " + bloomFilterColumns + " need the row index; "
            + "set rowIndexStride to at least " + MIN_ROW_INDEX_STRIDE + " or drop the bloom filters");
      }
      for (String c : bloomFilterColumns) {
        OrcSchemas.checkBloomFilterName(c);
      }
      if (!(dictionaryKeySizeThreshold >= 0 && dictionaryKeySizeThreshold <= 1)) {
        throw new IllegalArgumentException("dictionaryKeySizeThreshold must be in 0..1, got "
            + dictionaryKeySizeThreshold);
      }
      if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new IllegalArgumentException("batchSize must be in 1.." + MAX_BATCH_SIZE + ", got " + batchSize);
      }
      if (userMetadata.containsKey(TIME_COLUMNS_KEY)) {
        throw new IllegalArgumentException("userMetadata key '" + TIME_COLUMNS_KEY + "' is reserved: Partita "
            + "writes the names of time columns there");
      }
      return new OrcFormat(this);
    }
  }
}
