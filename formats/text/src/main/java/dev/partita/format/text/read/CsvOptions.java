package dev.partita.format.text.read;

import java.util.Objects;

/**
 * How CSV input is written: delimiter, quote, whether a header line names the columns, and the text of a null.
 * {@link CsvReader} splits records by the delimiter and quote; the header flag and the null value are for the
 * caller (call {@link CsvReader#readHeader()} when {@link #header()} is true; test fields with
 * {@link TextRecord#isNull(int, String)}). Immutable; build with {@link #builder()}.
 */
public final class CsvOptions {
  /** The default field delimiter. */
  public static final char DEFAULT_DELIMITER = ',';
  /** The default quote character. */
  public static final char DEFAULT_QUOTE = '"';
  /** Whether a header line is expected by default. */
  public static final boolean DEFAULT_HEADER = true;
  /** The default null value: an empty, unquoted field is null. */
  public static final String DEFAULT_NULL_VALUE = "";
  /** Comma, double quote, a header line, an empty unquoted field is null. */
  public static final CsvOptions DEFAULT = builder().build();

  private final char delimiter;
  private final char quote;
  private final boolean header;
  private final String nullValue;

  private CsvOptions(Builder b) {
    this.delimiter = b.delimiter;
    this.quote = b.quote;
    this.header = b.header;
    this.nullValue = b.nullValue;
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    return new Builder().delimiter(delimiter).quote(quote).header(header).nullValue(nullValue);
  }

  /** The field separator. */
  public char delimiter() {
    return delimiter;
  }

  /** The quote character; a quote inside a quoted field is written twice. */
  public char quote() {
    return quote;
  }

  /** Whether the first line names the columns. */
  public boolean header() {
    return header;
  }

  /** The text of an unquoted field that means null (a quoted field is never null). */
  public String nullValue() {
    return nullValue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CsvOptions c && c.delimiter == delimiter && c.quote == quote && c.header == header
        && c.nullValue.equals(nullValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, quote, header, nullValue);
  }

  @Override
  public String toString() {
    return "CsvOptions[delimiter='" + delimiter + "', quote='" + quote + "', header=" + header + ", null='"
        + nullValue + "']";
  }

  /** Collects {@link CsvOptions}; {@link #build()} validates. */
  public static final class Builder {
    private char delimiter = DEFAULT_DELIMITER;
    private char quote = DEFAULT_QUOTE;
    private boolean header = DEFAULT_HEADER;
    private String nullValue = DEFAULT_NULL_VALUE;

    private Builder() {}

    /** The field separator (default {@code ,}); for example {@code ;}, {@code |} or a tab. */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** The quote character (default {@code "}). */
    public Builder quote(char quote) {
      this.quote = quote;
      return this;
    }

    /** Whether the first line names the columns (default true). */
    public Builder header(boolean header) {
      this.header = header;
      return this;
    }

    /** The text of an unquoted field that means null (default empty). */
    public Builder nullValue(String nullValue) {
      this.nullValue = Objects.requireNonNull(nullValue, "nullValue");
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming the option: the delimiter and the quote must be two different
     *     characters, neither CR nor LF
     */
    public CsvOptions build() {
      checkNotLineBreak("delimiter", delimiter);
      checkNotLineBreak("quote", quote);
      if (delimiter == quote) {
        throw new IllegalArgumentException("csv delimiter and quote must differ, both are '" + delimiter + "'");
      }
      return new CsvOptions(this);
    }

    private static void checkNotLineBreak(String option, char c) {
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException("csv " + option + " must be a character other than a line break (CR or"
            + " LF), got " + (c == '\n' ? "LF" : "CR"));
      }
    }
  }
}
