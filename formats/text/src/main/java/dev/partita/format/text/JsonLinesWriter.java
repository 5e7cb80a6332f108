package dev.partita.format.text;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;

/** Encodes rows as one JSON object per line; see {@link JsonLinesFormat} for the JSON of each type. */
final class JsonLinesWriter extends TextFileWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final boolean writeNulls;
  /** Per column: the escaped, quoted name and the colon. */
  private final byte[][] keys;

  JsonLinesWriter(JsonLinesFormat format, Schema schema, PositionOutputStream out) {
    super(schema, out, format.codec(), (int) format.chunkSize().bytes(), true);
    this.writeNulls = format.writeNulls();
    this.keys = new byte[schema.size()][];
    for (int i = 0; i < keys.length; i++) {
      putJsonString(schema.column(i).name());
      buffer.put((byte) ':');
      keys[i] = java.util.Arrays.copyOf(buffer.array(), buffer.size());
      buffer.reset();
    }
  }

  @Override
  void encodeRow(Row row) {
    TextBuffer b = buffer;
    b.put((byte) '{');
    boolean first = true;
    for (int i = 0; i < types.length; i++) {
      boolean isNull = row.isNull(i);
      if (isNull) {
        stats.addNull(i);
        if (!writeNulls) {
          continue;
        }
      }
      if (!first) {
        b.put((byte) ',');
      }
      first = false;
      b.put(keys[i]);
      if (isNull) {
        b.put(NULL);
        continue;
      }
      if (types[i].kind() == DataType.Kind.STRING) {
        String v = row.getString(i);
        stats.addString(i, v);
        putJsonString(v);
      } else {
        putValue(row, i);
      }
    }
    b.put((byte) '}');
    b.put((byte) '\n');
  }

  /** A JSON string: {@code "} and {@code \} escaped with a backslash, control characters as {@code \}{@code uXXXX}. */
  private void putJsonString(String s) {
    TextBuffer b = buffer;
    b.put((byte) '"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.put((byte) '\\');
        b.put((byte) c);
      } else if (c < 0x20) {
        b.put((byte) '\\');
        b.put((byte) 'u');
        b.put((byte) '0');
        b.put((byte) '0');
        b.put(HEX[c >> 4]);
        b.put(HEX[c & 0xF]);
      } else {
        i += b.putChar(c, i + 1 < n ? s.charAt(i + 1) : -1) - 1;
      }
    }
    b.put((byte) '"');
  }
}
