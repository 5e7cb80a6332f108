package dev.partita.format.text.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.partita.format.text.read.JsonOptions.Layout;
import dev.partita.format.text.read.JsonOptions.UnknownKeys;
import dev.partita.format.text.read.TextRecord.FieldKind;
import dev.partita.format.text.read.TextRecord.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON reader: layouts, field kinds, keys, problems and their positions, recovery in strict JSON Lines. */
class JsonReaderTest {
  private static final JsonOptions LINES = JsonOptions.builder().layout(Layout.LINES).build();

  static JsonReader reader(String text, JsonOptions options) throws IOException {
    return reader(text.getBytes(StandardCharsets.UTF_8), options);
  }

  static JsonReader reader(byte[] bytes, JsonOptions options) throws IOException {
    return new JsonReader("f.json", new ByteArrayInputStream(bytes), options);
  }

  /** Each record as {@code line: key=value,...} (kinds other than quoted marked), or {@code line: ! problem}. */
  static List<String> readAll(JsonReader r) throws IOException {
    List<String> out = new ArrayList<>();
    while (r.next()) {
      TextRecord rec = r.record();
      StringBuilder b = new StringBuilder().append(rec.line()).append(": ");
      if (rec.hasProblem()) {
        out.add(b.append("! ").append(rec.problemKind()).append(' ').append(rec.problemDetail()).toString());
        continue;
      }
      for (int i = 0; i < rec.fieldCount(); i++) {
        if (rec.kind(i) == FieldKind.NULL) {
          continue;
        }
        b.append(r.fieldNames().get(i)).append('=');
        if (rec.kind(i) != FieldKind.QUOTED) {
          b.append(rec.kind(i).name().charAt(0)).append(':');
        }
        b.append(rec.text(i)).append(' ');
      }
      out.add(b.toString().strip());
    }
    return out;
  }

  @Test
  void jsonLinesPrettyObjectsAndArraysReadAlike() throws IOException {
    String lines = "{\"a\": 1, \"b\": \"x\"}\n{\"b\": \"y\", \"c\": [1, {\"d\": null}], \"a\": -2.5e3}\n"
        + "{\"e\": true, \"a\": null}\n";
    assertThat(readAll(reader(lines, JsonOptions.DEFAULT))).containsExactly(
        "1: a=I:1 b=x",
        "2: a=D:-2.5e3 b=y c=N:[1,{\"d\":null}]",
        "3: e=B:true");
    String pretty = "{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n\n{ \"b\": \"y\" }";
    assertThat(readAll(reader(pretty, JsonOptions.DEFAULT))).containsExactly("1: a=I:1 b=x", "6: b=y");
    String array = "[\n {\"a\": 1, \"b\": \"x\"},\n {\"b\": \"y\"}\n]\n";
    JsonReader r = reader(array, JsonOptions.DEFAULT);
    assertThat(readAll(r)).containsExactly("2: a=I:1 b=x", "3: b=y");
    assertThat(r.fieldNames()).containsExactly("a", "b");
    assertThat(r.wasEmpty()).isFalse();
  }

  @Test
  void knownKeysComeFirstAndOthersAreAddedOrIgnored() throws IOException {
    String text = "{\"z\": 1, \"b\": 2, \"a\": {\"deep\": [3]}}\n{\"a\": 4}\n";
    JsonReader add = reader(text, JsonOptions.builder().keys(List.of("a", "b")).build());
    assertThat(readAll(add)).containsExactly("1: a=N:{\"deep\":[3]} b=I:2 z=I:1", "2: a=I:4");
    assertThat(add.fieldNames()).containsExactly("a", "b", "z");
    JsonReader ignore = reader(text, JsonOptions.builder().keys(List.of("a", "b")).unknownKeys(UnknownKeys.IGNORE)
        .build());
    assertThat(readAll(ignore)).containsExactly("1: a=N:{\"deep\":[3]} b=I:2", "2: a=I:4");
    assertThat(ignore.fieldNames()).containsExactly("a", "b");
    assertThat(ignore.record().fieldCount()).isEqualTo(2);
  }

