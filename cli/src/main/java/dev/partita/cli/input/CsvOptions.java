package dev.partita.cli.input;

/**
 * How CSV input is written.
 *
 * @param delimiter the field separator
 * @param quote the quote character; a quote inside a quoted field is written twice
 * @param header whether the first line names the columns
 * @param nullValue the text of an unquoted field that means null; the empty string by default (a quoted field
 *     is never null, so {@code ""} is an empty string)
 */
public record CsvOptions(char delimiter, char quote, boolean header, String nullValue) {
  /** Comma, double quote, a header line, empty field is null. */
  public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, "");

  /** Validates the options. */
  public CsvOptions {
    java.util.Objects.requireNonNull(nullValue, "nullValue");
    if (delimiter == quote) {
      throw new IllegalArgumentException("--delimiter and --quote must differ, both are '" + delimiter + "'");
    }
    if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("--delimiter and --quote cannot be a line break");
    }
  }
}
