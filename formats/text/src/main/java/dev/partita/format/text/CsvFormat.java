package dev.partita.format.text;

import dev.partita.DataSize;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.util.Objects;

/**
 * CSV files (RFC 4180): an optional header line of column names, then one record per row, fields separated by
 * the delimiter, lines ended by {@code \n}, UTF-8.
 *
 * <p>Quoting: a field is put in quotes when it contains the delimiter, the quote character, CR or LF, when it
 * begins or ends with a space or tab, or when it would otherwise read back as null (it equals the null token;
 * with the default empty null token, an empty string is written {@code ""}). A quote inside a quoted field is
 * doubled. Nulls are written as the bare null token. DuckDB reads a quoted empty field as an empty string only
 * with {@code allow_quoted_nulls=false}; by default it reads it as null.
 *
 * <p>Values: booleans {@code true}/{@code false}; integers in decimal; floats by {@link Float#toString} and
 * {@link Double#toString} ({@code 1.0E10}, {@code NaN}, {@code Infinity}, {@code -Infinity}); decimals as plain
 * numbers ({@code -12.50}); dates {@code 2024-03-05}; times {@code 10:15:30.123456} (always six fractional
 * digits); timestamps {@code 2024-03-05T10:15:30.123456Z} when UTC-adjusted and without {@code Z} when local;
 * years beyond 0000..9999 signed as in {@link java.time.LocalDate#toString}; binary as standard base64.
 *
 * <p>Compression: rows are gathered in chunks of {@link #chunkSize()} bytes and each chunk is compressed as
 * one block, so only codecs whose blocks concatenate into a readable stream are accepted: {@code none},
 * {@code gzip} (a multi-member {@code .csv.gz}) and {@code zstd} (a multi-frame {@code .csv.zst}). Instances
 * are immutable; build them with {@link #builder()} or by name with the {@code csv} provider.
 */
public final class CsvFormat extends TextFormat {
  /** Whether a header line is written by default. */
  public static final boolean DEFAULT_HEADER = true;
  /** The default field delimiter. */
  public static final char DEFAULT_DELIMITER = ',';
  /** The default quote character. */
  public static final char DEFAULT_QUOTE = '"';
  /** The default text of a null: nothing. */
  public static final String DEFAULT_NULL_TOKEN = "";
  /** The default size of the chunks rows are gathered (and compressed) in. */
  public static final DataSize DEFAULT_CHUNK_SIZE = TextSettings.DEFAULT_CHUNK_SIZE;

  /** Characters that typed values are written with, so they cannot delimit or quote. */
  private static final String VALUE_CHARS = "+-.:/=";

  private final boolean header;
  private final char delimiter;
  private final char quote;
  private final String nullToken;

  private CsvFormat(Builder b) {
    super("csv", b);
    this.header = b.header;
    this.delimiter = b.delimiter;
    this.quote = b.quote;
    this.nullToken = b.nullToken;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether files start with a header line of column names. */
  public boolean header() {
    return header;
  }

  /** The field delimiter. */
  public char delimiter() {
    return delimiter;
  }

  /** The quote character. */
  public char quote() {
    return quote;
  }

  /** The text written for a null. */
  public String nullToken() {
    return nullToken;
  }

  @Override
  TextFileWriter writer(Schema schema, PositionOutputStream out) {
    return new CsvWriter(this, schema, out);
  }

  @Override
  public String toString() {
    return "csv(header=" + header + ", delimiter='" + delimiter + "', quote='" + quote + "', null='" + nullToken
        + "', " + codecAndChunk() + ")";
  }

  /** Collects the options of a {@link CsvFormat}; {@link #build()} validates them. */
  public static final class Builder extends TextFormat.Builder<Builder> {
    private boolean header = DEFAULT_HEADER;
    private char delimiter = DEFAULT_DELIMITER;
    private char quote = DEFAULT_QUOTE;
    private String nullToken = DEFAULT_NULL_TOKEN;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Whether to write a header line of column names (default {@value CsvFormat#DEFAULT_HEADER}). */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /** The field delimiter (default {@code ,}); for example {@code ;}, {@code |} or a tab. */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** The quote character (default {@code "}). */
    public Builder quote(char quote) {
      this.quote = quote;
      return this;
    }

    /** The text of a null (default empty); for example {@code \N} or {@code NULL}. */
    public Builder nullToken(String nullToken) {
      this.nullToken = Objects.requireNonNull(nullToken, "nullToken");
      return this;
    }

    /**
     * The format.
     *
     * @throws IllegalArgumentException naming the option at fault: a delimiter or quote that is CR, LF, a
     *     letter, a digit, one of {@code + - . : / =}, a surrogate, or the same as the other; a blank quote; a
     *     null token containing the delimiter, the quote, CR or LF; a codec other than none, gzip, zstd; a chunk
     *     size outside 1KB..256MB
     */
    public CsvFormat build() {
      checkSyntaxChar("delimiter", delimiter);
      checkSyntaxChar("quote", quote);
      if (quote == ' ' || quote == '\t') {
        throw new IllegalArgumentException("csv quote must not be a space or a tab");
      }
      if (delimiter == quote) {
        throw new IllegalArgumentException("csv delimiter and quote must differ, both are '" + delimiter + "'");
      }
      for (int i = 0; i < nullToken.length(); i++) {
        char c = nullToken.charAt(i);
        if (c == delimiter || c == quote || c == '\r' || c == '\n') {
          throw new IllegalArgumentException("csv null token must not contain the delimiter, the quote, CR or LF,"
              + " got '" + nullToken + "'");
        }
      }
      checkShared("csv");
      return new CsvFormat(this);
    }

    private static void checkSyntaxChar(String option, char c) {
      if (c == '\r' || c == '\n' || Character.isLetterOrDigit(c) || VALUE_CHARS.indexOf(c) >= 0
          || Character.isSurrogate(c)) {
        throw new IllegalArgumentException("csv " + option + " must not be CR, LF, a letter, a digit, a surrogate"
            + " or one of + - . : / = (values are written with them), got '" + c + "' (U+"
            + String.format("%04X", (int) c) + ")");
      }
    }
  }
}
