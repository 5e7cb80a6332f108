package dev.partita.catalog.commit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.catalog.internal.StatValues;
import dev.partita.commit.DataFile;
import dev.partita.format.ColumnStats;
import dev.partita.partition.PartitionField;
import dev.partita.partition.Transform;
import dev.partita.schema.Column;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A commit manifest ({@code _partita/commits/<millis>-<writeId>.json}) as the core's {@code WriteTransaction}
 * writes it: write id, format, the rows' schema, the partition spec, the published files with partition values,
 * counts and column statistics, and the files the commit replaced.
 */
record Manifest(String writeId, String format, Schema schema, List<PartitionField> spec, ZoneId timeZone,
    List<DataFile> files, List<String> deleted) {

  private static final JsonFactory JSON = new JsonFactory();

  /** A JSON number, kept as its literal text so no precision is lost. */
  private record Num(String text) {}

  /** Parses a manifest. */
  static Manifest read(InputStream in, String location) throws IOException {
    Object tree;
    try (JsonParser p = JSON.createParser(in)) {
      p.nextToken();
      tree = value(p);
    }
    try {
      return of(asMap(tree));
    } catch (RuntimeException e) {
      throw new IOException("commit manifest " + location + " is not a Partita manifest: " + e.getMessage(), e);
    }
  }

  private static Manifest of(Map<String, Object> m) {
    String writeId = text(m.get("writeId"));
    String format = text(m.get("format"));
    List<Column> columns = new ArrayList<>();
    for (Object o : asList(m.get("schema"))) {
      Map<String, Object> c = asMap(o);
      columns.add(new Column(text(c.get("name")), DataType.parse(text(c.get("type"))),
          Boolean.TRUE.equals(c.get("nullable"))));
    }
    Schema schema = Schema.of(columns);
    List<PartitionField> spec = new ArrayList<>();
    for (Object o : asList(m.get("partitionSpec"))) {
      Map<String, Object> f = asMap(o);
      spec.add(new PartitionField(text(f.get("name")), text(f.get("source")),
          Transform.parse(text(f.get("transform")))));
    }
    ZoneId zone = m.get("timeZone") == null ? ZoneId.of("UTC") : ZoneId.of(text(m.get("timeZone")));
    Map<String, DataType> types = new LinkedHashMap<>();
    columns.forEach(c -> types.put(c.name(), c.type()));
    List<DataFile> files = new ArrayList<>();
    for (Object o : asList(m.get("files"))) {
      Map<String, Object> f = asMap(o);
      Map<String, String> partition = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : asMap(f.get("partition")).entrySet()) {
        partition.put(e.getKey(), e.getValue() == null ? null : text(e.getValue()));
      }
      List<ColumnStats> stats = new ArrayList<>();
      for (Object so : asList(f.getOrDefault("columns", List.of()))) {
        Map<String, Object> s = asMap(so);
        String name = text(s.get("name"));
        DataType type = types.get(name);
        if (type == null) {
          continue;
        }
        stats.add(new ColumnStats(name, number(s.get("values")), number(s.get("nulls")),
            bound(type, s.get("min")), bound(type, s.get("max"))));
      }
      files.add(new DataFile(text(f.get("path")), partition, number(f.get("rows")), number(f.get("bytes")),
          stats));
    }
    List<String> deleted = new ArrayList<>();
    for (Object o : asList(m.getOrDefault("deleted", List.of()))) {
      deleted.add(text(o));
    }
    return new Manifest(writeId, format, schema, spec, zone, files, deleted);
  }

  private static Optional<Object> bound(DataType type, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(StatValues.fromText(type, text(value)));
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("unexpected end of JSON");
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Num(p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    if (o instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("expected an object, got " + o);
  }

  private static List<?> asList(Object o) {
    if (o instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("expected an array, got " + o);
  }

  private static String text(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Num n) {
      return n.text();
    }
    if (o instanceof Boolean b) {
      return b.toString();
    }
    throw new IllegalArgumentException("expected a string, got " + o);
  }

  private static long number(Object o) {
    if (o instanceof Num n) {
      return Long.parseLong(n.text());
    }
    throw new IllegalArgumentException("expected an integer, got " + o);
  }
}
