package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileMetrics;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Lines files of every type, read back by DuckDB and by Jackson's streaming parser. */
class JsonLinesFormatTest {
  private static final int ROWS = 3000;
  private static final JsonFactory JSON = new JsonFactory();

  @TempDir
  Path dir;

  static Stream<Arguments> codecsAndChunks() {
    return Stream.of(Arguments.of("none", 256), Arguments.of("gzip", 256), Arguments.of("gzip", 1),
        Arguments.of("zstd", 256), Arguments.of("zstd", 1));
  }

  @ParameterizedTest(name = "{0}, {1}KB chunks")
  @MethodSource("codecsAndChunks")
  void everyTypeReadsBackInDuckDb(String codec, int chunkKb) throws IOException {
    List<Object[]> rows = TestRows.rows(ROWS, 17);
    JsonLinesFormat format = JsonLinesFormat.builder().codec(CompressionCodecs.byName(codec))
        .chunkSize(DataSize.ofKilobytes(chunkKb)).build();
    Path file = dir.resolve("data" + format.fileSuffix());
    FileMetrics m = TextFiles.write(format, TestRows.SCHEMA, rows, file);
    assertThat(m.rows()).isEqualTo(ROWS);
    assertThat(m.bytes()).isEqualTo(Files.size(file));
    assertDuckDbReads(file, rows);
    assertJacksonReads(file, rows, true);
  }

