package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partita.DataSize;
import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileMetrics;
import dev.partita.format.text.Rfc4180.Field;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CSV files of every type, read back by DuckDB and by the test's own RFC 4180 reader. */
class CsvFormatTest {
  private static final int ROWS = 3000;

  @TempDir
  Path dir;

  static Stream<Arguments> codecsAndChunks() {
    return Stream.of(Arguments.of("none", 256), Arguments.of("none", 1), Arguments.of("gzip", 256),
        Arguments.of("gzip", 1), Arguments.of("zstd", 256), Arguments.of("zstd", 1));
  }

  @ParameterizedTest(name = "{0}, {1}KB chunks")
  @MethodSource("codecsAndChunks")
  void everyTypeReadsBackInDuckDb(String codec, int chunkKb) throws IOException {
    List<Object[]> rows = TestRows.rows(ROWS, 7);
    CsvFormat format = CsvFormat.builder().codec(CompressionCodecs.byName(codec))
        .chunkSize(DataSize.ofKilobytes(chunkKb)).build();
    Path file = dir.resolve("data" + format.fileSuffix());
    FileMetrics m = TextFiles.write(format, TestRows.SCHEMA, rows, file);
    assertThat(m.rows()).isEqualTo(ROWS);
    assertThat(m.bytes()).isEqualTo(Files.size(file));
    List<Object[]> actual = DuckDb.query("SELECT " + TestRows.duckDbSelect() + " FROM read_csv(" + DuckDb.lit(file)
        + ", header=true, delim=',', quote='\"', escape='\"', nullstr='', allow_quoted_nulls=false, columns="
        + TestRows.duckDbColumns(TestRows.SCHEMA, TestRows.DUCKDB_TYPES) + ") ORDER BY id");
    assertSameValues(rows, actual);
  }

  /** Delimiter, quote, null token and header variants, each read by DuckDB with the same dialect. */
  static Stream<Arguments> dialects() {
    return Stream.of(
        Arguments.of(';', '"', "", true),
        Arguments.of('\t', '"', "\\N", true),
        Arguments.of('|', '\'', "NULL", false),
        Arguments.of(',', '"', "\\N", false));
  }

  @ParameterizedTest(name = "delimiter {0} quote {1} null {2} header {3}")
  @MethodSource("dialects")
  void dialectsReadBackInDuckDb(char delimiter, char quote, String nullToken, boolean header) throws IOException {
    List<Object[]> rows = TestRows.rows(800, 8);
    CsvFormat format = CsvFormat.builder().delimiter(delimiter).quote(quote).nullToken(nullToken).header(header)
        .codec(CompressionCodecs.byName("gzip")).build();
    Path file = dir.resolve("dialect" + format.fileSuffix());
    TextFiles.write(format, TestRows.SCHEMA, rows, file);
    String q = String.valueOf(quote).replace("'", "''");
    List<Object[]> actual = DuckDb.query("SELECT " + TestRows.duckDbSelect() + " FROM read_csv(" + DuckDb.lit(file)
        + ", header=" + header + ", delim='" + (delimiter == '\t' ? "\\t" : delimiter) + "', quote='" + q
        + "', escape='" + q + "', nullstr='" + nullToken + "', allow_quoted_nulls=false, columns="
        + TestRows.duckDbColumns(TestRows.SCHEMA, TestRows.DUCKDB_TYPES) + ") ORDER BY id");
    assertSameValues(rows, actual);

    // The independent reader sees the same strings, and nulls exactly where the rows have them.
    List<List<Field>> records = Rfc4180.parse(new String(TextFiles.decompressed(file), StandardCharsets.UTF_8),
        delimiter, quote);
    assertThat(records).hasSize(rows.size() + (header ? 1 : 0));
    if (header) {
      assertThat(records.get(0)).extracting(Field::text).containsExactlyElementsOf(
          TestRows.SCHEMA.columns().stream().map(c -> c.name()).toList());
    }
    for (int k = 0; k < rows.size(); k++) {
      List<Field> rec = records.get(k + (header ? 1 : 0));
      assertThat(rec).hasSize(TestRows.SCHEMA.size());
      for (int i = 0; i < rec.size(); i++) {
        Field f = rec.get(i);
        boolean readsAsNull = !f.quoted() && f.text().equals(nullToken);
        assertThat(readsAsNull).as("row %d column %d null", k, i).isEqualTo(rows.get(k)[i] == null);
      }
      if (rows.get(k)[10] != null) {
        assertThat(rec.get(10).text()).isEqualTo(rows.get(k)[10]);
      }
    }
  }