  @Test
  void keyCaseIsIgnoredOnlyWhenAskedAndAnExactMatchWins() throws IOException {
    String text = "{\"ID\": 1, \"Name\": \"x\", \"name2\": 5}\n{\"id\": 2, \"NAME\": \"y\"}\n";
    JsonOptions folded = JsonOptions.builder().keys(List.of("id", "name", "Name")).ignoreKeyCase(true)
        .unknownKeys(UnknownKeys.IGNORE).build();
    assertThat(readAll(reader(text, folded))).containsExactly("1: id=I:1 Name=x", "2: id=I:2 name=y");
    JsonOptions exact = JsonOptions.builder().keys(List.of("id")).unknownKeys(UnknownKeys.IGNORE).build();
    assertThat(readAll(reader(text, exact))).containsExactly("1:", "2: id=I:2");
  }

  @Test
  void duplicateKeysAndInvalidUtf8AreProblemsOfTheirRecord() throws IOException {
    assertThat(readAll(reader("{\"a\": 1, \"a\": 2}\n{\"a\": 3}\n", JsonOptions.DEFAULT))).containsExactly(
        "1: ! DUPLICATE_KEY key 'a' appears twice in the object", "2: a=I:3");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"a\": \"ok\"}\n{\"a\": \"caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write(0x28);
    bytes.writeBytes("\"}\n{\"a\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8));
    for (JsonOptions o : List.of(JsonOptions.DEFAULT, LINES)) {
      JsonReader r = reader(bytes.toByteArray(), o);
      assertThat(readAll(r)).as(o.toString()).containsExactly("1: a=ok", "2: ! INVALID_UTF8 invalid UTF-8 byte"
          + " sequence", "3: a=fine");
    }
    JsonReader r = reader(bytes.toByteArray(), JsonOptions.DEFAULT);
    r.next();
    r.next();
    assertThat(r.record().problem()).isEqualTo("invalid UTF-8 byte sequence (line 2); the input must be UTF-8");
  }

  @Test
  void malformedJsonEndsAnAnyLayoutReadWithItsPosition() throws IOException {
    JsonReader r = reader("{\"a\": 1}\n{\"a\": 2,}\n", JsonOptions.DEFAULT);
    assertThat(r.next()).isTrue();
    assertThatThrownBy(r::next).isInstanceOf(TextInputException.class)
        .hasMessageStartingWith("f.json, line 2, column 9: not valid JSON: Unexpected character ('}'");
    assertThatThrownBy(() -> readAll(reader("[{\"a\": 1}, 2]", JsonOptions.DEFAULT)))
        .isInstanceOf(TextInputException.class)
        .hasMessage("f.json, line 1, column 12: expected a JSON object, found a number");
    assertThatThrownBy(() -> readAll(reader("[{\"a\": 1}\n", JsonOptions.DEFAULT)))
        .isInstanceOf(TextInputException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> readAll(reader("[{\"a\": 1}] {}", JsonOptions.DEFAULT)))
        .isInstanceOf(TextInputException.class)
        .hasMessage("f.json, line 1, column 12: unexpected an object after the closing ] of the top-level array");
  }

  @Test
  void emptyInputIsToldApartFromAnEmptyArray() throws IOException {
    for (String empty : new String[] {"", " \n\t\n", "\uFEFF"}) {
      for (JsonOptions o : List.of(JsonOptions.DEFAULT, LINES)) {
        JsonReader r = reader(empty, o);
        assertThat(r.next()).isFalse();
        assertThat(r.wasEmpty()).as("'%s' %s", empty, o).isTrue();
      }
    }
    JsonReader r = reader("[]", JsonOptions.DEFAULT);
    assertThat(r.next()).isFalse();
    assertThat(r.wasEmpty()).isFalse();
  }

  /** Strict JSON Lines: every kind of bad line is one record with a problem, and the next line reads cleanly. */
  @Test
  void badLinesAreRecordsWithProblemsAndReadingGoesOn() throws IOException {
    String text = String.join("\n",
        "\uFEFF{\"id\": 1}",
        "",
        "{\"id\": 2,",
        "[1, 2]",
        "{\"id\": 3} {\"id\": 4}",
        "not json",
        "  {\"id\": 5}  \t",
        "{\"id\": 6, \"s\": \"unterminated}",
        "{\"id\": 7,\r",
        "{\"id\": 8}\r",
        "{\"id\": 9} trailing");
    JsonReader r = reader(text, LINES);
    List<String> got = readAll(r);
    got.replaceAll(s -> s.length() > 70 ? s.substring(0, 70) : s);
    assertThat(got).containsExactly(
        "1: id=I:1",
        "3: ! MALFORMED_JSON Unexpected end of line inside the JSON value: a JS",
        "4: ! NOT_AN_OBJECT found an array",
        "5: ! MALFORMED_JSON unexpected an object after the object: a JSON Line",
        "6: ! MALFORMED_JSON Unrecognized token 'not': was expecting (JSON Stri",
        "7: id=I:5",
        "8: ! MALFORMED_JSON Illegal unquoted character ((CTRL-CHAR, code 10)):",
        "9: ! MALFORMED_JSON Unexpected end of line inside the JSON value: a JS",
        "10: id=I:8",
        "11: ! MALFORMED_JSON Unrecognized token 'trailing': was expecting (JSO");
  }

  @Test
  void aLineLongerThanTheBuffersReadsWhole() throws IOException {
    String big = "x".repeat(200_000);
    String text = "{\"a\": \"" + big + "\", \"b\": 1}\n{\"a\": \"" + big + "\" oops}\n{\"b\": 2}\n";
    JsonReader r = reader(text, LINES);
    assertThat(r.next()).isTrue();
    assertThat(r.record().text(0)).isEqualTo(big);
    assertThat(r.next()).isTrue();
    assertThat(r.record().problemKind()).isEqualTo(Problem.MALFORMED_JSON);
    assertThat(r.record().line()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().line()).isEqualTo(3);
    assertThat(r.record().text(1)).isEqualTo("2");
    assertThat(r.next()).isFalse();
  }

  /**
   * Random lines, good and bad, many long enough to cross the feed's chunks: the streaming reader's verdict and
   * values for each line equal those of a fresh parser over that line alone.
   */
  @Test
  void strictLinesAgreeWithParsingEachLineAlone() throws IOException {
    Random rnd = new Random(11);
    String[] bad = {"{\"k\": 1,", "{\"k\": }", "[1]", "7", "{\"k\": 1}}", "{\"k\": 1} 2", "nul", "{\"k\" 1}", "\"s\""};
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      if (rnd.nextInt(5) == 0) {
        lines.add(bad[rnd.nextInt(bad.length)]);
      } else {
        lines.add("{\"k\": " + rnd.nextInt(1000) + ", \"s\": \"" + "ab\\\"c".repeat(rnd.nextInt(3) == 0 ? 1500 : 2)
            + "\"}");
      }
    }
    StringBuilder text = new StringBuilder();
    for (String l : lines) {
      text.append(l).append(rnd.nextBoolean() ? "\n" : "\r\n");
    }
    JsonReader r = reader(text.toString(), JsonOptions.builder().keys(List.of("k", "s")).layout(Layout.LINES)
        .build());
    List<String> got = new ArrayList<>();
    while (r.next()) {
      TextRecord rec = r.record();
      got.add(rec.line() + (rec.hasProblem() ? " bad" : " " + rec.text(0) + " " + rec.text(1).length()));
    }
    JsonFactory factory = new JsonFactory();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      expected.add((i + 1) + alone(factory, lines.get(i)));
    }
    assertThat(got).isEqualTo(expected);
  }

  /** A line's verdict by a parser of its own: {@code  bad}, or {@code  k length-of-s}. */
  private static String alone(JsonFactory factory, String line) throws IOException {
    try (JsonParser p = factory.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return " bad";
      }
      String k = null;
      int s = -1;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("k")) {
          k = p.getText();
        } else {
          s = p.getText().length();
        }
      }
      return p.nextToken() != null ? " bad" : " " + k + " " + s;
    } catch (JsonProcessingException e) {
      return " bad";
    }
  }

  @Test
  void rawTextIsTheRecordAsJson() throws IOException {
    JsonReader r = reader("{\"b\": \"q\\\"x\", \"n\": 1.50, \"o\": {\"x\": [true]}, \"z\": null}", JsonOptions.DEFAULT);
    assertThat(r.next()).isTrue();
    assertThat(r.rawText()).isEqualTo("{\"b\":\"q\\\"x\",\"n\":1.50,\"o\":{\"x\":[true]}}");
  }

  @Test
  void closeIsIdempotentAndReadingAfterItFails() throws IOException {
    JsonReader r = reader("{}", JsonOptions.DEFAULT);
    r.close();
    r.close();
    assertThatThrownBy(r::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> JsonOptions.builder().keys(List.of("a", "a")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unique");
  }
}