  @Test
  void omittedNullsLeaveKeysOut() throws IOException {
    List<Object[]> rows = TestRows.rows(500, 18);
    JsonLinesFormat format = JsonLinesFormat.builder().writeNulls(false).build();
    Path file = dir.resolve("omit.json");
    TextFiles.write(format, TestRows.SCHEMA, rows, file);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"id\":0}");
    assertDuckDbReads(file, rows);
    assertJacksonReads(file, rows, false);
  }

  @Test
  void stringsAreEscaped() throws IOException {
    Schema schema = Schema.builder().optional("we\"ird\\key\n", DataType.string()).build();
    List<Object[]> rows = new ArrayList<>();
    for (String s : TestRows.STRINGS) {
      rows.add(new Object[] {s});
    }
    rows.add(new Object[] {"nul\u0000 bell\u0007 esc\u001b del\u007f"});
    rows.add(new Object[] {"lone \uD800 surrogate"});
    rows.add(new Object[] {"\u2028\u2029"});
    Path file = dir.resolve("esc.json");
    TextFiles.write(JsonLinesFormat.builder().build(), schema, rows, file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(TestRows.STRINGS.length))
        .isEqualTo("{\"we\\\"ird\\\\key\\u000a\":\"nul\\u0000 bell\\u0007 esc\\u001b del\u007f\"}");
    assertThat(lines).contains("{\"we\\\"ird\\\\key\\u000a\":\"say \\\"hi\\\"\"}",
        "{\"we\\\"ird\\\\key\\u000a\":\"crlf\\u000d\\u000aend\"}",
        "{\"we\\\"ird\\\\key\\u000a\":\"back\\\\slash\"}");
    List<Map<String, Object>> parsed = parse(file);
    for (int k = 0; k < rows.size(); k++) {
      String expected = ((String) rows.get(k)[0]).replace("\uD800", "?");
      assertThat(parsed.get(k)).containsExactly(Map.entry("we\"ird\\key\n", expected));
    }
  }

  @Test
  void emptyFilesAreValid() throws IOException {
    for (String codec : new String[] {"none", "gzip", "zstd"}) {
      JsonLinesFormat f = JsonLinesFormat.builder().codec(CompressionCodecs.byName(codec)).build();
      Path file = dir.resolve("empty" + f.fileSuffix());
      assertThat(TextFiles.write(f, TestRows.SCHEMA, List.of(), file).rows()).isZero();
      assertThat(TextFiles.decompressed(file)).isEmpty();
      assertThat(DuckDb.query("SELECT count(*) FROM read_json(" + DuckDb.lit(file) + ", columns="
          + TestRows.duckDbColumns(TestRows.SCHEMA, jsonTypes()) + ")").get(0)[0]).isEqualTo(0L);
    }
  }

  /** DuckDB reads JSON numbers as doubles: the 38-digit decimal is compared as a double here (exact in Jackson). */
  private static String[] jsonTypes() {
    String[] types = TestRows.DUCKDB_TYPES.clone();
    types[9] = "DOUBLE";
    return types;
  }

  private static void assertDuckDbReads(Path file, List<Object[]> rows) {
    List<Object[]> actual = DuckDb.query("SELECT " + TestRows.duckDbSelect() + " FROM read_json(" + DuckDb.lit(file)
        + ", format='newline_delimited', columns=" + TestRows.duckDbColumns(TestRows.SCHEMA, jsonTypes())
        + ") ORDER BY id");
    List<Object[]> expected = new ArrayList<>();
    for (Object[] r : rows) {
      Object[] e = r.clone();
      e[9] = e[9] == null ? null : ((BigDecimal) e[9]).doubleValue();
      expected.add(e);
    }
    CsvFormatTest.assertSameValues(expected, actual);
  }

  /** Every line parses as one object whose keys and values are exactly the row's. */
  private static void assertJacksonReads(Path file, List<Object[]> rows, boolean nullsWritten) throws IOException {
    List<Map<String, Object>> parsed = parse(file);
    assertThat(parsed).hasSameSizeAs(rows);
    for (int k = 0; k < rows.size(); k++) {
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int i = 0; i < TestRows.SCHEMA.size(); i++) {
        Object v = rows.get(k)[i];
        if (v == null && !nullsWritten) {
          continue;
        }
        expected.put(TestRows.SCHEMA.column(i).name(), v == null ? null : jsonValue(i, v));
      }
      assertThat(parsed.get(k)).as("line %d", k + 1).containsExactlyEntriesOf(expected);
    }
  }

  /** The JSON value each type is written as, derived with the JDK's own formatters. */
  private static Object jsonValue(int i, Object v) {
    return switch (TestRows.SCHEMA.column(i).type().kind()) {
      case BOOLEAN -> v;
      case INT32, INT64 -> new BigDecimal(((Number) v).longValue());
      case FLOAT32 -> Float.isFinite((Float) v) ? (Object) (Float) v : v.toString();
      case FLOAT64 -> Double.isFinite((Double) v) ? (Object) (Double) v : v.toString();
      case DECIMAL -> v;
      case STRING -> v;
      case BINARY -> Base64.getEncoder().encodeToString((byte[]) v);
      case DATE -> v.toString();
      // java.time drops zero fractions and seconds; the writer always writes six digits: compare as instants.
      case TIME -> v;
      case TIMESTAMP -> v;
      default -> v;
    };
  }

  /** Parses every line with Jackson; numbers become BigDecimal (ints), Float/Double (by column), text as is. */
  private static List<Map<String, Object>> parse(Path file) throws IOException {
    String text = new String(TextFiles.decompressed(file), StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      Map<String, Object> m = new LinkedHashMap<>();
      try (JsonParser p = JSON.createParser(line)) {
        assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          JsonToken t = p.nextToken();
          Object value = switch (t) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NUMBER_INT -> new BigDecimal(p.getText());
            case VALUE_NUMBER_FLOAT -> typedFloat(key, p.getText());
            case VALUE_STRING -> typedString(key, p.getText());
            default -> throw new AssertionError("unexpected " + t + " in " + line);
          };
          m.put(key, value);
        }
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(p.nextToken()).as("one object per line").isNull();
      }
      out.add(m);
    }
    return out;
  }

  private static Object typedFloat(String key, String text) {
    return switch (key) {
      case "f" -> Float.parseFloat(text);
      case "d" -> Double.parseDouble(text);
      default -> new BigDecimal(text);
    };
  }

  /** Times and timestamps parsed back with java.time, so the check does not depend on the writer's format. */
  private static Object typedString(String key, String text) {
    return switch (key) {
      case "t" -> java.time.LocalTime.parse(text);
      case "ts" -> java.time.LocalDateTime.parse(text);
      case "tstz" -> java.time.Instant.parse(text);
      default -> text;
    };
  }
}
