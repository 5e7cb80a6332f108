package dev.partita.format.text.read;

import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextRecord.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader. Records end at LF, CRLF or CR; quoted fields may hold delimiters, line breaks and
 * doubled quotes. The current record is kept whole in one char buffer (compacted and grown as needed), and its
 * fields are slices of that buffer, so reading allocates nothing per record. Problems that concern one record
 * (a wrong field count, text after a closing quote, an unterminated quote, invalid UTF-8) are reported on that
 * record and reading goes on; a record longer than {@link #MAX_RECORD_CHARS} stops the read.
 *
 * <p>Blank lines are skipped, unless records are expected to have a single field (then a blank line is one
 * empty field). A leading byte order mark is skipped.
 *
 * <p>Hand-written rather than taken from a library because the caller must be told the exact line and field of
 * every problem, reading must go on after a bad record, and it must not allocate per record.
 */
public final class CsvReader implements RecordReader {
  /** Longest record accepted, in chars: beyond it a quote is almost surely unbalanced. */
  public static final int MAX_RECORD_CHARS = 64 << 20;

  private static final int MORE = 0;
  private static final int END = 1;

  private final String file;
  private final Utf8Source source;
  private final CharWindow window;
  private final char delimiter;
  private final char quote;
  private final TextRecord record = new TextRecord(16, 16, false);
  /** The window's array and size, copied after each {@link #fill()} for the parsing loops. */
  private char[] buf;
  private int limit;
  private int cur;
  private int recordStart;
  private long line = 1;
  private boolean started;
  private int expected = -1;
  private List<String> names = List.of();
  private boolean closed;

  /**
   * A reader of {@code in}: decompressed bytes, UTF-8 (a leading byte order mark is skipped). Uses the options'
   * delimiter and quote.
   *
   * @param file the file name for messages
   */
  public CsvReader(String file, InputStream in, CsvOptions options) {
    this.file = Objects.requireNonNull(file, "file");
    this.source = new Utf8Source(Objects.requireNonNull(in, "in"));
    this.window = new CharWindow(source, MAX_RECORD_CHARS);
    this.buf = window.buf;
    this.delimiter = options.delimiter();
    this.quote = options.quote();
  }

  /**
   * Reads the header line (the first line that is not blank) and expects every later record to have as many
   * fields.
   *
   * @return the column names as written, or empty when the input holds no line at all
   * @throws TextInputException when the header line is malformed (an unclosed quote, invalid UTF-8)
   */
  public Optional<List<String>> readHeader() throws IOException {
    if (!next()) {
      return Optional.empty();
    }
    if (record.hasProblem()) {
      throw new TextInputException(file + ", line " + record.line() + ": bad header: " + record.problem());
    }
    List<String> out = new ArrayList<>(record.fieldCount());
    for (int i = 0; i < record.fieldCount(); i++) {
      out.add(record.text(i));
    }
    this.names = List.copyOf(out);
    this.expected = out.size();
    return Optional.of(names);
  }

  /**
   * Expects every record to have {@code n} fields (for input without a header line); a record with another
   * count gets the problem {@link Problem#FIELD_COUNT}.
   */
  public void expectFields(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("expected field count must be at least 1, got " + n);
    }
    this.expected = n;
  }

  /** Whether the input held no character at all (once {@link #next()} returned false). */
  @Override
  public boolean wasEmpty() {
    return window.ended() && window.base == 0 && limit == 0;
  }

  @Override
  public boolean next() throws IOException {
    if (closed) {
      throw new IllegalStateException("cannot read " + file + ": the reader is closed");
    }
    if (!started) {
      started = true;
      if (fill() && buf[0] == '\uFEFF') {
        cur = 1;
      }
    }
    while (true) {
      recordStart = cur;
      if (cur == limit && !fill()) {
        return false;
      }
      // A blank line is no record (unless records have a single field, where it is one null field).
      char c = buf[cur];
      if (expected != 1 && (c == '\n' || c == '\r')) {
        cur++;
        if (c == '\r' && (cur < limit || fill()) && buf[cur] == '\n') {
          cur++;
        }
        line++;
        dropErrorsBefore(window.base + cur);
        continue;
      }
      break;
    }
    readRecord();
    return true;
  }

  private void readRecord() throws IOException {
    record.line = line;
    record.clearProblem();
    int n = 0;
    int status;
    do {
      record.ensureFields(n + 1);
      status = (cur < limit || fill()) && buf[cur] == quote ? quoted(n) : plain(n);
      n++;
    } while (status == MORE);
    record.fieldCount = n;
    record.chars = buf;
    for (int i = 0; i < n; i++) {
      record.start[i] += recordStart;
    }
    record.length = cur;
    if (expected >= 0 && n != expected && !record.hasProblem()) {
      record.problem(Problem.FIELD_COUNT, 0, "expected " + expected + " fields"
          + (names.isEmpty() ? "" : " (as the header has)") + ", found " + n, Integer.toString(n));
    }
    checkEncoding(n);
  }

  /** An unquoted field from {@code cur}; leaves {@code cur} after its delimiter or line break. */
  private int plain(int field) throws IOException {
    int fs = cur - recordStart;
    while (true) {
      // The hot loop: locals only, one pass to the next delimiter or line break in the buffer.
      char[] b = buf;
      int lim = limit;
      char d = delimiter;
      int i = cur;
      while (i < lim) {
        char c = b[i];
        if (c == d || c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      cur = i;
      if (i == lim) {
        if (!fill()) {
          record.setField(field, fs, cur - recordStart - fs, FieldKind.PLAIN);
          return END;
        }
        continue;
      }
      record.setField(field, fs, i - recordStart - fs, FieldKind.PLAIN);
      if (b[i] == d) {
        cur = i + 1;
        return MORE;
      }
      lineBreak();
      return END;
    }
  }

  /** A quoted field starting at the quote at {@code cur}; unescapes doubled quotes in place. */
  private int quoted(int field) throws IOException {
    long startLine = line;
    cur++;
    int fs = cur - recordStart;
    int w = fs;
    while (true) {
      if (cur == limit && !fill()) {
        record.setField(field, fs, w - fs, FieldKind.QUOTED);
        problem(Problem.UNCLOSED_QUOTE, field, "the quoted field starting at line " + startLine
            + " has no closing quote");
        return END;
      }
      char c = buf[cur];
      if (c == quote) {
        cur++;
        if ((cur < limit || fill()) && buf[cur] == quote) {
          buf[recordStart + w++] = quote;
          cur++;
          continue;
        }
        record.setField(field, fs, w - fs, FieldKind.QUOTED);
        if (cur == limit) {
          return END;
        }
        c = buf[cur];
        if (c == delimiter) {
          cur++;
          return MORE;
        }
        if (c == '\n' || c == '\r') {
          lineBreak();
          return END;
        }
        problem(Problem.TEXT_AFTER_QUOTE, field, "unexpected character '" + c + "' after the closing quote; a"
            + " field with quotes inside must be quoted as a whole, with each inner quote doubled");
        skipRestOfLine();
        return END;
      }
      if (c == '\n') {
        line++;
      }
      buf[recordStart + w++] = c;
      cur++;
    }
  }

  private void lineBreak() throws IOException {
    char c = buf[cur++];
    if (c == '\r' && (cur < limit || fill()) && buf[cur] == '\n') {
      cur++;
    }
    line++;
  }

  private void skipRestOfLine() throws IOException {
    while (cur < limit || fill()) {
      char c = buf[cur];
      if (c == '\n' || c == '\r') {
        lineBreak();
        return;
      }
      cur++;
    }
  }

  private void problem(Problem kind, int field, String text) {
    record.problem(kind, field + 1, text, text);
  }

  private void checkEncoding(int fields) {
    long end = window.base + cur;
    long begin = window.base + recordStart;
    long e = source.peekError();
    while (e >= 0 && e < end) {
      source.takeError();
      if (e >= begin && !record.hasProblem()) {
        int at = (int) (e - window.base);
        int field = 0;
        for (int i = 0; i < fields; i++) {
          if (record.start[i] <= at) {
            field = i;
          }
        }
        long l = record.line;
        for (int i = recordStart; i < at; i++) {
          if (buf[i] == '\n') {
            l++;
          }
        }
        problem(Problem.INVALID_UTF8, field, "invalid UTF-8 byte sequence (line " + l + "); the input must be"
            + " UTF-8");
      }
      e = source.peekError();
    }
  }

  private void dropErrorsBefore(long end) {
    long e = source.peekError();
    while (e >= 0 && e < end) {
      source.takeError();
      e = source.peekError();
    }
  }

  /**
   * Makes more chars available after {@code limit}, keeping the current record: compacts the buffer so that the
   * record starts at 0, grows it when the record fills it.
   *
   * @return false at the end of the input
   */
  private boolean fill() throws IOException {
    long before = window.base;
    int n = window.more(recordStart);
    int shift = (int) (window.base - before);
    cur -= shift;
    recordStart -= shift;
    buf = window.buf;
    limit = window.limit;
    if (n == CharWindow.FULL) {
      throw new TextInputException(file + ", line " + record.line + ": a record longer than "
          + (MAX_RECORD_CHARS >> 20) + "M characters; is a quote unbalanced?");
    }
    return n > 0;
  }

  @Override
  public TextRecord record() {
    return record;
  }

  @Override
  public String rawText() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < record.fieldCount; i++) {
      if (i > 0) {
        b.append(delimiter);
      }
      if (record.kind(i) == FieldKind.QUOTED) {
        b.append(quote);
        for (int k = record.start[i]; k < record.start[i] + record.len[i]; k++) {
          char c = record.chars[k];
          b.append(c);
          if (c == quote) {
            b.append(quote);
          }
        }
        b.append(quote);
      } else {
        b.append(record.chars, record.start[i], record.len[i]);
      }
    }
    return b.toString();
  }

  @Override
  public List<String> fieldNames() {
    return names;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      source.close();
    }
  }
}