  @Test
  void quotingFollowsRfc4180() throws IOException {
    Schema schema = Schema.builder().optional("s", dev.partita.schema.DataType.string())
        .optional("n", dev.partita.schema.DataType.int32()).build();
    List<Object[]> rows = new ArrayList<>();
    for (String s : TestRows.STRINGS) {
      rows.add(new Object[] {s, 1});
    }
    rows.add(new Object[] {null, null});
    Path file = dir.resolve("q.csv");
    TextFiles.write(CsvFormat.builder().build(), schema, rows, file);
    String text = Files.readString(file);
    List<String> expectedLines = new ArrayList<>();
    expectedLines.add("s,n");
    // Exactly the fields RFC 4180 (plus the leading/trailing-space and empty-vs-null rules) requires to be quoted.
    for (String s : TestRows.STRINGS) {
      boolean quote = s.isEmpty() || s.startsWith(" ") || s.endsWith(" ") || s.startsWith("\t") || s.endsWith("\t")
          || s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
      expectedLines.add((quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s) + ",1");
    }
    expectedLines.add(",");
    assertThat(text).isEqualTo(String.join("\n", expectedLines) + "\n");
    assertThat(text).contains("\"say \"\"hi\"\"\",1\n", "\"\",1\n", "\" lead\",1\n", "\"a,b\",1\n",
        "\"line1\nline2\",1\n", "\\N,1\n", "NULL,1\n");

    List<Object[]> actual = DuckDb.query("SELECT s, n FROM read_csv(" + DuckDb.lit(file)
        + ", header=true, allow_quoted_nulls=false, columns={'s': 'VARCHAR', 'n': 'INTEGER'})");
    assertThat(actual).hasSize(rows.size());
    for (int k = 0; k < rows.size(); k++) {
      assertThat(actual.get(k)[0]).as("row %d", k).isEqualTo(rows.get(k)[0]);
      assertThat(actual.get(k)[1]).isEqualTo(rows.get(k)[1] == null ? null : 1L);
    }
  }

  @Test
  void valuesEqualToTheNullTokenAreQuoted() throws IOException {
    Schema schema = Schema.builder().optional("s", dev.partita.schema.DataType.string())
        .optional("i", dev.partita.schema.DataType.int32()).optional("b", dev.partita.schema.DataType.binary())
        .build();
    List<Object[]> rows = List.of(new Object[] {"0", 0, new byte[0]}, new Object[] {null, null, null},
        new Object[] {"", 1, new byte[] {1}});
    Path file = dir.resolve("token.csv");
    TextFiles.write(CsvFormat.builder().nullToken("0").header(false).build(), schema, rows, file);
    assertThat(Files.readString(file)).isEqualTo("\"0\",\"0\",\n0,0,0\n,1,AQ==\n");
    Path file2 = dir.resolve("empty-token.csv");
    TextFiles.write(CsvFormat.builder().header(false).build(), schema, rows, file2);
    assertThat(Files.readString(file2)).isEqualTo("0,0,\"\"\n,,\n\"\",1,AQ==\n");
  }

