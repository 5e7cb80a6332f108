package dev.partita.format.orc;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV parser for tests: comma-separated fields, fields in double quotes may hold commas, line
 * breaks and doubled quotes; records end with CRLF or LF. Empty fields come back as empty strings, and every
 * field keeps its text exactly.
 */
final class Rfc4180 {
  private Rfc4180() {}

  /** Parses every record; {@code in} must support {@link Reader#mark}. */
  static List<List<String>> parse(Reader in) throws IOException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int c;
    while ((c = in.read()) != -1) {
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int next = in.read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            if (next != -1) {
              in.reset();
            }
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r') {
          in.mark(1);
          if (in.read() != '\n') {
            in.reset();
          }
        }
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append((char) c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new IOException("unterminated quoted field in record " + (records.size() + 1));
    }
    if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
