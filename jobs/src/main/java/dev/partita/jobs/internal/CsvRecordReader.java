package dev.partita.jobs.internal;

import dev.partita.PartitaException;
import dev.partita.jobs.source.FileSource;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 4180 reader: fields separated by the delimiter, optionally quoted, a doubled quote inside quotes for a
 * quote, line breaks inside quotes kept; records end at LF, CRLF or CR. Blank lines are skipped. An unquoted field
 * equal to the source's null value is null; a quoted one never is. Row numbers in errors are the line a record
 * starts on.
 */
final class CsvRecordReader implements RecordReader {
  private final Reader in;
  private final String input;
  private final char delimiter;
  private final char quote;
  private final String nullValue;
  private final Schema schema;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;
  private int pushback = -2;
  private long line = 1;
  private long recordLine;
  private String[] fields = new String[16];
  private boolean[] quoted = new boolean[16];
  private int fieldCount;
  private final StringBuilder sb = new StringBuilder();
  /** For each field position, the schema column it fills, or -1. */
  private int[] columnOfField;
  private int expectedFields;

  CsvRecordReader(Reader in, FileSource source, String input) throws IOException {
    this.in = in;
    this.input = input;
    this.delimiter = source.delimiter();
    this.quote = source.quote();
    this.nullValue = source.nullValue();
    this.schema = source.schema();
    int c = read();
    if (c != '\uFEFF') {
      pushback = c;
    }
    if (source.header()) {
      readHeader();
    } else {
      expectedFields = schema.size();
      columnOfField = new int[schema.size()];
      for (int i = 0; i < columnOfField.length; i++) {
        columnOfField[i] = i;
      }
    }
  }

  private void readHeader() throws IOException {
    boolean found;
    do {
      found = readRecord();
    } while (found && isBlank());
    if (!found) {
      columnOfField = new int[0];
      return;
    }
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> folded = new HashMap<>();
    for (int i = 0; i < schema.size(); i++) {
      exact.put(schema.column(i).name(), i);
      folded.putIfAbsent(schema.column(i).name().toLowerCase(Locale.ROOT), i);
    }
    expectedFields = fieldCount;
    columnOfField = new int[fieldCount];
    boolean[] covered = new boolean[schema.size()];
    for (int f = 0; f < fieldCount; f++) {
      String name = fields[f].strip();
      Integer col = exact.get(name);
      if (col == null) {
        col = folded.get(name.toLowerCase(Locale.ROOT));
      }
      columnOfField[f] = col == null || covered[col] ? -1 : col;
      if (col != null) {
        covered[col] = true;
      }
    }
    for (int i = 0; i < covered.length; i++) {
      if (!covered[i] && !schema.column(i).nullable()) {
        throw new PartitaException("file " + input + " has no column '" + schema.column(i).name()
            + "' in its header " + Arrays.toString(Arrays.copyOf(fields, fieldCount)) + " but the source schema"
            + " requires it; fix the file or make the column nullable");
      }
    }
  }

  @Override
  public boolean next(RowBuffer out) throws IOException {
    boolean found;
    do {
      found = readRecord();
    } while (found && isBlank());
    if (!found) {
      return false;
    }
    out.clear();
    if (fieldCount != expectedFields) {
      throw new InvalidRowException("(record)", recordLine, "has " + fieldCount + " fields, expected "
          + expectedFields + " in " + input);
    }
    for (int f = 0; f < fieldCount; f++) {
      int col = columnOfField[f];
      if (col < 0) {
        continue;
      }
      String text = fields[f];
      if (!quoted[f] && text.equals(nullValue)) {
        continue;
      }
      TextValues.parse(text, out, col, recordLine);
    }
    out.checkRequired(recordLine);
    return true;
  }

  private boolean isBlank() {
    return fieldCount == 1 && !quoted[0] && fields[0].isEmpty();
  }

  /** Reads one record's fields; false at the end of the input. */
  private boolean readRecord() throws IOException {
    int c = read();
    if (c == -1) {
      return false;
    }
    fieldCount = 0;
    recordLine = line;
    sb.setLength(0);
    boolean isQuoted = false;
    boolean fieldStart = true;
    while (true) {
      if (c == quote && fieldStart) {
        isQuoted = true;
        fieldStart = false;
        while (true) {
          c = read();
          if (c == -1) {
            addField(isQuoted);
            throw new InvalidRowException("(record)", recordLine, "quoted field not closed before the end of "
                + input);
          }
          if (c == quote) {
            int d = read();
            if (d == quote) {
              sb.append(quote);
              continue;
            }
            c = d;
            break;
          }
          if (c == '\n' || (c == '\r' && peek() != '\n')) {
            line++;
          }
          sb.append((char) c);
        }
        continue;
      }
      if (c == delimiter) {
        addField(isQuoted);
        isQuoted = false;
        fieldStart = true;
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r' || c == -1) {
        addField(isQuoted);
        if (c == '\r' && peek() == '\n') {
          read();
        }
        if (c != -1) {
          line++;
        }
        return true;
      }
      sb.append((char) c);
      fieldStart = false;
      c = read();
    }
  }

  private void addField(boolean isQuoted) {
    if (fieldCount == fields.length) {
      fields = Arrays.copyOf(fields, fieldCount * 2);
      quoted = Arrays.copyOf(quoted, fieldCount * 2);
    }
    fields[fieldCount] = sb.toString();
    quoted[fieldCount] = isQuoted;
    fieldCount++;
    sb.setLength(0);
  }

  private int peek() throws IOException {
    int c = read();
    pushback = c;
    return c;
  }

  private int read() throws IOException {
    if (pushback != -2) {
      int c = pushback;
      pushback = -2;
      return c;
    }
    if (pos == len) {
      if (eof) {
        return -1;
      }
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        eof = true;
        return -1;
      }
    }
    return buf[pos++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