  @Test
  void gzipFileIsMultiMemberAndReadableByTheGzipTool() throws Exception {
    List<Object[]> rows = TestRows.rows(2000, 9);
    Path plain = dir.resolve("plain.csv");
    TextFiles.write(CsvFormat.builder().build(), TestRows.SCHEMA, rows, plain);
    CsvFormat gz = CsvFormat.builder().codec(CompressionCodecs.byName("gzip")).chunkSize(DataSize.ofKilobytes(8))
        .build();
    assertThat(gz.fileSuffix()).isEqualTo(".csv.gz");
    Path file = dir.resolve("data.csv.gz");
    TextFiles.write(gz, TestRows.SCHEMA, rows, file);
    byte[] expected = Files.readAllBytes(plain);
    assertThat(TextFiles.decompressed(file)).isEqualTo(expected);
    assertThat(countGzipMembers(Files.readAllBytes(file))).isGreaterThan(expected.length / (8 * 1024) - 1);

    ProcessBuilder pb;
    try {
      Process which = new ProcessBuilder("gzip", "--version").redirectErrorStream(true).start();
      which.getInputStream().readAllBytes();
      assumeTrue(which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0, "gzip tool not installed");
    } catch (IOException e) {
      assumeTrue(false, "gzip tool not installed");
    }
    pb = new ProcessBuilder("gzip", "-dc", file.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void emptyFilesAreValid() throws IOException {
    for (String codec : new String[] {"none", "gzip", "zstd"}) {
      for (boolean header : new boolean[] {true, false}) {
        CsvFormat f = CsvFormat.builder().header(header).codec(CompressionCodecs.byName(codec)).build();
        Path file = dir.resolve("empty-" + header + f.fileSuffix());
        FileMetrics m = TextFiles.write(f, TestRows.SCHEMA, List.of(), file);
        assertThat(m.rows()).isZero();
        assertThat(m.columns()).allSatisfy(c -> {
          assertThat(c.valueCount()).isZero();
          assertThat(c.min()).isEmpty();
        });
        String text = new String(TextFiles.decompressed(file), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(header ? "id,b,i8,i16,i32,i64,f,d,dec,big,s,bin,date,t,ts,tstz\n" : "");
        if (!codec.equals("none")) {
          assertThat(Files.size(file)).isPositive();
        }
        if (header) {
          assertThat(DuckDb.query("SELECT count(*) FROM read_csv(" + DuckDb.lit(file) + ", header=true, columns="
              + TestRows.duckDbColumns(TestRows.SCHEMA, TestRows.DUCKDB_TYPES) + ")").get(0)[0]).isEqualTo(0L);
        }
      }
    }
  }

  static int countGzipMembers(byte[] b) {
    int n = 0;
    for (int i = 0; i + 3 < b.length; i++) {
      if ((b[i] & 0xFF) == 0x1f && (b[i + 1] & 0xFF) == 0x8b && b[i + 2] == 8 && b[i + 3] == 0) {
        n++;
      }
    }
    return n;
  }

  /** Compares DuckDB's rows with the written ones, column by column. */
  static void assertSameValues(List<Object[]> rows, List<Object[]> actual) {
    assertThat(actual).hasSameSizeAs(rows);
    for (int k = 0; k < rows.size(); k++) {
      Object[] exp = rows.get(k);
      Object[] act = actual.get(k);
      for (int i = 0; i < exp.length; i++) {
        Object e = TestRows.expected(i, exp[i]);
        Object a = act[i];
        String what = "row " + k + " column " + TestRows.SCHEMA.column(i).name();
        if (e instanceof BigDecimal d) {
          assertThat((BigDecimal) a).as(what).isEqualByComparingTo(d);
        } else if (e instanceof byte[] b) {
          assertThat((byte[]) a).as(what + " (base64 " + Base64.getEncoder().encodeToString(b) + ")").isEqualTo(b);
        } else {
          assertThat(a).as(what).isEqualTo(e);
        }
      }
    }
  }
}
