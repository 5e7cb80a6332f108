package dev.partita.format.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partita.codec.CompressionCodecs;
import dev.partita.format.FileFormat;
import dev.partita.format.FileMetrics;
import dev.partita.format.text.Rfc4180.Field;
import dev.partita.schema.DataType;
import dev.partita.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code airports.csv} (names with commas and doubled quotes), parsed by the test's RFC 4180 reader,
 * rewritten as CSV and JSON Lines with and without compression, and read back by DuckDB value for value.
 */
class AirportsDatasetTest {
  private static final Schema SCHEMA = Schema.builder()
      .required("iata", DataType.string())
      .required("name", DataType.string())
      .required("city", DataType.string())
      .required("state", DataType.string())
      .required("country", DataType.string())
      .required("latitude", DataType.float64())
      .required("longitude", DataType.float64())
      .build();
  private static final String COLUMNS = "{'iata': 'VARCHAR', 'name': 'VARCHAR', 'city': 'VARCHAR', 'state': 'VARCHAR',"
      + " 'country': 'VARCHAR', 'latitude': 'DOUBLE', 'longitude': 'DOUBLE'}";

  @TempDir
  Path dir;

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(CsvFormat.builder().build()),
        Arguments.of(CsvFormat.builder().codec(CompressionCodecs.byName("gzip")).build()),
        Arguments.of(CsvFormat.builder().delimiter('|').codec(CompressionCodecs.byName("zstd")).build()),
        Arguments.of(JsonLinesFormat.builder().build()),
        Arguments.of(JsonLinesFormat.builder().codec(CompressionCodecs.byName("gzip")).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rewrittenAirportsReadBackInDuckDb(FileFormat format) throws IOException {
    List<Object[]> source = readSource();
    assertThat(source).hasSize(3376);
    Path file = dir.resolve("airports" + format.fileSuffix());
    FileMetrics m = TextFiles.write(format, SCHEMA, source, file);
    assertThat(m.rows()).isEqualTo(source.size());
    assertThat(m.columns().get(3).min()).contains("AK");

    String reader = format instanceof CsvFormat c
        ? "read_csv(" + DuckDb.lit(file) + ", header=true, delim='" + c.delimiter() + "', quote='\"', escape='\"',"
            + " columns=" + COLUMNS + ")"
        : "read_json(" + DuckDb.lit(file) + ", format='newline_delimited', columns=" + COLUMNS + ")";
    List<Object[]> actual = DuckDb.query("SELECT * FROM " + reader);
    assertThat(actual).hasSameSizeAs(source);
    for (int k = 0; k < source.size(); k++) {
      assertThat(actual.get(k)).as("airport %d", k).containsExactly(source.get(k));
    }
    // DuckDB reads the original file to the same rows: the rewrite lost nothing.
    List<Object[]> original = DuckDb.query("SELECT * FROM read_csv(" + DuckDb.lit(source()) + ", header=true,"
        + " columns=" + COLUMNS + ") EXCEPT ALL SELECT * FROM " + reader);
    assertThat(original).isEmpty();
  }

  private static Path source() {
    return TextFiles.datasets().resolve("airports.csv");
  }

  private static List<Object[]> readSource() throws IOException {
    List<List<Field>> records = Rfc4180.parse(Files.readString(source()), ',', '"');
    assertThat(records.get(0)).extracting(Field::text)
        .containsExactly("iata", "name", "city", "state", "country", "latitude", "longitude");
    List<Object[]> rows = new ArrayList<>();
    for (List<Field> r : records.subList(1, records.size())) {
      assertThat(r).hasSize(7);
      rows.add(new Object[] {r.get(0).text(), r.get(1).text(), r.get(2).text(), r.get(3).text(), r.get(4).text(),
          Double.parseDouble(r.get(5).text()), Double.parseDouble(r.get(6).text())});
    }
    return rows;
  }
}
