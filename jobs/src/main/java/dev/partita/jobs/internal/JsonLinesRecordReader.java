package dev.partita.jobs.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.jobs.transform.RowBuffer;
import dev.partita.row.InvalidRowException;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one JSON object per line; blank lines are skipped. Fields map to columns by name (exact, else ignoring
 * case); unknown fields are ignored, missing ones are null. Numbers fill numeric columns, strings are parsed as the
 * column's type (see {@link TextValues}), booleans fill boolean columns; any scalar fills a string column with its
 * JSON text. Nested objects and arrays, and malformed lines, are bad records. Row numbers are line numbers.
 */
final class JsonLinesRecordReader implements RecordReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final BufferedReader in;
  private final String input;
  private final Schema schema;
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();
  private long line;

  JsonLinesRecordReader(BufferedReader in, Schema schema, String input) {
    this.in = in;
    this.schema = schema;
    this.input = input;
    for (int i = 0; i < schema.size(); i++) {
      exact.put(schema.column(i).name(), i);
      folded.putIfAbsent(schema.column(i).name().toLowerCase(Locale.ROOT), i);
    }
  }

  @Override
  public boolean next(RowBuffer out) throws IOException {
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) {
        return false;
      }
    } while (text.isBlank());
    if (line == 1 && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    out.clear();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidRowException("(record)", line, "is not a JSON object in " + input);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        Integer col = exact.get(name);
        if (col == null) {
          col = folded.get(name.toLowerCase(Locale.ROOT));
        }
        if (col == null) {
          p.skipChildren();
          continue;
        }
        read(p, value, out, col);
      }
      if (p.nextToken() != null) {
        throw new InvalidRowException("(record)", line, "has text after its JSON object in " + input);
      }
    } catch (JsonProcessingException e) {
      throw new InvalidRowException("(record)", line, "is not valid JSON in " + input + ": "
          + e.getOriginalMessage());
    }
    out.checkRequired(line);
    return true;
  }

  private void read(JsonParser p, JsonToken value, RowBuffer out, int col) throws IOException {
    DataType type = schema.column(col).type();
    DataType.Kind kind = type.kind();
    switch (value) {
      case VALUE_NULL -> out.setNull(col);
      case VALUE_STRING -> TextValues.parse(p.getText(), out, col, line);
      case VALUE_TRUE, VALUE_FALSE -> {
        if (kind == DataType.Kind.BOOLEAN) {
          out.setBoolean(col, value == JsonToken.VALUE_TRUE);
        } else if (kind == DataType.Kind.STRING) {
          out.setString(col, p.getText());
        } else {
          throw mismatch(col, "a boolean");
        }
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        switch (kind) {
          case INT32, INT64 -> {
            if (value != JsonToken.VALUE_NUMBER_INT) {
              throw mismatch(col, "a fractional number " + p.getText());
            }
            TextValues.parse(p.getText(), out, col, line);
          }
          case FLOAT32 -> out.setFloat(col, p.getFloatValue());
          case FLOAT64 -> out.setDouble(col, p.getDoubleValue());
          case DECIMAL, STRING -> TextValues.parse(p.getText(), out, col, line);
          default -> throw mismatch(col, "a number");
        }
      }
      case START_OBJECT, START_ARRAY -> {
        p.skipChildren();
        throw mismatch(col, "a nested " + (value == JsonToken.START_OBJECT ? "object" : "array"));
      }
      default -> throw mismatch(col, "the token " + value);
    }
  }

  private InvalidRowException mismatch(int col, String what) {
    return new InvalidRowException(schema.column(col).name(), line, what + " does not fit type "
        + schema.column(col).type() + " in " + input);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
