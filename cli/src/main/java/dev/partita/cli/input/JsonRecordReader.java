package dev.partita.cli.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.partita.cli.input.Record.FieldKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON objects as records with Jackson's streaming parser: either a top-level array of objects or a
 * sequence of objects (JSON Lines). Field {@code i} of a record is the value of the {@code i}-th known key;
 * a missing key is null. Keys are either fixed up front (a schema) or discovered as they appear (for schema
 * inference). A key outside a fixed set, or a repeated key, is a problem of that record; JSON that is not
 * well-formed (or not UTF-8) stops the read, since no next record can be found reliably after it.
 */
public final class JsonRecordReader implements RecordReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build();

  private final String file;
  private final JsonParser parser;
  private final boolean discover;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final Record record = new Record(256, 16, true);
  private final StringWriter nested = new StringWriter();
  private int[] seen = new int[16];
  private int generation;
  private boolean started;
  private boolean array;
  private boolean done;

  /**
   * A reader of {@code in}.
   *
   * @param file the file name for messages
   * @param keys the known keys in column order
   * @param discover whether unknown keys become new fields (true) or record problems (false)
   */
  public JsonRecordReader(String file, InputStream in, List<String> keys, boolean discover) throws IOException {
    this.file = file;
    this.parser = FACTORY.createParser(in);
    this.discover = discover;
    for (String k : keys) {
      add(k);
    }
  }

  private int add(String key) {
    int i = names.size();
    names.add(key);
    index.put(key, i);
    if (seen.length <= i) {
      seen = Arrays.copyOf(seen, seen.length * 2);
    }
    return i;
  }

  @Override
  public boolean next() throws IOException {
    try {
      return advance();
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new InputException(file + (l == null ? "" : ", line " + l.getLineNr() + ", column " + l.getColumnNr())
          + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private boolean advance() throws IOException {
    if (done) {
      return false;
    }
    JsonToken t = parser.nextToken();
    if (!started) {
      started = true;
      if (t == null) {
        throw new InputException(file + " is empty: expected JSON objects, one per line, or an array of them");
      }
      if (t == JsonToken.START_ARRAY) {
        array = true;
        t = parser.nextToken();
      }
    }
    if (array && t == JsonToken.END_ARRAY) {
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw error("unexpected " + describe(after) + " after the closing ] of the top-level array");
      }
      done = true;
      return false;
    }
    if (t == null) {
      if (array) {
        throw error("the top-level array has no closing ]");
      }
      done = true;
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw error("expected a JSON object, found " + describe(t));
    }
    readObject();
    return true;
  }

  private void readObject() throws IOException {
    record.clear(names.size());
    record.line = parser.currentTokenLocation().getLineNr();
    generation++;
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Integer at = index.get(key);
      int i;
      if (at == null) {
        if (!discover) {
          problem(0, "key '" + key + "' is not a column of the schema ("
              + String.join(", ", names) + "); pass --schema with it, or a larger --sample-rows");
          parser.nextToken();
          parser.skipChildren();
          continue;
        }
        i = add(key);
        record.ensureFields(i + 1);
        record.fieldCount = i + 1;
        record.setField(i, 0, 0, FieldKind.NULL);
      } else {
        i = at;
      }
      if (seen[i] == generation) {
        problem(i + 1, "key '" + key + "' appears twice in the object");
      }
      seen[i] = generation;
      value(i, parser.nextToken());
    }
    if (t != JsonToken.END_OBJECT) {
      throw error("unexpected " + describe(t) + " in an object");
    }
  }

  private void value(int i, JsonToken t) throws IOException {
    switch (t) {
      case VALUE_NULL -> record.setField(i, 0, 0, FieldKind.NULL);
      case VALUE_STRING -> text(i, FieldKind.QUOTED);
      case VALUE_NUMBER_INT -> text(i, FieldKind.INTEGER);
      case VALUE_NUMBER_FLOAT -> text(i, FieldKind.DECIMAL);
      case VALUE_TRUE -> record.setField(i, record.append("true"), 4, FieldKind.BOOLEAN);
      case VALUE_FALSE -> record.setField(i, record.append("false"), 5, FieldKind.BOOLEAN);
      case START_OBJECT, START_ARRAY -> {
        nested.getBuffer().setLength(0);
        try (JsonGenerator g = FACTORY.createGenerator(nested)) {
          g.copyCurrentStructure(parser);
        }
        String s = nested.toString();
        record.setField(i, record.append(s), s.length(), FieldKind.NESTED);
      }
      default -> throw error("unexpected " + describe(t) + " as a value");
    }
  }

  private void text(int i, FieldKind kind) throws IOException {
    int len = parser.getTextLength();
    int at = record.append(parser.getTextCharacters(), parser.getTextOffset(), len);
    record.setField(i, at, len, kind);
  }

  private void problem(int field, String text) {
    if (record.problem == null) {
      record.problem = text;
      record.problemField = field;
    }
  }

  private InputException error(String what) {
    JsonLocation l = parser.currentTokenLocation();
    return new InputException(file + ", line " + l.getLineNr() + ", column " + l.getColumnNr() + ": " + what);
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "'" + t.asString() + "'";
    };
  }

  @Override
  public Record record() {
    return record;
  }

  @Override
  public String rawText() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      for (int i = 0; i < record.fieldCount; i++) {
        FieldKind k = record.kind(i);
        if (k == FieldKind.NULL) {
          continue;
        }
        g.writeFieldName(names.get(i));
        switch (k) {
          case QUOTED -> g.writeString(record.chars, record.start[i], record.len[i]);
          default -> g.writeRawValue(record.chars, record.start[i], record.len[i]);
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public List<String> fieldNames() {
    return Collections.unmodifiableList(names);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
