package dev.partita.format.parquet.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a {@link ParquetRowReader} reads a file: which columns, and whether page checksums are verified. Immutable;
 * build with {@link #builder()} or take {@link #defaults()}.
 */
public final class ParquetReadOptions {
  /** Default {@link Builder#verifyChecksums}: pages that carry a CRC are checked. */
  public static final boolean DEFAULT_VERIFY_CHECKSUMS = true;

  private static final ParquetReadOptions DEFAULTS = builder().build();

  private final Optional<List<String>> columns;
  private final boolean verifyChecksums;

  private ParquetReadOptions(Builder b) {
    this.columns = b.columns == null ? Optional.empty() : Optional.of(List.copyOf(b.columns));
    this.verifyChecksums = b.verifyChecksums;
  }

  /** Every column, checksums verified. */
  public static ParquetReadOptions defaults() {
    return DEFAULTS;
  }

  /** Starts options with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The top-level columns to read, in this order; empty for every column of the file, in file order. */
  public Optional<List<String>> columns() {
    return columns;
  }

  /** Whether the CRC32 of pages that carry one is checked. */
  public boolean verifyChecksums() {
    return verifyChecksums;
  }

  @Override
  public String toString() {
    return "ParquetReadOptions[columns=" + columns.map(Object::toString).orElse("all") + ", verifyChecksums="
        + verifyChecksums + "]";
  }

  /** Collects {@link ParquetReadOptions}; {@link #build()} validates. */
  public static final class Builder {
    private List<String> columns;
    private boolean verifyChecksums = DEFAULT_VERIFY_CHECKSUMS;

    private Builder() {}

    /**
     * Reads only these top-level columns, in this order (names exact, each once). Columns the reader cannot read
     * (nested ones) are fine in the file as long as they are not named here. Default: every column.
     */
    public Builder columns(List<String> columns) {
      this.columns = new ArrayList<>(Objects.requireNonNull(columns, "columns"));
      return this;
    }

    /** Checks the CRC32 of pages that carry one; default {@link ParquetReadOptions#DEFAULT_VERIFY_CHECKSUMS}. */
    public Builder verifyChecksums(boolean verifyChecksums) {
      this.verifyChecksums = verifyChecksums;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException when columns repeat a name or hold a null
     */
    public ParquetReadOptions build() {
      if (columns != null) {
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
          if (c == null) {
            throw new IllegalArgumentException("columns must not contain null");
          }
          if (!seen.add(c)) {
            throw new IllegalArgumentException("columns names '" + c + "' twice; name each column once");
          }
        }
      }
      return new ParquetReadOptions(this);
    }
  }
}
