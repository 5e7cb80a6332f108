package dev.partita.format.text.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.partita.format.text.read.JsonOptions.Layout;
import dev.partita.format.text.read.JsonOptions.UnknownKeys;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextRecord.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads JSON objects as records with Jackson's streaming parser. Field {@code i} of a record is the value of the
 * {@code i}-th known key ({@link JsonOptions#keys()}, then keys added as they appear under
 * {@link JsonOptions.UnknownKeys#ADD}); a missing key is {@link FieldKind#NULL}; a nested object or array is kept
 * as its JSON text ({@link FieldKind#NESTED}); a key that appears twice is a problem of its record.
 *
 * <p>Layouts ({@link JsonOptions#layout()}): {@link Layout#ANY} reads a top-level array of objects, or objects
 * separated by white space (JSON Lines, or pretty-printed objects); JSON that is not well-formed ends the read
 * with a {@link TextInputException}. {@link Layout#LINES} reads strict JSON Lines: a line that is not one whole
 * object is returned as a record with a problem ({@link Problem#MALFORMED_JSON} or {@link Problem#NOT_AN_OBJECT})
 * and reading goes on with the next line. In both, bytes that are not UTF-8 inside a record are a problem of that
 * record ({@link Problem#INVALID_UTF8}), and a leading byte order mark is skipped.
 *
 * <p>Field text is copied from the parser's buffer into the record's, so reading allocates nothing per record
 * for scalar values and known keys (nested values and a bad line cost a little garbage).
 */
public final class JsonReader implements RecordReader {
  /** Longest line accepted in {@link Layout#LINES}, in chars. */
  public static final int MAX_LINE_CHARS = 64 << 20;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();
  /** Cached lookups of keys that are no field (so that skipping them allocates nothing), at most this many. */
  private static final int MAX_IGNORED_KEYS = 4096;
  private static final Integer IGNORED = -1;

  private final String file;
  private final Utf8Source source;
  private final JsonFeed feed;
  private final boolean lines;
  private final boolean addKeys;
  private final boolean ignoreCase;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> folded = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final TextRecord record = new TextRecord(256, 16, true);
  private final StringWriter nested = new StringWriter();
  private JsonParser parser;
  /** The parser as its base class, for the current token's position without allocating a location. */
  private ParserBase positions;
  /** Absolute char offset of the parser's first char. */
  private long parserBase;
  /** Lines before the parser's first line. */
  private long lineBase;
  private int ignoredKeys;
  private int[] seen = new int[16];
  private int generation;
  private boolean started;
  private boolean array;
  private boolean done;
  private boolean anyValue;
  private boolean closed;

  /**
   * A reader of {@code in}: decompressed bytes, UTF-8.
   *
   * @param file the file name for messages
   */
  public JsonReader(String file, InputStream in, JsonOptions options) {
    this.file = Objects.requireNonNull(file, "file");
    this.source = new Utf8Source(Objects.requireNonNull(in, "in"));
    this.lines = options.layout() == Layout.LINES;
    this.addKeys = options.unknownKeys() == UnknownKeys.ADD;
    this.ignoreCase = options.ignoreKeyCase();
    this.feed = new JsonFeed(file, source, lines, MAX_LINE_CHARS);
    for (String k : options.keys()) {
      add(k);
    }
  }

  private int add(String key) {
    int i = names.size();
    names.add(key);
    index.put(key, i);
    folded.putIfAbsent(key.toLowerCase(Locale.ROOT), i);
    if (seen.length <= i) {
      seen = Arrays.copyOf(seen, seen.length * 2);
    }
    return i;
  }

  /** The field of {@code key}, or -1 to skip it. */
  private int field(String key) {
    Integer at = index.get(key);
    if (at != null) {
      return at;
    }
    if (ignoreCase) {
      at = folded.get(key.toLowerCase(Locale.ROOT));
      if (at != null) {
        index.put(key, at);
        return at;
      }
    }
    if (addKeys) {
      return add(key);
    }
    if (ignoredKeys < MAX_IGNORED_KEYS) {
      ignoredKeys++;
      index.put(key, IGNORED);
    }
    return -1;
  }

  @Override
  public boolean next() throws IOException {
    if (closed) {
      throw new IllegalStateException("cannot read " + file + ": the reader is closed");
    }
    if (!started) {
      started = true;
      parserBase = feed.start() ? 1 : 0;
      newParser();
    }
    if (done) {
      return false;
    }
    return lines ? nextLine() : nextAny();
  }

  private void newParser() throws IOException {
    parser = FACTORY.createParser(feed);
    positions = (ParserBase) parser;
  }

  /**
   * Absolute offset of the current token, which is not a key. Jackson keeps the offset one past the token's first
   * char ({@code currentTokenLocation()} subtracts one too), and this avoids allocating a location per record.
   */
  private long tokenOffset() {
    return parserBase + positions.getTokenCharacterOffset() - 1;
  }

  // ---- Layout.ANY: a stream of objects or one array; malformed JSON ends the read.

  private boolean nextAny() throws IOException {
    try {
      JsonToken t = parser.nextToken();
      if (!anyValue) {
        if (t == null) {
          done = true;
          return false;
        }
        anyValue = true;
        if (t == JsonToken.START_ARRAY) {
          array = true;
          t = parser.nextToken();
        }
      }
      if (array && t == JsonToken.END_ARRAY) {
        JsonToken after = parser.nextToken();
        if (after != null) {
          throw fatal("unexpected " + describe(after) + " after the closing ] of the top-level array");
        }
        done = true;
        return false;
      }
      if (t == null) {
        if (array) {
          throw fatal("the top-level array has no closing ]");
        }
        done = true;
        return false;
      }
      if (t != JsonToken.START_OBJECT) {
        throw fatal("expected a JSON object, found " + describe(t));
      }
      long start = startRecord();
      readObject();
      checkEncoding(start, tokenOffset());
      return true;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new TextInputException(file + (l == null ? "" : ", line " + (lineBase + l.getLineNr()) + ", column "
          + l.getColumnNr()) + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private TextInputException fatal(String what) {
    JsonLocation l = parser.currentTokenLocation();
    return new TextInputException(file + ", line " + (lineBase + l.getLineNr()) + ", column " + l.getColumnNr()
        + ": " + what);
  }

  // ---- Layout.LINES: one object per line; a bad line is a record with a problem.

  private boolean nextLine() throws IOException {
    feed.release();
    JsonToken t;
    try {
      t = parser.nextToken();
    } catch (JsonProcessingException e) {
      badLine(e.getLocation() == null ? feed.line() - 1 : lineBase + e.getLocation().getLineNr(),
          e.getOriginalMessage());
      return true;
    }
    if (t == null) {
      done = true;
      return false;
    }
    anyValue = true;
    feed.lock();
    long start = startRecord();
    if (t != JsonToken.START_OBJECT) {
      record.problem(Problem.NOT_AN_OBJECT, 0, "expected a JSON object, found " + describe(t),
          "found " + describe(t));
      restart();
      return true;
    }
    try {
      readObject();
      long end = tokenOffset();
      if (!feed.restOfLineBlank(end + 1)) {
        String what;
        try {
          JsonToken after = parser.nextToken();
          what = "unexpected " + describe(after) + " after the object: a JSON Lines line holds one object";
        } catch (JsonProcessingException e) {
          what = e.getOriginalMessage();
        }
        record.problem(Problem.MALFORMED_JSON, 0, "not valid JSON: " + what, what);
        restart();
        return true;
      }
      checkEncoding(start, end);
    } catch (JsonProcessingException e) {
      record.problem(Problem.MALFORMED_JSON, 0, "not valid JSON: " + e.getOriginalMessage(),
          e.getOriginalMessage());
      restart();
    } catch (JsonFeed.LineEnded e) {
      record.problem(Problem.MALFORMED_JSON, 0, "not valid JSON: " + e.getMessage(), e.getMessage());
      restart();
    }
    return true;
  }

  /** A line that fails before any token: an empty record with the parser's message. */
  private void badLine(long line, String message) throws IOException {
    record.clear(names.size());
    record.line = line;
    record.problem(Problem.MALFORMED_JSON, 0, "not valid JSON: " + message, message);
    anyValue = true;
    restart();
  }

  /** Drops the rest of the bad line and the parser that read it; a new parser starts on the next line. */
  private void restart() throws IOException {
    feed.skipLine();
    parser.close();
    parserBase = feed.position();
    lineBase = feed.line() - 1;
    newParser();
  }

  // ---- Shared: one object into the record.

  /** Clears the record for the object whose first token is current; returns its absolute start offset. */
  private long startRecord() {
    record.clear(names.size());
    record.line = lineBase + positions.getTokenLineNr();
    return tokenOffset();
  }

  private void readObject() throws IOException {
    generation++;
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      int i = field(key);
      if (i < 0) {
        parser.nextToken();
        parser.skipChildren();
        continue;
      }
      if (i >= record.fieldCount) {
        record.ensureFields(i + 1);
        for (int k = record.fieldCount; k <= i; k++) {
          record.setField(k, 0, 0, FieldKind.NULL);
        }
        record.fieldCount = i + 1;
      }
      if (seen[i] == generation) {
        record.problem(Problem.DUPLICATE_KEY, i + 1, "key '" + key + "' appears twice in the object",
            "key '" + key + "' appears twice in the object");
      }
      seen[i] = generation;
      value(i, parser.nextToken());
    }
    // The parser allows nothing but keys and the end inside an object.
    assert t == JsonToken.END_OBJECT : t;
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
      default -> throw new IllegalStateException("unexpected " + t + " as a value");
    }
  }

  private void text(int i, FieldKind kind) throws IOException {
    int len = parser.getTextLength();
    int at = record.append(parser.getTextCharacters(), parser.getTextOffset(), len);
    record.setField(i, at, len, kind);
  }

  /** Marks the record when the input held bytes that are not UTF-8 between {@code start} and {@code end}. */
  private void checkEncoding(long start, long end) {
    long e = source.peekError();
    while (e >= 0 && e <= end) {
      source.takeError();
      if (e >= start) {
        record.problem(Problem.INVALID_UTF8, 0, "invalid UTF-8 byte sequence (line " + record.line
            + "); the input must be UTF-8", "invalid UTF-8 byte sequence");
      }
      e = source.peekError();
    }
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
  public TextRecord record() {
    return record;
  }

  /** The current record as one JSON object of its non-null fields (nested values as read). */
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
        if (k == FieldKind.QUOTED) {
          g.writeString(record.chars, record.start[i], record.len[i]);
        } else {
          g.writeRawValue(record.chars, record.start[i], record.len[i]);
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @Override
  public List<String> fieldNames() {
    return Collections.unmodifiableList(names);
  }

  /** Whether the input held no JSON value at all (nothing, or white space only). */
  @Override
  public boolean wasEmpty() {
    return done && !anyValue;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (parser != null) {
        parser.close();
      }
    } finally {
      feed.close();
    }
  }
}
