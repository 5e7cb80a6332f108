package dev.partita.cli.input;

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
class CsvRecordReaderTest {

  static CsvRecordReader reader(String text, CsvOptions o) {
    return new CsvRecordReader("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), o);
  }

  static List<List<String>> readAll(CsvRecordReader r) throws IOException {
    List<List<String>> out = new ArrayList<>();
    while (r.next()) {
      Record rec = r.record();
      assertThat(rec.problem()).as("line " + rec.line()).isNull();
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < rec.fieldCount(); i++) {
        fields.add(rec.kind(i) == Record.FieldKind.QUOTED ? "Q:" + rec.text(i) : rec.text(i));
      }
      out.add(fields);
    }
    return out;
  }

  @Test
  void quotedFieldsLineBreaksAndBom() throws IOException {
    String text = "\uFEFFa,b,c\r\n1,\"x, \"\"y\"\"\",\r\n\"multi\nline\",,\"\"\n\n3,4,5";
    CsvRecordReader r = reader(text, CsvOptions.DEFAULT);
    assertThat(r.readHeader()).containsExactly("a", "b", "c");
    assertThat(readAll(r)).containsExactly(
        List.of("1", "Q:x, \"y\"", ""),
        List.of("Q:multi\nline", "", "Q:"),
        List.of("3", "4", "5"));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() throws IOException {
    CsvRecordReader r = reader("h\n\"a\nb\nc\"\nx\n", CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().line()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().line()).isEqualTo(5);
    assertThat(r.next()).isFalse();
  }

  @Test
  void otherDelimiterAndQuote() throws IOException {
    CsvRecordReader r = reader("a;b\n'x;y';'it''s'\n", new CsvOptions(';', '\'', true, ""));
    r.readHeader();
    assertThat(readAll(r)).containsExactly(List.of("Q:x;y", "Q:it's"));
  }

  @Test
  void problemsAreReportedOnTheirRecordAndReadingGoesOn() throws IOException {
    CsvRecordReader r = reader("a,b\n1,2,3\n\"x\"y,2\nok,fine\n4,\"open\n", CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isEqualTo("expected 2 fields (as the header has), found 3");
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).startsWith("unexpected character 'y' after the closing quote");
    assertThat(r.record().problemField()).isEqualTo(1);
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isNull();
    assertThat(r.record().text(1)).isEqualTo("fine");
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isEqualTo("the quoted field starting at line 5 has no closing quote");
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
    CsvRecordReader r = new CsvRecordReader("f.csv", new ByteArrayInputStream(all), CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isNull();
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).startsWith("invalid UTF-8 byte sequence (line 3)");
    assertThat(r.record().problemField()).isEqualTo(2);
    assertThat(r.next()).isTrue();
    assertThat(r.record().problem()).isNull();
    assertThat(r.record().text(1)).isEqualTo("y");
  }

  @Test
  void emptyInput() throws IOException {
    CsvRecordReader r = reader("", CsvOptions.DEFAULT);
    assertThatThrownBy(r::readHeader).isInstanceOf(InputException.class).hasMessageContaining("f.csv is empty");
    CsvRecordReader n = reader("", new CsvOptions(',', '"', false, ""));
    assertThat(n.next()).isFalse();
    assertThat(n.wasEmpty()).isTrue();
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
    CsvRecordReader r = reader(text.toString(), CsvOptions.DEFAULT);
    r.readHeader();
    assertThat(readAll(r)).isEqualTo(expected);
  }
}
