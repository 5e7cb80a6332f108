package dev.partita.format.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A small, strict RFC 4180 reader written for the tests, independent of the writer: records end at LF outside
 * quotes, quoted fields double their quote, and it remembers whether each field was quoted (so an empty quoted
 * field can be told from the null token). Rejects a quote in an unquoted field or text after a closing quote.
 */
final class Rfc4180 {
  private Rfc4180() {}

  /** One field: its text and whether it was quoted. */
  record Field(String text, boolean quoted) {}

  static List<List<Field>> parse(String text, char delimiter, char quote) {
    List<List<Field>> records = new ArrayList<>();
    List<Field> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    if (n == 0) {
      return records;
    }
    while (true) {
      boolean quoted = false;
      field.setLength(0);
      if (i < n && text.charAt(i) == quote) {
        quoted = true;
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field at end of input");
          }
          char c = text.charAt(i++);
          if (c == quote) {
            if (i < n && text.charAt(i) == quote) {
              field.append(quote);
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n') {
          throw new IllegalArgumentException("text after closing quote at offset " + i);
        }
      } else {
        while (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n') {
          char c = text.charAt(i++);
          if (c == quote || c == '\r') {
            throw new IllegalArgumentException("bare quote or CR in unquoted field at offset " + (i - 1));
          }
          field.append(c);
        }
      }
      record.add(new Field(field.toString(), quoted));
      if (i >= n) {
        throw new IllegalArgumentException("last record does not end with LF");
      }
      char sep = text.charAt(i++);
      if (sep == '\n') {
        records.add(record);
        record = new ArrayList<>();
        if (i == n) {
          return records;
        }
      }
    }
  }
}
