package dev.partita.format.text;

import dev.partita.row.Row;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import dev.partita.storage.PositionOutputStream;
import java.math.BigDecimal;

/** Encodes rows as one JSON object per line; see {@link JsonLinesFormat} for the JSON of each type. */
final class JsonLinesWriter extends TextFileWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  private final boolean writeNulls;
  /** Per column: the escaped, quoted name and the colon. */
  private final byte[][] keys;

  JsonLinesWriter(JsonLinesFormat format, Schema schema, PositionOutputStream out) {
    super(schema, out, format.codec(), (int) format.chunkSize().bytes());
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
      DataType t = types[i];
      switch (t.kind()) {
        case BOOLEAN -> {
          boolean v = row.getBoolean(i);
          stats.addBoolean(i, v);
          b.putAscii(v ? "true" : "false");
        }
        case INT32 -> {
          int v = row.getInt(i);
          stats.addInt(i, v);
          b.putLong(v);
        }
        case INT64 -> {
          long v = row.getLong(i);
          stats.addLong(i, v);
          b.putLong(v);
        }
        case FLOAT32 -> {
          float v = row.getFloat(i);
          stats.addFloat(i, v);
          putNumberOrString(Float.isFinite(v), Float.toString(v));
        }
        case FLOAT64 -> {
          double v = row.getDouble(i);
          stats.addDouble(i, v);
          putNumberOrString(Double.isFinite(v), Double.toString(v));
        }
        case DECIMAL -> {
          BigDecimal v = row.getDecimal(i);
          stats.addDecimal(i, v);
          b.putAscii(v.toPlainString());
        }
        case STRING -> {
          String v = row.getString(i);
          stats.addString(i, v);
          putJsonString(v);
        }
        case BINARY -> {
          byte[] v = row.getBinary(i);
          stats.addBinary(i, v);
          b.put((byte) '"');
          b.putBase64(v);
          b.put((byte) '"');
        }
        case DATE -> {
          int v = row.getInt(i);
          stats.addInt(i, v);
          b.put((byte) '"');
          b.putDate(v);
          b.put((byte) '"');
        }
        case TIME -> {
          long v = row.getLong(i);
          stats.addLong(i, v);
          b.put((byte) '"');
          b.putTime(v);
          b.put((byte) '"');
        }
        case TIMESTAMP -> {
          long v = row.getLong(i);
          stats.addLong(i, v);
          b.put((byte) '"');
          b.putTimestamp(v, t.isAdjustedToUtc());
          b.put((byte) '"');
        }
        default -> throw new IllegalStateException("unhandled type " + t);
      }
    }
    b.put((byte) '}');
    b.put((byte) '\n');
  }

  /** JSON has no NaN or infinities: those become the strings "NaN", "Infinity" and "-Infinity". */
  private void putNumberOrString(boolean finite, String text) {
    if (finite) {
      buffer.putAscii(text);
    } else {
      buffer.put((byte) '"');
      buffer.putAscii(text);
      buffer.put((byte) '"');
    }
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
