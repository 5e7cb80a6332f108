package dev.partita.format.text.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The RFC 4180 reader: quoting, line breaks, positions of problems, buffer boundaries. */
class CsvReaderTest {

  static CsvReader reader(String text, CsvOptions o) {
    return new CsvReader("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), o);
  }

  static CsvReader reader(String text) {
    return reader(text, CsvOptions.DEFAULT);
  }

  static List<List<String>> readAll(CsvReader r) throws IOException {
    List<List<String>> out = new ArrayList<>();
    while (r.next()) {
      TextRecord rec = r.record();
      assertThat(rec.problem()).as("line " + rec.line()).isEmpty();
      assertThat(rec.problemKind()).isEqualTo(TextRecord.Problem.NONE);
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < rec.fieldCount(); i++) {
        fields.add(rec.kind(i) == TextRecord.FieldKind.QUOTED ? "Q:" + rec.text(i) : rec.text(i));
      }
      out.add(fields);
    }
    return out;
  }

  @Test
  void quotedFieldsLineBreaksAndBom() throws IOException {
    String text = "\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"multi\nline\",,\"\"\n\n3,4,5";
    CsvReader r = reader(text, CsvOptions.DEFAULT);
    assertThat(r.readHeader()).contains(List.of("a", "b", "c"));
    assertThat(readAll(r)).containsExactly(
        List.of("1", "Q:x, \"y\"", ""),
        List.of("Q:multi\nline", "", "Q:"),
        List.of("3", "4", "5"));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() throws IOException {
    CsvReader r = reader("h\n\"a\nb\nc\"\nx\n", CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().line()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().line()).isEqualTo(5);
    assertThat(r.next()).isFalse();
  }

  @Test
  void otherDelimiterAndQuote() throws IOException {
    CsvReader r = reader("a;b\n'x;y';'it''s'\n", CsvOptions.builder().delimiter(';').quote('\'').build());
    r.readHeader();
    assertThat(readAll(r)).containsExactly(List.of("Q:x;y", "Q:it's"));
  }

  @Test
  void problemsAreReportedOnTheirRecordAndReadingGoesOn() throws IOException {
    CsvReader r = reader("a,b\n1,2,3\n\"x\"y,2\nok,fine\n4,\"open\n", CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isEqualTo("expected 2 fields (as the header has), found 3");
    assertThat(r.record().problemKind()).isEqualTo(TextRecord.Problem.FIELD_COUNT);
    assertThat(r.record().problemDetail()).isEqualTo("3");
    assertThat(r.record().line()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).startsWith("unexpected character 'y' after the closing quote");
    assertThat(r.record().problemKind()).isEqualTo(TextRecord.Problem.TEXT_AFTER_QUOTE);
    assertThat(r.record().problemField()).isEqualTo(1);
    assertThat(r.next()).isTrue();
    assertThat(r.record().hasProblem()).isFalse();
    assertThat(r.record().text(1)).isEqualTo("fine");
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isEqualTo("the quoted field starting at line 5 has no closing quote");
    assertThat(r.record().problemKind()).isEqualTo(TextRecord.Problem.UNCLOSED_QUOTE);
    assertThat(r.record().problemField()).isEqualTo(2);
    assertThat(r.next()).isFalse();
  }

  @Test
  void invalidUtf8IsPinnedToItsRecord() throws IOException {
    byte[] good = "a,b\n1,x\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'2', ',', (byte) 0xFF, 'z', '\n', '3', ',', 'y', '\n'};
    byte[] all = new byte[good.length + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    CsvReader r = new CsvReader("f.csv", new ByteArrayInputStream(all), CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().hasProblem()).isFalse();
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).startsWith("invalid UTF-8 byte sequence (line 3)");
    assertThat(r.record().problemKind()).isEqualTo(TextRecord.Problem.INVALID_UTF8);
    assertThat(r.record().text(1)).isEqualTo("\uFFFDz");
    assertThat(r.record().problemField()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().hasProblem()).isFalse();
    assertThat(r.record().text(1)).isEqualTo("y");
  }

  @Test
  void emptyInput() throws IOException {
    CsvReader r = reader("");
    assertThat(r.readHeader()).isEmpty();
    assertThat(r.wasEmpty()).isTrue();
    CsvReader n = reader("", CsvOptions.builder().header(false).build());
    assertThat(n.next()).isFalse();
    assertThat(n.wasEmpty()).isTrue();
    CsvReader blank = reader("\n\r\n");
    assertThat(blank.next()).isFalse();
    assertThat(blank.wasEmpty()).isFalse();
  }

  @Test
  void crLfAndLoneCrEndRecordsAndCountAsOneLineEach() throws IOException {
    CsvReader r = reader("h1\th2\r\na\tb\rc\t\"d\r\ne\"\n\ne\tf", CsvOptions.builder().delimiter('\t').build());
    assertThat(r.readHeader()).contains(List.of("h1", "h2"));
    List<Long> lines = new ArrayList<>();
    List<String> second = new ArrayList<>();
    while (r.next()) {
      lines.add(r.record().line());
      second.add(r.record().text(1));
    }
    assertThat(lines).containsExactly(2L, 3L, 6L);
    assertThat(second).containsExactly("b", "d\r\ne", "f");
  }

  @Test
  void aSingleFieldRecordKeepsBlankLinesAsEmptyFields() throws IOException {
    CsvReader r = reader("x\n\n\"\"\n", CsvOptions.builder().header(false).build());
    r.expectFields(1);
    assertThat(readAll(r)).containsExactly(List.of("x"), List.of(""), List.of("Q:"));
  }

  @Test
  void nullValueAppliesToUnquotedFieldsOnly() throws IOException {
    CsvReader r = reader("a,b,c\n\\N,\"\\N\",\n");
    r.readHeader();
    assertThat(r.next()).isTrue();
    TextRecord rec = r.record();
    assertThat(rec.isNull(0, "\\N")).isTrue();
    assertThat(rec.isNull(1, "\\N")).isFalse();
    assertThat(rec.isNull(2, "\\N")).isFalse();
    assertThat(rec.isNull(2, "")).isTrue();
    assertThat(rec.isNull(0, "")).isFalse();
  }

  @Test
  void rawTextQuotesAgainWhatWasQuoted() throws IOException {
    CsvReader r = reader("a,b\n\"x \"\"y\"\"\",plain\n");
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.rawText()).isEqualTo("\"x \"\"y\"\"\",plain");
    assertThat(r.fieldNames()).containsExactly("a", "b");
  }

  @Test
  void aMalformedHeaderEndsTheRead() {
    CsvReader r = reader("a,\"b\n");
    assertThatThrownBy(r::readHeader).isInstanceOf(TextInputException.class)
        .hasMessage("f.csv, line 1: bad header: the quoted field starting at line 1 has no closing quote");
  }

  @Test
  void closeIsIdempotentAndReadingAfterItFails() throws IOException {
    CsvReader r = reader("a\n1\n");
    r.close();
    r.close();
    assertThatThrownBy(r::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> CsvOptions.builder().delimiter('"').build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("csv delimiter and quote must differ, both are '\"'");
    assertThatThrownBy(() -> CsvOptions.builder().quote('\n').build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("csv quote must be a character other than a line break (CR or LF), got LF");
    assertThatThrownBy(() -> CsvOptions.builder().delimiter('\r').build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("csv delimiter must be a character other than a line break (CR or LF), got CR");
    assertThatThrownBy(() -> CsvOptions.builder().delimiter('\n').quote('\n').build())
        .hasMessage("csv delimiter must be a character other than a line break (CR or LF), got LF");
    assertThat(CsvOptions.builder().delimiter(';').nullValue("NULL").build().nullValue()).isEqualTo("NULL");
    CsvOptions o = CsvOptions.builder().delimiter('\t').quote('\'').header(false).nullValue("-").build();
    assertThat(o.toBuilder().build()).isEqualTo(o);
    assertThat(o.toBuilder().nullValue("").build()).isNotEqualTo(o).isEqualTo(CsvOptions.builder().delimiter('\t')
        .quote('\'').header(false).build());
  }

  /** Random records, many across the 64K buffer boundary and some longer than the buffer, read back exactly. */
  @Test
  void randomRecordsAcrossBufferBoundaries() throws IOException {
    Random rnd = new Random(42);
    String alphabet = "abc xyz,\"\n\r;éø中\uD83D\uDE00";
    List<List<String>> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder("c1,c2,c3\n");
    for (int row = 0; row < 4000; row++) {
      List<String> fields = new ArrayList<>();
      for (int f = 0; f < 3; f++) {
        int len = rnd.nextInt(100) == 0 ? 70_000 + rnd.nextInt(1000) : rnd.nextInt(40);
        StringBuilder v = new StringBuilder();
        while (v.length() < len) {
          int k = rnd.nextInt(alphabet.length());
          char c = alphabet.charAt(k);
          if (Character.isHighSurrogate(c)) {
            v.append(c).append(alphabet.charAt(k + 1));
          } else if (!Character.isLowSurrogate(c)) {
            v.append(c);
          }
        }
        String s = v.toString();
        boolean quote = s.isEmpty() || s.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        if (quote) {
          text.append('"').append(s.replace("\"", "\"\"")).append('"');
          fields.add("Q:" + s);
        } else {
          text.append(s);
          fields.add(s);
        }
        text.append(f < 2 ? "," : rnd.nextBoolean() ? "\n" : "\r\n");
      }
      expected.add(fields);
    }
    CsvReader r = reader(text.toString(), CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(readAll(r)).isEqualTo(expected);
  }
}
