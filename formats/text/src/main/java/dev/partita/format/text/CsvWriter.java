package dev.partita.format.text;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes rows as RFC 4180 CSV records; see {@link CsvFormat} for the text of each type. */
final class CsvWriter extends TextFileWriter {
  private final char delimiter;
  private final char quote;
  private final String nullToken;
  private final byte[] delimiterBytes;
  private final byte[] quoteBytes;
  private final byte[] nullBytes;

  CsvWriter(CsvFormat format, Schema schema, PositionOutputStream out) {
    super(schema, out, format.codec(), (int) format.chunkSize().bytes(), false);
    this.delimiter = format.delimiter();
    this.quote = format.quote();
    this.nullToken = format.nullToken();
    this.delimiterBytes = String.valueOf(delimiter).getBytes(StandardCharsets.UTF_8);
    this.quoteBytes = String.valueOf(quote).getBytes(StandardCharsets.UTF_8);
    this.nullBytes = nullToken.getBytes(StandardCharsets.UTF_8);
    if (format.header()) {
      for (int i = 0; i < schema.size(); i++) {
        if (i > 0) {
          buffer.put(delimiterBytes);
        }
        putString(schema.column(i).name());
      }
      buffer.put((byte) '\n');
    }
  }

  @Override
  void encodeRow(Row row) {
    TextBuffer b = buffer;
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        b.put(delimiterBytes);
      }
      if (row.isNull(i)) {
        b.put(nullBytes);
        stats.addNull(i);
        continue;
      }
      if (types[i].kind() == DataType.Kind.STRING) {
        String s = row.getString(i);
        stats.addString(i, s);
        putString(s);
        continue;
      }
      int start = b.size();
      putValue(row, i);
      // Typed text never holds the delimiter or the quote (CsvFormat forbids the characters it may contain),
      // but it may equal the null token (an empty binary, or a token such as "0"): quote it then.
      if (b.endsWith(start, nullBytes)) {
        b.insert(start, quoteBytes);
        b.put(quoteBytes);
      }
    }
    b.put((byte) '\n');
  }

  /** Writes a string, quoted when RFC 4180 requires it or when it would read back as null. */
  private void putString(String s) {
    if (!needsQuotes(s)) {
      buffer.putUtf8(s);
      return;
    }
    TextBuffer b = buffer;
    b.put(quoteBytes);
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == quote) {
        b.put(quoteBytes);
        b.put(quoteBytes);
      } else {
        i += b.putChar(c, i + 1 < n ? s.charAt(i + 1) : -1) - 1;
      }
    }
    b.put(quoteBytes);
  }

  private boolean needsQuotes(String s) {
    int n = s.length();
    if (n == 0) {
      return nullToken.isEmpty();
    }
    char first = s.charAt(0);
    char last = s.charAt(n - 1);
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
      return true;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == delimiter || c == quote || c == '\n' || c == '\r') {
        return true;
      }
    }
    return s.equals(nullToken);
  }
}
