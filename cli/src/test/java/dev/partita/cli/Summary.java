package dev.partita.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The {@code --json} summary of a write, parsed back. */
record Summary(Schema schema, Map<String, String> fields) {

  static Summary parse(String json) throws IOException {
    Schema.Builder schema = Schema.builder();
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AssertionError("not a JSON object: " + json);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("schema")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            String col = null;
            String type = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String k = p.currentName();
              p.nextToken();
              if (k.equals("name")) {
                col = p.getText();
              } else if (k.equals("type")) {
                type = p.getText();
              }
            }
            schema.optional(col, DataType.parse(type));
          }
        } else if (t.isScalarValue()) {
          fields.put(name, p.getText());
        } else {
          p.skipChildren();
        }
      }
    }
    return new Summary(schema.build(), fields);
  }

  long number(String key) {
    String v = fields.get(key);
    if (v == null) {
      throw new AssertionError("no '" + key + "' in the summary " + fields);
    }
    return Long.parseLong(v);
  }

  String text(String key) {
    return fields.get(key);
  }
}
